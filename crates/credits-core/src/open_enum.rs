//! Decoding the answer enums that may grow (`status`, `role`, `kind`, ...):
//! a value a newer server adds becomes `Unknown` instead of an error.
//!
//! One string decode shared by all of them, then a lookup in the variants'
//! own `as_str`: serde's derive writes a visitor per enum, which in the
//! browser's wasm costs about a kilobyte each.

/// `impl Deserialize` for an enum with `as_str` and an `Unknown` variant,
/// trying each listed variant's `as_str` in turn.
macro_rules! open_enum_deserialize {
    ($enum:ident: $($variant:ident),+ $(,)?) => {
        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let wire = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Ok([$($enum::$variant),+]
                    .into_iter()
                    .find(|v| v.as_str() == wire)
                    .unwrap_or($enum::Unknown))
            }
        }
    };
}

pub(crate) use open_enum_deserialize;

#[cfg(test)]
mod tests {
    use serde_json::{from_value, json, to_value};

    use crate::{GrantKind, PaymentMethod, PlanId, PurchaseKind, Role, Status, UsageStatus};

    /// Each variant's `as_str` round-trips, so no variant is missing from
    /// the list given to `open_enum_deserialize!`.
    fn round_trips<T>(all: &[T])
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        for v in all {
            let wire = to_value(v).unwrap();
            assert_eq!(&from_value::<T>(wire.clone()).unwrap(), v, "{wire}");
        }
    }

    #[test]
    fn every_variant_round_trips_and_a_new_value_is_unknown() {
        use Status::*;
        round_trips(&[Free, Trialing, Active, PastDue, Expired, Canceled, Unknown]);
        round_trips(&[Role::Owner, Role::Admin, Role::Member, Role::Unknown]);
        round_trips(&[
            PaymentMethod::Ok,
            PaymentMethod::Missing,
            PaymentMethod::Failing,
        ]);
        round_trips(&[
            GrantKind::Monthly,
            GrantKind::Trial,
            GrantKind::TopUp,
            GrantKind::Promo,
        ]);
        round_trips(&[PlanId::Free, PlanId::Basic, PlanId::Pro, PlanId::Enterprise]);
        round_trips(&[
            PurchaseKind::TopUp,
            PurchaseKind::Upgrade,
            PurchaseKind::Downgrade,
            PurchaseKind::Renewal,
            PurchaseKind::PaymentFixed,
        ]);
        round_trips(&[
            UsageStatus::Charged,
            UsageStatus::Refunded,
            UsageStatus::Failed,
        ]);
        assert_eq!(
            from_value::<PlanId>(json!("platinum")).unwrap(),
            PlanId::Unknown
        );
        assert_eq!(from_value::<Role>(json!("")).unwrap(), Role::Unknown);
    }

    #[test]
    fn a_value_that_is_not_a_string_is_an_error() {
        assert!(from_value::<Status>(json!(3)).is_err());
        assert!(from_value::<Status>(json!({"active": null})).is_err());
        assert!(serde_json::from_str::<PlanId>("null").is_err());
    }
}

//! Taking credits from a workspace's grants: soonest-expiring first, never below zero.

use crate::domain::model::Grant;

/// Takes `cost` credits from the grants live at `now`, in the order given
/// (see `model::spending_order`). Returns how much each grant gave, by grant
/// id, or `None`, touching nothing, when the live grants hold less than `cost`.
pub fn take(grants: &mut [Grant], now: i64, cost: u64) -> Option<Vec<(i64, u64)>> {
    let live: u64 = grants
        .iter()
        .filter(|g| g.is_live(now))
        .fold(0u64, |s, g| s.saturating_add(g.remaining));
    if live < cost {
        return None;
    }
    let mut left = cost;
    let mut taken = Vec::new();
    for g in grants.iter_mut().filter(|g| g.is_live(now)) {
        if left == 0 {
            break;
        }
        let part = g.remaining.min(left);
        if part > 0 {
            g.remaining -= part;
            left -= part;
            taken.push((g.id, part));
        }
    }
    Some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::spending_order;
    use credits_core::GrantKind;

    fn grant(id: i64, kind: GrantKind, remaining: u64, expires_at: Option<i64>) -> Grant {
        Grant {
            id,
            kind,
            granted: remaining,
            remaining,
            expires_at,
        }
    }

    #[test]
    fn soonest_expiring_goes_first_and_expired_never() {
        let mut grants = vec![
            grant(1, GrantKind::TopUp, 100, None),
            grant(2, GrantKind::Monthly, 30, Some(500)),
            grant(3, GrantKind::Promo, 10, Some(200)),
            grant(4, GrantKind::Promo, 999, Some(50)),
        ];
        spending_order(&mut grants);
        assert_eq!(
            grants.iter().map(|g| g.id).collect::<Vec<_>>(),
            [4, 3, 2, 1]
        );
        let taken = take(&mut grants, 100, 45).unwrap();
        assert_eq!(taken, [(3, 10), (2, 30), (1, 5)]);
        assert_eq!(grants[0].remaining, 999, "an expired grant is not spent");
        assert_eq!(grants[3].remaining, 95);
    }

    #[test]
    fn too_little_takes_nothing() {
        let mut grants = vec![grant(1, GrantKind::Monthly, 6, Some(500))];
        assert_eq!(take(&mut grants, 100, 7), None);
        assert_eq!(grants[0].remaining, 6);
        assert_eq!(take(&mut grants, 100, 6), Some(vec![(1, 6)]));
        assert_eq!(take(&mut grants, 100, 0), Some(vec![]));
        assert_eq!(take(&mut grants, 100, 1), None);
    }
}

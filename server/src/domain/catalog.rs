//! The plans on sale (`server/data/plans.toml`) and which plan unlocks what.

use credits_core::{Action, Blocked, Plan, PlanId};
use serde::Deserialize;

/// The plans, compiled into the binary so it runs from any directory.
pub const PLANS_TOML: &str = include_str!("../../data/plans.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    plans: Vec<Plan>,
}

/// The plans, cheapest first.
#[derive(Debug, Clone)]
pub struct Catalog {
    plans: Vec<Plan>,
}

impl Catalog {
    /// The shipped plans.
    pub fn shipped() -> Result<Self, String> {
        Self::from_toml(PLANS_TOML).map_err(|e| format!("server/data/plans.toml: {e}"))
    }

    /// Reads and checks a plans file: known ids and features, safe upgrade links.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        if file.plans.is_empty() {
            return Err("no plans".to_owned());
        }
        for p in &file.plans {
            if p.id == PlanId::Unknown {
                return Err(format!("plan {:?} has an unknown id", p.name));
            }
            if let Some(f) = p
                .features
                .iter()
                .find(|f| !Action::IDS.contains(&f.as_str()))
            {
                return Err(format!("plan {}: unknown feature {f:?}", p.id.as_str()));
            }
            // The components' rule: the page is unknown here, so a relative
            // link must stay on whatever origin serves it.
            if !credits_core::links::is_safe_href(&p.upgrade_url, "https://app.invalid/") {
                return Err(format!(
                    "plan {}: upgrade_url must be https or a path of the app's own origin",
                    p.id.as_str()
                ));
            }
        }
        Ok(Catalog { plans: file.plans })
    }

    pub fn plans(&self) -> &[Plan] {
        &self.plans
    }

    pub fn get(&self, id: PlanId) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// `Some` when `plan` lacks the action, naming the cheapest plan that has it.
    pub fn blocked(&self, plan: PlanId, action_id: &str) -> Option<Blocked> {
        let has = |p: &Plan| p.features.iter().any(|f| f == action_id);
        if self.get(plan).is_some_and(has) {
            return None;
        }
        Some(Blocked {
            code: "feature_not_in_plan".to_owned(),
            required_plan: self
                .plans
                .iter()
                .find(|p| has(p))
                .map(|p| p.id.as_str().to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_plans_are_ordered_and_cumulative() {
        let c = Catalog::shipped().unwrap();
        let ids: Vec<_> = c.plans().iter().map(|p| p.id).collect();
        assert_eq!(
            ids,
            [PlanId::Free, PlanId::Basic, PlanId::Pro, PlanId::Enterprise]
        );
        for pair in c.plans().windows(2) {
            assert!(pair[0].monthly_credits < pair[1].monthly_credits);
            assert!(pair[0]
                .features
                .iter()
                .all(|f| pair[1].features.contains(f)));
        }
        let ent = c.get(PlanId::Enterprise).unwrap();
        assert_eq!((ent.price.as_ref(), ent.seats), (None, None));
        assert_eq!(ent.features.len(), Action::IDS.len());
    }

    #[test]
    fn blocked_names_the_cheapest_plan_with_the_feature() {
        let c = Catalog::shipped().unwrap();
        let b = c.blocked(PlanId::Basic, "video.generate").unwrap();
        assert_eq!(b.code, "feature_not_in_plan");
        assert_eq!(b.required_plan.as_deref(), Some("pro"));
        let b = c.blocked(PlanId::Free, "edit.inpaint").unwrap();
        assert_eq!(b.required_plan.as_deref(), Some("basic"));
        assert_eq!(c.blocked(PlanId::Free, "asset.view"), None);
        assert_eq!(c.blocked(PlanId::Pro, "model.train"), None);
    }

    /// Issue 11.2: the server's plan-link check is the components' rule.
    #[test]
    fn plan_links_a_browser_sends_to_another_host_are_refused() {
        for href in credits_core::links::HOSTILE_HREFS {
            let toml_string = toml::Value::String((*href).to_owned()).to_string();
            let bad = PLANS_TOML.replace("\"/contact-sales\"", &toml_string);
            assert!(Catalog::from_toml(&bad).is_err(), "{href:?}");
        }
    }

    #[test]
    fn refuses_unsafe_links_and_unknown_features() {
        let bad = PLANS_TOML.replace("/contact-sales", "javascript:alert(1)");
        assert!(Catalog::from_toml(&bad).is_err());
        let bad = PLANS_TOML.replace("\"model.train\"", "\"model.trian\"");
        assert!(Catalog::from_toml(&bad).is_err());
    }
}

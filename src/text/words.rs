//! The one way components read the catalogue: a fixed word, a template with
//! its `{placeholders}` filled in one pass, a counted phrase, and the names of
//! plans and actions. Outside a provider each gives the English word.

use std::borrow::Cow;

use credits_core::{Plan, PlanId};
use leptos::prelude::*;

use super::fill;
use crate::{CreditsContext, CreditsText, PluralText};

/// Picks one word of the catalogue, e.g. `|t| &t.retry`.
pub type Pick = fn(&CreditsText) -> &Cow<'static, str>;
/// Picks one counted phrase of the catalogue, e.g. `|t| &t.credits`.
pub type PickPlural = fn(&CreditsText) -> &PluralText;

impl CreditsContext {
    /// A fixed word of the catalogue, e.g. `ctx.word(|t| &t.retry)`.
    pub fn word(&self, pick: Pick) -> String {
        self.text.with_value(|t| pick(t).to_string())
    }

    /// A template of the catalogue with its `{key}`s filled in one pass.
    pub fn fill(&self, pick: Pick, pairs: &[(&str, &str)]) -> String {
        self.text.with_value(|t| fill(pick(t), pairs))
    }

    /// A plan's name from the catalogue ("Pro"), never made from its id.
    pub fn plan_name(&self, id: PlanId) -> String {
        self.text.with_value(|t| t.plan_name(id).to_string())
    }

    /// The name of a plan the server lists: the catalogue's, or for a plan a
    /// newer server adds, the name the server gives (shown as text).
    pub fn listed_plan_name(&self, plan: &Plan) -> String {
        match plan.id {
            PlanId::Unknown if !plan.name.trim().is_empty() => plan.name.clone(),
            id => self.plan_name(id),
        }
    }

    /// An action's name from the catalogue ("Video generation"); an id the
    /// catalogue lacks is shown as sent.
    pub fn action_name(&self, id: &str) -> String {
        self.text.with_value(|t| t.action_name(id))
    }
}

impl CreditsText {
    /// A plan's name; a plan a newer server adds gets `plan_other`.
    pub fn plan_name(&self, id: PlanId) -> &str {
        match id {
            PlanId::Free => &self.plan_free,
            PlanId::Basic => &self.plan_basic,
            PlanId::Pro => &self.plan_pro,
            PlanId::Enterprise => &self.plan_enterprise,
            PlanId::Unknown => &self.plan_other,
        }
    }

    /// An action id's name ("video.generate" → "Video generation"): the
    /// catalogue's, else English's, else the id as sent.
    pub fn action_name(&self, id: &str) -> String {
        let find = |list: &[(Cow<'static, str>, Cow<'static, str>)]| {
            list.iter()
                .find(|(k, _)| k == id)
                .map(|(_, v)| v.to_string())
        };
        find(&self.actions)
            .or_else(|| find(&CreditsText::ENGLISH.actions))
            .unwrap_or_else(|| id.to_owned())
    }
}

/// A word of the provider's catalogue, or English outside one.
pub fn word(ctx: Option<CreditsContext>, pick: Pick) -> String {
    match ctx {
        Some(c) => c.word(pick),
        None => pick(&CreditsText::ENGLISH).to_string(),
    }
}

/// A template of the provider's catalogue (English outside one), filled in one pass.
pub fn fill_word(ctx: Option<CreditsContext>, pick: Pick, pairs: &[(&str, &str)]) -> String {
    fill(word(ctx, pick), pairs)
}

/// A plan's name from the provider's catalogue, or English outside one.
pub fn plan_name(ctx: Option<CreditsContext>, id: PlanId) -> String {
    match ctx {
        Some(c) => c.plan_name(id),
        None => CreditsText::ENGLISH.plan_name(id).to_owned(),
    }
}

//! The prompt's words from the host's text, with numbers in the locale.

use std::borrow::Cow;

use credits_core::prompt::Why;
use credits_core::{Plan, PlanId, Reason};

use leptos::prelude::*;

use crate::{CreditsContext, CreditsText};

pub(super) type Pick = fn(&CreditsText) -> &Cow<'static, str>;

pub(super) fn word(ctx: Option<CreditsContext>, pick: Pick) -> String {
    match ctx {
        Some(c) => c.word(pick),
        None => pick(&CreditsText::default()).to_string(),
    }
}

pub(super) fn credits(ctx: Option<CreditsContext>, n: u64) -> String {
    ctx.map(|c| c.credits(n)).unwrap_or_else(|| n.to_string())
}

pub(super) fn locale(ctx: Option<CreditsContext>) -> Option<String> {
    ctx.and_then(|c| c.locale.get_untracked())
}

pub(super) fn title(ctx: Option<CreditsContext>, why: Why) -> String {
    word(
        ctx,
        match why {
            Why::FeatureNotInPlan => |t| &t.prompts.feature_title,
            Why::Short(Reason::MonthlyLimitReached) => |t| &t.prompts.monthly_title,
            Why::Short(Reason::SubscriptionExpired) => |t| &t.prompts.expired_title,
            Why::Short(Reason::SharedPoolExhausted) => |t| &t.prompts.shared_title,
            Why::Short(Reason::TrialExhausted) => |t| &t.prompts.trial_title,
            Why::Short(Reason::PaymentFailed) => |t| &t.prompts.payment_title,
            Why::Short(Reason::Unknown) => |t| &t.prompts.unknown_title,
        },
    )
}

/// A plan's name as the server lists it, else from its id.
pub(super) fn name_of(plans: &[Plan], id: PlanId) -> String {
    plans
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| id.as_str().to_owned())
}

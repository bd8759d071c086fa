//! The lines that say why the prompt opened, one set per reason.

use credits_core::prompt::{top_spender, Why};
use credits_core::time::parse_rfc3339;
use credits_core::{BalanceResponse, GrantKind, MemberSpend, Plan, Reason};

use super::choice::unlocking_plan;
use super::words::{credits, locale, name_of, word, Pick};
use super::Refusal;
use crate::intl::format_day;
use crate::primitives::now_s;
use crate::text::fill;
use crate::CreditsContext;

/// Why the prompt opened, in the host's words: the reason's lines, with the
/// plan, the day the subscription ended, who used the shared pool most, the
/// trial's credits, as each reason needs.
pub(super) fn reason_lines(
    ctx: Option<CreditsContext>,
    why: Why,
    refusal: &Refusal,
    f: Option<&BalanceResponse>,
    by_member: Option<&[MemberSpend]>,
    plans: &[Plan],
) -> Vec<String> {
    let w = move |pick: Pick| word(ctx, pick);
    let cr = move |n: u64| credits(ctx, n);
    let current = f.map(|f| name_of(plans, f.plan)).unwrap_or_default();
    match why {
        Why::Short(Reason::MonthlyLimitReached) => vec![w(|t| &t.prompts.monthly_body)],
        Why::Short(Reason::SubscriptionExpired) => {
            let mut lines = vec![fill(w(|t| &t.prompts.expired_body), &[("plan", &current)])];
            let ended = f
                .as_ref()
                .and_then(|f| f.cycle.as_ref())
                .and_then(|c| parse_rfc3339(&c.resets_at))
                .filter(|t| *t <= now_s());
            if let Some(t) = ended {
                let day = format_day(t, locale(ctx).as_deref());
                lines.push(fill(w(|t| &t.prompts.expired_when), &[("day", &day)]));
            }
            lines
        }
        Why::Short(Reason::SharedPoolExhausted) => {
            let mut lines = vec![w(|t| &t.prompts.shared_body)];
            let me = f.as_ref().map(|f| f.member.id.clone()).unwrap_or_default();
            let top = by_member
                .and_then(|b| top_spender(b, &me))
                .map(|s| (s.member.name.clone(), s.credits));
            if let Some((name, spent)) = top {
                lines.push(fill(
                    w(|t| &t.prompts.shared_top),
                    &[("name", &name), ("credits", &cr(spent))],
                ));
            }
            lines
        }
        Why::Short(Reason::TrialExhausted) => {
            let trial = f
                .as_ref()
                .and_then(|f| f.grants.iter().find(|g| g.kind == GrantKind::Trial))
                .map(|g| (g.granted, g.remaining));
            let mut lines = Vec::new();
            match trial {
                Some((n, 0)) => {
                    lines.push(fill(w(|t| &t.prompts.trial_body), &[("credits", &cr(n))]))
                }
                Some((n, left)) if left >= n => {
                    lines.push(fill(w(|t| &t.prompts.trial_unused), &[("credits", &cr(n))]))
                }
                Some((n, left)) => lines.push(fill(
                    w(|t| &t.prompts.trial_short),
                    &[("credits", &cr(n)), ("balance", &cr(left))],
                )),
                None => {}
            }
            lines
        }
        Why::FeatureNotInPlan => {
            let unlocks = unlocking_plan(refusal, f, plans);
            let mut lines = vec![match unlocks {
                Some(p) => fill(
                    w(|t| &t.prompts.feature_body),
                    &[("plan", &name_of(plans, p))],
                ),
                None => w(|t| &t.prompts.feature_any_plan),
            }];
            if let Some(f) = f.as_ref() {
                lines.push(fill(
                    w(|t| &t.prompts.feature_locked),
                    &[("workspace", &f.workspace.name), ("plan", &current)],
                ));
            }
            lines
        }
        Why::Short(Reason::PaymentFailed) => {
            vec![fill(w(|t| &t.prompts.payment_body), &[("plan", &current)])]
        }
        Why::Short(Reason::Unknown) => vec![w(|t| &t.prompts.unknown_body)],
    }
}

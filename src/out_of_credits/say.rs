//! The prompt's lines, titles and ways out in the host's words: each line
//! from `credits_core` is one template of the catalogue, its credits, days,
//! lists and plan names put in the person's language.

use credits_core::prompt::Why;
use credits_core::prompt_lines::Line;
use credits_core::ways_out::WayOut;
use credits_core::Reason;

use crate::intl::{format_day, format_in_days, format_list_and, format_list_or};
use crate::text::{change, credits, fill_word, locale, plan_name, word, Pick};
use crate::CreditsContext;

/// The words of `line`.
pub(super) fn say(ctx: Option<CreditsContext>, line: &Line) -> String {
    let fill = |pick: Pick, pairs: &[(&str, &str)]| fill_word(ctx, pick, pairs);
    let w = |pick: Pick| word(ctx, pick);
    let cr = |n: u64| credits(ctx, n);
    let plan = |id| plan_name(ctx, id);
    let loc = || locale(ctx);
    match line {
        Line::MonthlyBody => w(|t| &t.prompts.monthly_body),
        Line::ExpiredBody { plan: p } => fill(|t| &t.prompts.expired_body, &[("plan", &plan(*p))]),
        Line::ExpiredWhen { at } => {
            let day = format_day(*at, loc().as_deref());
            fill(|t| &t.prompts.expired_when, &[("day", &day)])
        }
        Line::SharedBody => w(|t| &t.prompts.shared_body),
        Line::SharedTop { name, credits: n } => fill(
            |t| &t.prompts.shared_top,
            &[("name", name), ("credits", &cr(*n))],
        ),
        Line::TrialSpent { credits: n } => fill(|t| &t.prompts.trial_body, &[("credits", &cr(*n))]),
        Line::TrialUnused { credits: n } => {
            fill(|t| &t.prompts.trial_unused, &[("credits", &cr(*n))])
        }
        Line::TrialShort {
            credits: n,
            balance,
        } => fill(
            |t| &t.prompts.trial_short,
            &[("credits", &cr(*n)), ("balance", &cr(*balance))],
        ),
        Line::FeatureBody { plan: p } => fill(|t| &t.prompts.feature_body, &[("plan", &plan(*p))]),
        Line::FeatureAnyPlan => w(|t| &t.prompts.feature_any_plan),
        Line::FeatureLocked { workspace, plan: p } => fill(
            |t| &t.prompts.feature_locked,
            &[("workspace", workspace), ("plan", &plan(*p))],
        ),
        Line::PaymentBody { plan: p } => fill(|t| &t.prompts.payment_body, &[("plan", &plan(*p))]),
        Line::UnknownBody => w(|t| &t.prompts.unknown_body),
        Line::NeededVsLeft { needed, balance } => fill(
            |t| &t.prompts.needed_vs_left,
            &[("needed", &cr(*needed)), ("balance", &cr(*balance))],
        ),
        Line::ComesBack { at, days } => {
            let loc = loc();
            fill(
                |t| &t.prompts.comes_back,
                &[
                    ("in_days", &format_in_days(*days, loc.as_deref())),
                    ("day", &format_day(*at, loc.as_deref())),
                ],
            )
        }
        Line::PlanMonthly {
            plan: p,
            credits: n,
        } => fill(
            |t| &t.prompts.plan_monthly,
            &[("plan", &plan(*p)), ("credits", &cr(*n))],
        ),
        Line::UpgradeAdds {
            plan: p,
            credits: n,
        } => fill(
            |t| &t.prompts.upgrade_adds,
            &[("plan", &plan(*p)), ("credits", &cr(*n))],
        ),
        Line::RecommendWhy {
            pace,
            plan: p,
            allocation,
        } => fill(
            |t| &t.prompts.recommend_why,
            &[
                ("pace", &cr(*pace)),
                ("plan", &plan(*p)),
                ("allocation", &cr(*allocation)),
            ],
        ),
        Line::AskAdmins { workspace } => {
            fill(|t| &t.prompts.ask_admin_body, &[("workspace", workspace)])
        }
        Line::AskAdminsNamed { workspace, admins } => fill(
            |t| &t.prompts.ask_admin_named,
            &[
                ("workspace", workspace),
                ("admins", &format_list_or(admins, loc().as_deref())),
            ],
        ),
        Line::Alternative {
            change: c,
            credits: n,
        } => {
            let option = ctx.map(|x| change(&x, *c)).unwrap_or_default();
            fill(
                |t| &t.prompts.alternative,
                &[("option", &option), ("credits", &cr(*n))],
            )
        }
        Line::Resyncing => w(|t| &t.prompts.resyncing),
        Line::ResyncUnlocked => w(|t| &t.prompts.resync_unlocked),
        Line::ResyncStillLocked { plan: p } => {
            fill(|t| &t.prompts.resync_still_locked, &[("plan", &plan(*p))])
        }
        Line::RequestSent => w(|t| &t.requests.sent),
        Line::RequestSentTo { admins } => fill(
            |t| &t.requests.sent_to,
            &[("admins", &format_list_and(admins, loc().as_deref()))],
        ),
    }
}

/// The prompt's heading for `why`.
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

/// The words on a way out's button; waiting and "see the plans" have none
/// (the prompt says when credits come back, and lists the plans as upgrades).
pub(super) fn way_label(ctx: Option<CreditsContext>, way: WayOut) -> String {
    let named = |pick: Pick, id| fill_word(ctx, pick, &[("plan", &plan_name(ctx, id))]);
    match way {
        WayOut::FixPayment => word(ctx, |t| &t.prompts.fix_payment),
        WayOut::Renew(id) => named(|t| &t.prompts.renew, id),
        WayOut::Upgrade(id) => named(|t| &t.prompts.upgrade, id),
        WayOut::ContactSales(_) => word(ctx, |t| &t.prompts.contact_sales),
        WayOut::TopUp { credits: n } => {
            fill_word(ctx, |t| &t.prompts.top_up, &[("credits", &credits(ctx, n))])
        }
        WayOut::AskAdmin => word(ctx, |t| &t.prompts.ask_admin),
        WayOut::WaitForReset { .. } | WayOut::SeePlans => String::new(),
    }
}

//! The words of the subscription view, the usage history and the plan
//! comparison: `CreditsText::subscription`. `{...}` are filled in with text
//! already formatted by `Intl` (numbers, dates, credit amounts).

use std::borrow::Cow;

use serde::Serialize;

use super::PluralText;

type Word = Cow<'static, str>;

// The English words, `SubscriptionText::default()`.
#[path = "subscription_english.rs"]
mod english;

/// Every visible string of [`crate::SubscriptionBalance`], [`crate::UsageHistory`]
/// and [`crate::PlanComparison`]. Shown as text, never as HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubscriptionText {
    pub title: Word,
    pub balance_label: Word,
    pub workspace_label: Word,
    pub plan_label: Word,
    pub status_free: Word,
    pub status_trialing: Word,
    pub status_active: Word,
    pub status_past_due: Word,
    pub status_expired: Word,
    pub status_canceled: Word,
    pub status_unknown: Word,
    /// `{plan}` and `{status}`: "Pro · Active".
    pub plan_and_status: Word,
    pub standing_low: Word,
    /// `{date}`: the reset day.
    pub standing_empty_until_reset: Word,
    pub standing_empty: Word,
    pub standing_expired: Word,
    pub standing_past_due: Word,
    pub allocation_label: Word,
    /// `{used}` and `{granted}` are credit amounts.
    pub allocation_value: Word,
    /// `{date}` ("Dec 1") and `{in_days}` ("in 6 days").
    pub resets: Word,
    /// `{date}`: a reset date already past.
    pub reset_was_due: Word,
    pub no_reset: Word,
    pub grants_title: Word,
    pub grant_monthly: Word,
    pub grant_trial: Word,
    pub grant_top_up: Word,
    pub grant_promo: Word,
    pub grant_other: Word,
    /// `{remaining}` and `{granted}` are credit amounts.
    pub grant_left: Word,
    /// `{date}`.
    pub grant_expires: Word,
    /// `{date}`.
    pub grant_expired: Word,
    pub grant_never_expires: Word,
    /// `{plan}` and `{date}`: a downgrade waiting for the cycle's end.
    pub pending_change: Word,
    pub purchases_title: Word,
    /// `{credits}`.
    pub purchase_top_up: Word,
    /// `{plan}` and `{credits}`.
    pub purchase_upgrade: Word,
    /// `{plan}` and `{date}`.
    pub purchase_downgrade: Word,
    /// `{plan}` and `{credits}`.
    pub purchase_renewal: Word,
    /// `{credits}`.
    pub purchase_payment_fixed: Word,
    /// `{credits}`: a kind of purchase a newer server adds.
    pub purchase_other: Word,
    /// `{time}` and `{member}`: when and by whom.
    pub purchase_by: Word,
    /// `{time}`: when the figures were last confirmed.
    pub as_of: Word,
    /// The balance follows the server live (its event stream).
    pub live: Word,
    /// No live stream, so the balance is asked for every `{n}` seconds.
    pub live_polling: PluralText,
    /// Opening (or reopening) the live stream.
    pub live_connecting: Word,
    pub loading: Word,
    pub team_title: Word,
    pub team_member: Word,
    pub team_credits: Word,
    /// Accessible name of the chart; `{list}` is "Jonas: 2,460 credits, ...".
    pub team_chart_label: Word,
    /// One member in the chart's name: `{name}` and `{credits}`.
    pub team_chart_item: Word,
    pub team_empty: Word,
    pub trouble_title: Word,
    pub trouble_refresh: Word,
    pub cycle_date: Word,
    pub payment_label: Word,
    pub payment_ok: Word,
    pub payment_missing: Word,
    pub payment_failing: Word,
    pub payment_unknown: Word,
    pub plan_status_label: Word,
    pub advice_fix_payment: Word,
    pub advice_renew: Word,
    pub advice_add_payment: Word,
    /// `{date}`: the reset day.
    pub advice_wait_for_reset: Word,
    pub advice_resync: Word,
    pub advice_no_monthly_credits: Word,
    pub trouble_locked: Word,
    /// `{workspace}`: the workspace's name.
    pub locked_workspace: Word,
    /// `{plan}`: the current plan's name.
    pub locked_plan: Word,
    /// `{feature}` and `{plan}`.
    pub locked_needs: Word,
    pub locked_none: Word,
    pub resync: Word,
    pub resyncing: Word,
    pub history_title: Word,
    pub col_time: Word,
    pub col_member: Word,
    pub col_action: Word,
    pub col_credits: Word,
    pub col_status: Word,
    pub usage_charged: Word,
    pub usage_failed: Word,
    pub usage_refunded: Word,
    pub usage_unknown: Word,
    pub load_more: Word,
    pub history_empty: Word,
    pub history_loading: Word,
    /// Said when the history's filters match nothing.
    pub history_empty_filtered: Word,
    /// The label of the history's member filter.
    pub filter_member: Word,
    /// Its first option.
    pub filter_all_members: Word,
    /// The label of the history's status filter.
    pub filter_status: Word,
    /// Its first option; the others are `usage_charged`, `filter_failed`, `usage_refunded`.
    pub filter_all_statuses: Word,
    pub filter_failed: Word,
    /// Above the history: `{generations}` (from `generations`) and `{credits}`
    /// for the filter, this cycle.
    pub history_totals: Word,
    pub generations: PluralText,
    /// Marks the member looking, beside their name in the history and the team chart.
    pub you: Word,
    /// `{name}` with the `you` mark, where the name and the mark are one text.
    pub named_you: Word,
    pub plans_title: Word,
    /// `{price}`: the plan's price, formatted by `Intl`.
    pub per_month: Word,
    /// `{price}`.
    pub per_year: Word,
    pub contact_sales: Word,
    /// `{credits}`: a credit amount.
    pub monthly_credits: Word,
    pub seats: PluralText,
    pub seats_unlimited: Word,
    pub features_label: Word,
    pub current_plan: Word,
    /// The current plan's card when the subscription has ended.
    pub plan_ended: Word,
    /// `{plan}`.
    pub upgrade: Word,
    pub ask_admin: Word,
    /// `{admins}`: "Jonas Weber or Ari".
    pub ask_admin_named: Word,
    /// `{plan}`: an expired or canceled subscription, started again.
    pub renew: Word,
    pub fix_payment: Word,
    /// Told to a member of an expired or past-due workspace: `{admins}`.
    pub remedy_ask_named: Word,
    /// As `remedy_ask_named` when the server names nobody.
    pub remedy_ask: Word,
    /// After a purchase from this page: `{credits}` added, `{balance}` now.
    pub bought: Word,
    pub link_refused: Word,
}

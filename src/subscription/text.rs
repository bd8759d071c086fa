//! The words of the subscription view, the usage history and the plan
//! comparison: `CreditsText::subscription`. `{...}` are filled in with text
//! already formatted by `Intl` (numbers, dates, credit amounts).

use std::borrow::Cow;

use crate::PluralText;

type Word = Cow<'static, str>;

/// Every visible string of [`crate::SubscriptionBalance`], [`crate::UsageHistory`]
/// and [`crate::PlanComparison`]. Shown as text, never as HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub loading: Word,
    pub team_title: Word,
    pub team_member: Word,
    pub team_credits: Word,
    /// Accessible name of the chart; `{list}` is "Jonas: 2,460 credits, ...".
    pub team_chart_label: Word,
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
    pub plans_title: Word,
    pub per_month: Word,
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
    /// Action ids and their names; an id missing here is shown as sent.
    pub actions: Vec<(Word, Word)>,
}

impl SubscriptionText {
    /// The name of an action id ("video.generate" → "Video generation").
    pub fn action_name(&self, id: &str) -> String {
        self.actions
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.to_string())
            .unwrap_or_else(|| id.to_owned())
    }
}

impl Default for SubscriptionText {
    fn default() -> Self {
        let actions = [
            ("image.generate", "Image generation"),
            ("video.generate", "Video generation"),
            ("edit.upscale", "Upscale"),
            ("edit.remove_background", "Remove background"),
            ("edit.inpaint", "Inpaint"),
            ("edit.expand", "Expand"),
            ("edit.relight", "Relight"),
            ("model.train", "Model training"),
            ("asset.upload", "Upload"),
            ("asset.view", "View"),
            ("asset.download", "Download"),
        ];
        SubscriptionText {
            title: "Subscription".into(),
            balance_label: "Credits available".into(),
            workspace_label: "Workspace".into(),
            plan_label: "Plan".into(),
            status_free: "Free".into(),
            status_trialing: "Trial".into(),
            status_active: "Active".into(),
            status_past_due: "Past due".into(),
            status_expired: "Expired".into(),
            status_canceled: "Canceled".into(),
            status_unknown: "Unknown".into(),
            plan_and_status: "{plan} · {status}".into(),
            standing_low: "Running low".into(),
            standing_empty_until_reset: "Empty until {date}".into(),
            standing_empty: "No credits left".into(),
            standing_expired: "Subscription expired: no credits until it is renewed".into(),
            standing_past_due: "Payment failed: the credits were not renewed".into(),
            allocation_label: "Monthly allocation used".into(),
            allocation_value: "{used} of {granted} used".into(),
            resets: "Resets {date} — {in_days}".into(),
            reset_was_due: "Reset was due {date}".into(),
            no_reset: "No monthly reset on this plan".into(),
            grants_title: "Credits by source".into(),
            grant_monthly: "Monthly".into(),
            grant_trial: "Trial".into(),
            grant_top_up: "Top-up".into(),
            grant_promo: "Promo".into(),
            grant_other: "Other".into(),
            grant_left: "{remaining} of {granted} left".into(),
            grant_expires: "expires {date}".into(),
            grant_expired: "expired {date}".into(),
            grant_never_expires: "never expires".into(),
            pending_change: "Moves to {plan} on {date}.".into(),
            purchases_title: "Purchases".into(),
            purchase_top_up: "Top-up of {credits}".into(),
            purchase_upgrade: "Upgrade to {plan}: {credits}".into(),
            purchase_downgrade: "Downgrade to {plan} from {date}".into(),
            purchase_renewal: "{plan} renewed: {credits}".into(),
            purchase_payment_fixed: "Payment fixed: {credits}".into(),
            purchase_other: "Purchase: {credits}".into(),
            purchase_by: "{time}, {member}".into(),
            as_of: "As of {time}".into(),
            loading: "Loading your balance…".into(),
            team_title: "Usage this cycle by member".into(),
            team_member: "Member".into(),
            team_credits: "Credits".into(),
            team_chart_label: "Credits used this cycle by member: {list}".into(),
            team_empty: "Nobody has used credits this cycle.".into(),
            trouble_title: "Troubleshooting".into(),
            trouble_refresh: "Credits did not refresh?".into(),
            cycle_date: "Cycle resets".into(),
            payment_label: "Payment method".into(),
            payment_ok: "Working".into(),
            payment_missing: "Missing".into(),
            payment_failing: "Failing".into(),
            payment_unknown: "Unknown".into(),
            plan_status_label: "Plan status".into(),
            advice_fix_payment: "The last payment failed. Update the payment method; the credits renew once it goes through.".into(),
            advice_renew: "The subscription has ended. Renew it or pick a plan to get credits again.".into(),
            advice_add_payment: "No payment method is on file. Add one before the reset so the credits renew.".into(),
            advice_wait_for_reset: "Everything is in order: the monthly credits come back on {date}.".into(),
            advice_resync: "The reset date has passed. Re-sync; if the credits still don't appear, contact support.".into(),
            advice_no_monthly_credits: "This plan has no monthly credits. Upgrade for a monthly allocation.".into(),
            trouble_locked: "Feature still locked after buying?".into(),
            locked_workspace: "This is {workspace}. Plans and credits belong to one workspace: check that you bought for this one.".into(),
            locked_plan: "This workspace is on {plan}.".into(),
            locked_needs: "{feature} needs {plan}".into(),
            locked_none: "This plan includes every feature.".into(),
            resync: "Re-sync".into(),
            resyncing: "Re-syncing…".into(),
            history_title: "Usage history".into(),
            col_time: "Time".into(),
            col_member: "Member".into(),
            col_action: "Action".into(),
            col_credits: "Credits".into(),
            col_status: "Status".into(),
            usage_charged: "Charged".into(),
            usage_failed: "Failed, credits spent".into(),
            usage_refunded: "Refunded".into(),
            usage_unknown: "Unknown".into(),
            load_more: "Load more".into(),
            history_empty: "No usage yet.".into(),
            history_loading: "Loading history…".into(),
            plans_title: "Plans".into(),
            per_month: "per month".into(),
            per_year: "per year".into(),
            contact_sales: "Contact sales".into(),
            monthly_credits: "{credits} a month".into(),
            seats: PluralText::one_other("{n} seat", "{n} seats"),
            seats_unlimited: "Unlimited seats".into(),
            features_label: "Includes".into(),
            current_plan: "Current plan".into(),
            plan_ended: "Your plan, ended".into(),
            upgrade: "Upgrade to {plan}".into(),
            ask_admin: "Ask an owner or admin to change the plan.".into(),
            ask_admin_named: "Ask {admins} to change the plan.".into(),
            renew: "Renew {plan}".into(),
            fix_payment: "Update payment method".into(),
            remedy_ask_named: "Only an owner or admin can renew or update the payment. Ask {admins}.".into(),
            remedy_ask: "Only an owner or admin can renew or update the payment.".into(),
            bought: "Done: {credits} added; the balance is now {balance}.".into(),
            link_refused: "This plan's upgrade link was refused: it is not https or relative.".into(),
            actions: actions
                .iter()
                .map(|(k, v)| (Cow::Borrowed(*k), Cow::Borrowed(*v)))
                .collect(),
        }
    }
}

//! Every visible English string of the out-of-credits prompt and the
//! low-balance banner; `CreditsText::prompts` holds them, replaceable by the host.
//! Placeholders in braces are filled in with formatted values.

use std::borrow::Cow;

type Text = Cow<'static, str>;

/// The prompts' words. `{needed}`, `{balance}`, `{credits}`, `{pace}`,
/// `{allocation}`, `{threshold}` are credit amounts ("120 credits");
/// `{plan}` a plan's name; `{in_days}` ("in 6 days") and `{day}` ("Dec 1") a reset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptText {
    pub close: Text,
    pub not_now: Text,
    /// `{needed}` and `{balance}`.
    pub needed_vs_left: Text,
    /// `{in_days}` and `{day}`.
    pub comes_back: Text,
    pub monthly_title: Text,
    pub monthly_body: Text,
    pub expired_title: Text,
    /// `{plan}`.
    pub expired_body: Text,
    /// `{day}`: when the subscription ended.
    pub expired_when: Text,
    /// `{plan}`.
    pub renew: Text,
    pub shared_title: Text,
    pub shared_body: Text,
    /// `{name}` and `{credits}`.
    pub shared_top: Text,
    pub trial_title: Text,
    /// `{credits}`: the trial's credits.
    pub trial_body: Text,
    /// Some trial credits are left, not enough: `{balance}` of `{credits}`.
    pub trial_short: Text,
    /// None of the trial's `{credits}` spent, and not enough.
    pub trial_unused: Text,
    /// Before the list of plans with monthly credits.
    pub trial_plans: Text,
    /// `{plan}` and `{credits}`.
    pub plan_monthly: Text,
    pub feature_title: Text,
    /// `{plan}`.
    pub feature_body: Text,
    pub feature_any_plan: Text,
    /// `{workspace}` and `{plan}`.
    pub feature_locked: Text,
    pub resync: Text,
    pub resyncing: Text,
    /// `{plan}`: after a re-sync, the plan still lacks the action.
    pub resync_still_locked: Text,
    pub resync_unlocked: Text,
    pub payment_title: Text,
    /// `{plan}`.
    pub payment_body: Text,
    pub fix_payment: Text,
    pub unknown_title: Text,
    pub unknown_body: Text,
    /// `{plan}`.
    pub upgrade: Text,
    /// `{plan}` and `{credits}`: what an upgrade brings.
    pub upgrade_adds: Text,
    /// `{credits}`: the pack, "500 credits".
    pub top_up: Text,
    /// A plan sold by contact (no price).
    pub contact_sales: Text,
    /// Told to a member who cannot change the plan; `{workspace}`.
    pub ask_admin_body: Text,
    /// As `ask_admin_body`, naming them: `{admins}` is "Jonas Weber or Ari".
    pub ask_admin_named: Text,
    pub ask_admin: Text,
    /// `{pace}`, `{plan}` and `{allocation}`.
    pub recommend_why: Text,
    /// `{option}` and `{credits}`.
    pub alternative: Text,
    pub use_alternative: Text,
    /// The banner: `{balance}` left.
    pub low_balance: Text,
    /// The banner, when the next action costs more: `{balance}` and `{needed}`.
    pub low_for_next: Text,
    pub dismiss: Text,
}

impl Default for PromptText {
    fn default() -> Self {
        PromptText {
            close: "Close".into(),
            not_now: "Not now".into(),
            needed_vs_left: "This needs {needed}; you have {balance} left.".into(),
            comes_back: "Your credits come back {in_days}, on {day}.".into(),
            monthly_title: "You've used this month's credits".into(),
            monthly_body: "Your plan's monthly credits are nearly gone.".into(),
            expired_title: "Your subscription has ended".into(),
            expired_body: "The {plan} subscription is no longer active, so no new credits arrive.".into(),
            expired_when: "It ended on {day}.".into(),
            renew: "Renew {plan}".into(),
            shared_title: "Your team has used this cycle's shared credits".into(),
            shared_body: "Teammates used most of the shared credits this cycle.".into(),
            shared_top: "{name} used the most: {credits}.".into(),
            trial_title: "Your trial credits won't cover this".into(),
            trial_body: "All {credits} of the one-time trial are spent; trial credits do not come back.".into(),
            trial_short: "Only {balance} of the trial's {credits} are left; trial credits do not come back.".into(),
            trial_unused: "The one-time trial gives {credits}, fewer than this needs; trial credits do not come back.".into(),
            trial_plans: "These plans bring credits every month:".into(),
            plan_monthly: "{plan}: {credits} a month".into(),
            feature_title: "This isn't in your plan".into(),
            feature_body: "{plan} unlocks it.".into(),
            feature_any_plan: "A higher plan unlocks it.".into(),
            feature_locked: "Already upgraded? You're in {workspace}, on {plan}.".into(),
            resync: "Re-sync".into(),
            resyncing: "Checking…".into(),
            resync_still_locked: "Checked just now: {plan} still doesn't include it.".into(),
            resync_unlocked: "Checked just now: your plan includes it. Try again.".into(),
            payment_title: "Your credits did not refresh: payment failing".into(),
            payment_body: "The payment for {plan} failed, so this cycle's credits were not added. Update the payment method to get them.".into(),
            fix_payment: "Update payment method".into(),
            unknown_title: "You can't do this right now".into(),
            unknown_body: "There aren't enough credits for this. Upgrading or topping up lets you continue.".into(),
            upgrade: "Upgrade to {plan}".into(),
            upgrade_adds: "{plan} gives {credits} every month.".into(),
            top_up: "Top up {credits}".into(),
            contact_sales: "Contact sales".into(),
            ask_admin_body: "Only an owner or admin of {workspace} can upgrade or top up. Ask them to add credits.".into(),
            ask_admin_named: "Only an owner or admin of {workspace} can upgrade or top up. Ask {admins} to add credits.".into(),
            ask_admin: "Ask an admin".into(),
            recommend_why: "At your pace you use about {pace} a month; {plan} gives {allocation}.".into(),
            alternative: "Fits your balance: {option}, {credits}.".into(),
            use_alternative: "Use this instead".into(),
            low_balance: "{balance} left.".into(),
            low_for_next: "{balance} left, less than the {needed} this needs.".into(),
            dismiss: "Dismiss".into(),
        }
    }
}

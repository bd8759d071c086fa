//! Every visible English string of the out-of-credits prompt and the
//! low-balance banner; `CreditsText::prompts` holds them, replaceable by the host.
//! Placeholders in braces are filled in with formatted values.

use std::borrow::Cow;

use serde::Serialize;

type Text = Cow<'static, str>;

/// The prompts' words. `{needed}`, `{balance}`, `{credits}`, `{pace}`,
/// `{allocation}`, `{threshold}` are credit amounts ("120 credits");
/// `{plan}` a plan's name; `{in_days}` ("in 6 days") and `{day}` ("Dec 1") a reset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

impl PromptText {
    /// The English words, borrowed from the binary: what `default()` gives.
    pub const ENGLISH: PromptText = PromptText {
        close: Cow::Borrowed("Close"),
        not_now: Cow::Borrowed("Not now"),
        needed_vs_left: Cow::Borrowed("This needs {needed}; you have {balance} left."),
        comes_back: Cow::Borrowed("Your credits come back {in_days}, on {day}."),
        monthly_title: Cow::Borrowed("You've used this month's credits"),
        monthly_body: Cow::Borrowed("Your plan's monthly credits are nearly gone."),
        expired_title: Cow::Borrowed("Your subscription has ended"),
        expired_body: Cow::Borrowed("The {plan} subscription is no longer active, so no new credits arrive."),
        expired_when: Cow::Borrowed("It ended on {day}."),
        renew: Cow::Borrowed("Renew {plan}"),
        shared_title: Cow::Borrowed("Your team has used this cycle's shared credits"),
        shared_body: Cow::Borrowed("Teammates used most of the shared credits this cycle."),
        shared_top: Cow::Borrowed("{name} used the most: {credits}."),
        trial_title: Cow::Borrowed("Your trial credits won't cover this"),
        trial_body: Cow::Borrowed("All {credits} of the one-time trial are spent; trial credits do not come back."),
        trial_short: Cow::Borrowed("Only {balance} of the trial's {credits} are left; trial credits do not come back."),
        trial_unused: Cow::Borrowed("The one-time trial gives {credits}, fewer than this needs; trial credits do not come back."),
        trial_plans: Cow::Borrowed("These plans bring credits every month:"),
        plan_monthly: Cow::Borrowed("{plan}: {credits} a month"),
        feature_title: Cow::Borrowed("This isn't in your plan"),
        feature_body: Cow::Borrowed("{plan} unlocks it."),
        feature_any_plan: Cow::Borrowed("A higher plan unlocks it."),
        feature_locked: Cow::Borrowed("Already upgraded? You're in {workspace}, on {plan}."),
        resync: Cow::Borrowed("Re-sync"),
        resyncing: Cow::Borrowed("Checking…"),
        resync_still_locked: Cow::Borrowed("Checked just now: {plan} still doesn't include it."),
        resync_unlocked: Cow::Borrowed("Checked just now: your plan includes it. Try again."),
        payment_title: Cow::Borrowed("Your credits did not refresh: payment failing"),
        payment_body: Cow::Borrowed("The payment for {plan} failed, so this cycle's credits were not added. Update the payment method to get them."),
        fix_payment: Cow::Borrowed("Update payment method"),
        unknown_title: Cow::Borrowed("You can't do this right now"),
        unknown_body: Cow::Borrowed("There aren't enough credits for this. Upgrading or topping up lets you continue."),
        upgrade: Cow::Borrowed("Upgrade to {plan}"),
        upgrade_adds: Cow::Borrowed("{plan} gives {credits} every month."),
        top_up: Cow::Borrowed("Top up {credits}"),
        contact_sales: Cow::Borrowed("Contact sales"),
        ask_admin_body: Cow::Borrowed("Only an owner or admin of {workspace} can upgrade or top up. Ask them to add credits."),
        ask_admin_named: Cow::Borrowed("Only an owner or admin of {workspace} can upgrade or top up. Ask {admins} to add credits."),
        ask_admin: Cow::Borrowed("Ask an admin"),
        recommend_why: Cow::Borrowed("At your pace you use about {pace} a month; {plan} gives {allocation}."),
        alternative: Cow::Borrowed("Fits your balance: {option}, {credits}."),
        use_alternative: Cow::Borrowed("Use this instead"),
        low_balance: Cow::Borrowed("{balance} left."),
        low_for_next: Cow::Borrowed("{balance} left, less than the {needed} this needs."),
        dismiss: Cow::Borrowed("Dismiss"),
    };
}

impl Default for PromptText {
    fn default() -> Self {
        Self::ENGLISH
    }
}

//! `OutOfCreditsPrompt`: the modal that says why an action cannot run, with
//! the numbers, and the way out for the member's role. `Refusal` is its one
//! input, built from a refused generation (402/403) or, before any request,
//! from the balance and the quote with the rule the server uses.

mod asking;
mod buying;
mod dialog;
mod offers;
mod plans;
mod refusal;
mod say;
mod views;
mod ways_out;

use leptos::prelude::*;

pub use refusal::{parse_plan, Refusal};
use ways_out::Tools;

use crate::primitives::{dynamic, use_opener};
use crate::{CreditAction, PlanId, PurchaseResponse};

/// The packs a prompt offers when the host names none: what the reference
/// server's checkout sells (any amount from 100 to 100,000 credits).
pub const DEFAULT_TOP_UPS: [u64; 3] = [500, 1000, 5000];

/// The host's hooks: each way out calls one, so the host runs its own
/// checkout. Without `on_upgrade`, `on_top_up` or `on_fix_payment` the prompt
/// buys through the provider's client (`use_checkout`); "Contact sales"
/// without `on_upgrade` follows the plan's `upgrade_url` (https or relative
/// only); "Ask an admin" and "Use this instead" show only with their hook.
#[derive(Clone, Copy, Default)]
pub struct PromptHooks {
    /// Upgrade to, renew, or contact sales about a plan.
    pub on_upgrade: Option<Callback<PlanId>>,
    /// Buy the pack of this many credits.
    pub on_top_up: Option<Callback<u64>>,
    pub on_ask_admin: Option<Callback<()>>,
    pub on_fix_payment: Option<Callback<()>>,
    pub on_pick: Option<Callback<CreditAction>>,
}

/// A modal dialog that opens while `refusal` is `Some`: it names the reason
/// (`data-reason` on the dialog), the credits needed and left, when they
/// come back, the plan that would help and why, the way out for the member's
/// role, and a cheaper alternative that fits the balance when there is one.
///
/// Which way out comes first is `credits_core::ways_out`'s rule: a top-up for
/// a small shortfall, the next plan when this cycle's pace calls for it,
/// "Contact sales" for a plan sold by contact, Renew, "Update payment
/// method", or, for a member, whom to ask by name. A way out the host has no
/// hook for is bought through the checkout: the button says it is working,
/// a failure is announced (`role="alert"`) and the prompt stays open; once
/// bought, the balance and the kept quotes are refreshed, `on_purchase` is
/// called and the prompt closes.
///
/// Focus moves into the dialog, Tab and Shift+Tab stay inside, Escape and
/// "Not now" call `on_close`; when `refusal` goes back to `None`, focus
/// returns to what had it before the dialog opened.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{CreditAction, GenerateButton, ImageGenerate, OutOfCreditsPrompt, Quality, Refusal, use_balance};
///
/// # fn bar() -> impl IntoView {
/// // inside a <CreditsProvider>
/// let refusal = RwSignal::new(None::<Refusal>);
/// let balance = use_balance();
/// let action = CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 16));
/// let refused = {
///     let action = action.clone();
///     Callback::new(move |fit| {
///         let figures = balance.state.get_untracked().known().map(|k| k.figures.clone());
///         refusal.set(Refusal::from_affordability(&fit, figures.as_ref(), Some(action.clone())));
///     })
/// };
/// view! {
///     <GenerateButton action=action on_generate=Callback::new(|_| {}) on_refused=refused />
///     <OutOfCreditsPrompt refusal=refusal on_close=Callback::new(move |()| refusal.set(None)) />
/// }
/// # }
/// ```
///
/// ## Styling
///
/// `lc-prompt` (the backdrop) with parts `__dialog`, `__head`, `__title`,
/// `__close`, `__body`, `__numbers`, `__why`, `__plans`, `__alternative`,
/// `__actions`, `__action` (`--primary`); link `style/out_of_credits.css`.
#[component]
pub fn OutOfCreditsPrompt(
    /// Opens the prompt with the refusal to explain; `None` closes it.
    #[prop(into)]
    refusal: Signal<Option<Refusal>>,
    /// Called when the person closes the prompt (Escape, Close, Not now, a way out taken).
    on_close: Callback<()>,
    /// Upgrade to, renew, or contact sales about a plan (instead of the checkout).
    #[prop(optional)]
    on_upgrade: Option<Callback<PlanId>>,
    /// Buy the pack of this many credits (instead of the checkout).
    #[prop(optional)]
    on_top_up: Option<Callback<u64>>,
    /// Called after a member's credit request was sent (or, outside a
    /// provider, instead of sending one).
    #[prop(optional)]
    on_ask_admin: Option<Callback<()>>,
    /// Update a failing payment method (instead of the checkout).
    #[prop(optional)]
    on_fix_payment: Option<Callback<()>>,
    /// Take the cheaper alternative instead.
    #[prop(optional)]
    on_pick: Option<Callback<CreditAction>>,
    /// The top-up packs on sale, in credits; [`DEFAULT_TOP_UPS`] when not given.
    #[prop(optional, into)]
    top_ups: Option<Vec<u64>>,
    /// Called with what the prompt bought through the checkout, before it closes.
    #[prop(optional)]
    on_purchase: Option<Callback<PurchaseResponse>>,
) -> impl IntoView {
    let hooks = PromptHooks {
        on_upgrade,
        on_top_up,
        on_ask_admin,
        on_fix_payment,
        on_pick,
    };
    let top_ups = StoredValue::new(top_ups.unwrap_or_else(|| DEFAULT_TOP_UPS.to_vec()));
    // Owned here, so it outlives the dialog that restores focus to it.
    let opener = use_opener();
    dynamic(move || {
        refusal
            .get()
            .map(|r| {
                view! { <dialog::PromptDialog
                    refusal=r
                    on_close=on_close
                    hooks=hooks
                    top_ups=top_ups
                    on_purchase=on_purchase
                    opener=opener
                /> }
            })
            .into_any()
    })
}

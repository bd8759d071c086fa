//! `OutOfCreditsPrompt`: the modal that says why an action cannot run, with
//! the numbers, and the way out for the member's role. `Refusal` is its one
//! input, built from a refused generation (402/403) or, before any request,
//! from the balance and the quote with the rule the server uses.

mod dialog;
mod plans;
mod reasons;
mod refusal;
mod target;
mod text;
mod views;
mod ways_out;
mod words;

use leptos::prelude::*;

pub use refusal::{parse_plan, Refusal};
pub use text::PromptText;

use crate::{CreditAction, PlanId};

/// The host's hooks: each way out calls one, so the host runs its own checkout.
/// A missing `on_upgrade` falls back to the plan's `upgrade_url` (https or
/// relative only); the other buttons show only when their hook is given.
#[derive(Clone, Copy, Default)]
pub struct PromptHooks {
    pub on_upgrade: Option<Callback<PlanId>>,
    pub on_top_up: Option<Callback<()>>,
    pub on_ask_admin: Option<Callback<()>>,
    pub on_fix_payment: Option<Callback<()>>,
    pub on_pick: Option<Callback<CreditAction>>,
}

/// A modal dialog that opens while `refusal` is `Some`: it names the reason
/// (`data-reason` on the dialog), the credits needed and left, when they
/// come back, the plan that would help and why, the way out for the member's
/// role, and a cheaper alternative that fits the balance when there is one.
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
    /// Upgrade to (or renew) a plan.
    #[prop(optional)]
    on_upgrade: Option<Callback<PlanId>>,
    /// Buy extra credits.
    #[prop(optional)]
    on_top_up: Option<Callback<()>>,
    /// A member asks an owner or admin for credits.
    #[prop(optional)]
    on_ask_admin: Option<Callback<()>>,
    /// Update a failing payment method.
    #[prop(optional)]
    on_fix_payment: Option<Callback<()>>,
    /// Take the cheaper alternative instead.
    #[prop(optional)]
    on_pick: Option<Callback<CreditAction>>,
) -> impl IntoView {
    let hooks = PromptHooks {
        on_upgrade,
        on_top_up,
        on_ask_admin,
        on_fix_payment,
        on_pick,
    };
    // Owned here, so it outlives the dialog that restores focus to it.
    let opener = StoredValue::new_local(None::<web_sys::Element>);
    move || {
        refusal.get().map(|r| {
            view! { <dialog::PromptDialog refusal=r on_close=on_close hooks=hooks opener=opener /> }
        })
    }
}

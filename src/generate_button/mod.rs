//! `GenerateButton`: a Generate button that shows the cost and refuses to
//! fire when the balance is short; `use_affordability` for hosts with their own button.

mod affordability;
mod finish;

use leptos::prelude::*;

pub use affordability::{use_affordability, Affordability};
pub use finish::FinishButton;

use crate::primitives::{dynamic, effect};
use crate::text::{fill, plan_name};
use crate::{use_credits, CreditAction, CreditsText};
use credits_core::PlanId;

/// The host's Generate button, with the cost on it. A click calls
/// `on_generate` with the action, unless the quote shows the balance is short
/// or the plan lacks the action: then it calls `on_refused` instead (e.g. to
/// open an out-of-credits prompt) and says why beside the button.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{CreditAction, GenerateButton, Upscale};
///
/// # fn tool() -> impl IntoView {
/// // inside a <CreditsProvider>
/// view! {
///     <GenerateButton
///         action=CreditAction::Upscale(Upscale { factor: 2 })
///         on_generate=Callback::new(|action: CreditAction| { /* start the job */ })
///     />
/// }
/// # }
/// ```
///
/// ## Styling
///
/// `lc-generate` with parts `__button`, `__label`, `__cost`, `__note`;
/// `data-affordability` is `unknown | free | affordable | short | blocked`;
/// `data-cost="hidden"` marks `hide_cost` (no chip, nor a place kept for it).
/// The button uses `--lc-accent`; link `style/generate_button.css`.
///
/// ## Errors
///
/// While the cost is unknown (loading, or the quote failed) the button still
/// fires: the server has the last word and refuses with a typed error.
#[component]
pub fn GenerateButton(
    /// The action the button would start.
    #[prop(into)]
    action: Signal<CreditAction>,
    /// Called with the action when the balance covers it (or is not known).
    on_generate: Callback<CreditAction>,
    /// Called instead of `on_generate` when the balance is short or the plan lacks the action.
    #[prop(optional)]
    on_refused: Option<Callback<Affordability>>,
    /// The button's words; the host text's "Generate" when absent.
    #[prop(optional, into)]
    label: MaybeProp<String>,
    /// Leaves the cost off the button, e.g. when a `CostBadge` already stands beside it.
    #[prop(optional)]
    hide_cost: bool,
    /// Disables the button, e.g. while the host's job runs.
    #[prop(optional, into)]
    busy: MaybeProp<bool>,
    /// Extra classes, merged with `lc-generate`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let ctx = use_credits();
    let fit = use_affordability(action);
    let note = RwSignal::new(None::<String>);
    let word = move |pick: fn(&CreditsText) -> &std::borrow::Cow<'static, str>| match ctx {
        Some(c) => c.word(pick),
        None => pick(&CreditsText::default()).to_string(),
    };
    let credits = move |n: u64| ctx.map(|c| c.credits(n)).unwrap_or_else(|| n.to_string());
    // A new action or balance clears an old refusal note.
    effect(move || {
        fit.track();
        note.set(None);
    });
    let cost = move || match fit.get() {
        _ if hide_cost => None,
        Affordability::Free => Some(word(|t| &t.free)),
        Affordability::Affordable { cost, .. } | Affordability::Short { cost, .. } => {
            Some(credits(cost))
        }
        Affordability::Unknown | Affordability::Blocked { .. } => None,
    };
    let click = move |_| {
        let now = fit.get_untracked();
        if !now.refuses() {
            on_generate.run(action.get_untracked());
            return;
        }
        note.set(Some(match &now {
            Affordability::Short { shortfall, .. } => match ctx {
                Some(c) => c.counted(|t| &t.shortfall, *shortfall),
                None => format!("{shortfall}"),
            },
            Affordability::Blocked { required_plan } => fill(
                word(|t| &t.needs_plan),
                &[(
                    "plan",
                    &plan_name(
                        ctx,
                        PlanId::from_word(required_plan.as_deref().unwrap_or_default()),
                    ),
                )],
            ),
            _ => String::new(),
        }));
        if let Some(cb) = on_refused {
            cb.run(now);
        }
    };
    let classes = move || match class.get() {
        Some(extra) if !extra.is_empty() => format!("lc-generate {extra}"),
        _ => "lc-generate".to_owned(),
    };
    view! {
        <span
            class=classes
            data-affordability=move || fit.get().as_str()
            data-cost=hide_cost.then_some("hidden")
        >
            <button
                type="button"
                class="lc-generate__button"
                aria-disabled=move || fit.get().refuses().then_some("true")
                disabled=move || busy.get().unwrap_or(false)
                on:click=click
            >
                <span class="lc-generate__label">{dynamic(move || label.get().unwrap_or_else(|| word(|t| &t.generate)).into_any())}</span>
                {dynamic(move || cost().map(|c| view! { <span class="lc-generate__cost">{c}</span> }).into_any())}
            </button>
            <span class="lc-generate__note" role="status">{dynamic(move || note.get().into_any())}</span>
        </span>
    }
}

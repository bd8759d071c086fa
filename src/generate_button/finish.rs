//! `FinishButton`: the second half of drafting first, then finishing.

use credits_core::estimate::DraftPlan;
use leptos::prelude::*;

use super::{Affordability, GenerateButton};
use crate::primitives::dynamic;
use crate::{use_credits, CreditAction, CreditsText};

/// After a draft, one click generates the person's own settings: a
/// [`GenerateButton`] for `plan.finish`, worded "Finish at High quality" (the
/// plan's quality tier, from the host's text) with its cost. It renders
/// nothing while `plan` is `None`, so the host shows it by setting the plan
/// its `CostEstimator`'s `on_draft_first` gave once the draft is done.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{CostEstimator, CreditAction, DraftPlan, FinishButton, ImageGenerate, Quality};
///
/// # fn bar(generate: Callback<CreditAction>) -> impl IntoView {
/// // inside a <CreditsProvider>
/// let settings = RwSignal::new(ImageGenerate::new(Quality::High, 4));
/// let action = Signal::derive(move || CreditAction::ImageGenerate(settings.get()));
/// let drafted = RwSignal::new(None::<DraftPlan>);
/// view! {
///     <CostEstimator
///         action=action
///         on_draft_first=Callback::new(move |plan: DraftPlan| {
///             generate.run(plan.draft.clone()); // the settings stay as they are
///             drafted.set(Some(plan));
///         })
///     />
///     <FinishButton
///         plan=drafted
///         on_finish=Callback::new(move |finish: CreditAction| {
///             drafted.set(None);
///             generate.run(finish);
///         })
///     />
/// }
/// # }
/// ```
///
/// ## Styling
///
/// A `GenerateButton` (`lc-generate`, its parts and `data-affordability`)
/// with the class `lc-finish` added.
///
/// ## Errors
///
/// As `GenerateButton`: a short balance or a missing plan feature calls
/// `on_refused` instead of `on_finish`; an unknown cost does not block.
#[component]
pub fn FinishButton(
    /// The plan whose finish to offer; nothing renders while it is `None`.
    #[prop(into)]
    plan: Signal<Option<DraftPlan>>,
    /// Called with `plan.finish` when the balance covers it (or is not known).
    on_finish: Callback<CreditAction>,
    /// Called instead of `on_finish` when the balance is short or the plan lacks the action.
    #[prop(optional)]
    on_refused: Option<Callback<Affordability>>,
    /// Disables the button, e.g. while the host's job runs.
    #[prop(optional, into)]
    busy: MaybeProp<bool>,
    /// Extra classes, merged with `lc-finish`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let ctx = use_credits();
    let refused = Callback::new(move |fit: Affordability| {
        if let Some(cb) = on_refused {
            cb.run(fit);
        }
    });
    dynamic(move || {
        plan.get()
            .map(|p| {
                let classes = match class.get() {
                    Some(extra) if !extra.is_empty() => format!("lc-finish {extra}"),
                    _ => "lc-finish".to_owned(),
                };
                let label = match ctx {
                    Some(c) => c.finish_label(&p),
                    None => CreditsText::default().generate.to_string(),
                };
                view! {
                    <GenerateButton
                        action=p.finish
                        on_generate=on_finish
                        on_refused=refused
                        busy=busy
                        label=label
                        class=classes
                    />
                }
            })
            .into_any()
    })
}

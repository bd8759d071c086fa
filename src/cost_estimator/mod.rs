//! `CostEstimator`: the settings (gear) button beside Generate and its cost popover.

mod focus;
mod icon;
pub(crate) mod labels;
mod ladder;
mod options;
mod summary;

use leptos::html::{Button, Div};
use leptos::prelude::*;

pub use ladder::{Ladder, LadderState};
pub use summary::{Freshness, WayOut};

use credits_core::estimate::DraftPlan;
use summary::failed;

use crate::primitives::{dynamic, is_safe_href, unique_id, use_controllable, use_dismiss};
use crate::{use_balance, use_credits, ClientError, CreditAction, CreditsText};

/// A gear button for the generation bar that opens a popover with what the
/// current action will cost: the server's quote and breakdown, the balance
/// now and after, the shortfall with a way out when the balance is short,
/// what cheaper or different settings cost (quoted together in one request
/// when it opens), and saving hints drawn from those numbers.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{CreditAction, CostEstimator, ImageGenerate, Quality};
///
/// # fn bar() -> impl IntoView {
/// // inside a <CreditsProvider>
/// let settings = RwSignal::new(ImageGenerate::new(Quality::High, 4));
/// let action = Signal::derive(move || CreditAction::ImageGenerate(settings.get()));
/// view! {
///     <CostEstimator
///         action=action
///         on_pick=Callback::new(move |picked: CreditAction| {
///             if let CreditAction::ImageGenerate(s) = picked { settings.set(s) }
///         })
///         subscription_href="/settings/subscription"
///     />
///     <button>"Generate"</button>
/// }
/// # }
/// ```
///
/// ## Styling
///
/// `lc-cost-estimator` with parts `__trigger`, `__popover` (`data-state="open"`),
/// `__cost`, `__breakdown`, `__balance`, `__shortfall`, `__options`, `__option`
/// (`aria-current="true"` on the current settings), `__hints`. Colours, radius
/// and shadow come from `--lc-popover-*` and the shared tokens in `style/tokens.css`;
/// link `style/cost_estimator.css`.
///
/// ## Errors
///
/// While the quote is loading no number is shown; a failed quote shows the
/// reason (offline, refused, ...) and a Retry button. Alternatives that fail
/// or need another plan are shown as such and cannot be picked.
#[component]
pub fn CostEstimator(
    /// The action the host's current settings describe.
    #[prop(into)]
    action: Signal<CreditAction>,
    /// Called with an alternative the person picks; the host changes its settings to match.
    #[prop(optional)]
    on_pick: Option<Callback<CreditAction>>,
    /// Draft first, then finish: called with a [`DraftPlan`] when the person
    /// picks the draft preview, after the popover closes. The host keeps its
    /// settings (`on_pick` is not called), generates `plan.draft`, then offers
    /// `plan.finish`, e.g. with [`crate::FinishButton`]. With it, the draft
    /// preview's row shows both costs ("draft 1 + final 16 = 17 credits").
    #[prop(optional)]
    on_draft_first: Option<Callback<DraftPlan>>,
    /// Open state, when the host controls it; otherwise the component keeps its own.
    #[prop(optional, into)]
    open: MaybeProp<bool>,
    /// Hears every open/close the component asks for.
    #[prop(optional)]
    on_open_change: Option<Callback<bool>>,
    /// Where "Get more credits" leads when the balance is short (https or relative).
    #[prop(optional, into)]
    subscription_href: MaybeProp<String>,
    /// Called with the shortfall instead of following `subscription_href`, e.g. to open a prompt.
    #[prop(optional)]
    on_short: Option<Callback<u64>>,
    /// Extra classes, merged with `lc-cost-estimator`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let ctx = use_credits();
    let (is_open, set_open) = use_controllable(open, false, on_open_change);
    let (ladder, retry) = ladder::use_ladder(action, is_open);
    let balance = use_balance();
    let fresh = move || Freshness {
        stale: balance.state.get().is_stale(),
        refresh: balance.refresh,
    };
    let root = NodeRef::<Div>::new();
    let trigger = NodeRef::<Button>::new();
    let dialog = NodeRef::<Div>::new();
    let popover_id = unique_id("lc-cost-estimator");
    let title_id = format!("{popover_id}-title");

    let close = Callback::new(move |()| {
        set_open.run(false);
        if let Some(t) = trigger.get_untracked() {
            let _ = t.focus();
        }
    });
    use_dismiss(root, is_open, close);
    // Focus moves into the popover when it opens, so Tab walks its options next.
    let refocus = focus::use_popover_focus(is_open, ladder, dialog);
    let on_pick = on_pick.map(|host| {
        Callback::new(move |picked: CreditAction| {
            refocus.set_value(true);
            host.run(picked);
        })
    });

    let on_draft_first = on_draft_first.map(|host| {
        Callback::new(move |plan: DraftPlan| {
            close.run(());
            host.run(plan);
        })
    });
    let picks = options::Picks {
        pick: on_pick,
        draft_first: on_draft_first,
    };

    let text = move |pick: fn(&CreditsText) -> &std::borrow::Cow<'static, str>| match ctx {
        Some(c) => c.word(pick),
        None => pick(&CreditsText::default()).to_string(),
    };
    // The popover closes (focus back on the trigger) before the host opens its
    // prompt, so the prompt can return focus to something still on the page.
    let on_short = on_short.map(|host| {
        Callback::new(move |shortfall: u64| {
            close.run(());
            host.run(shortfall);
        })
    });
    let way_out = move || match (on_short, subscription_href.get()) {
        (Some(cb), _) => Some(WayOut::Callback(cb)),
        (None, Some(href)) if is_safe_href(&href) => Some(WayOut::Link(href)),
        _ => None,
    };
    let body = move || {
        match (ctx, ladder.get()) {
        (_, LadderState::Idle | LadderState::Loading) => view! {
            <p class="lc-cost-estimator__loading">{text(|t| &t.estimating)}</p>
        }
        .into_any(),
        (Some(c), LadderState::Ready(l)) => view! {
            <div class="lc-cost-estimator__summary">{summary::summary(c, &l, way_out(), fresh())}</div>
            {options::hint_list(c, &l)}
            {options::options(c, &l, action.get_untracked(), picks)}
        }
        .into_any(),
        (c, LadderState::Failed(e)) => failed(c, e, retry),
        (None, LadderState::Ready(_)) => failed(None, ClientError::NoProvider, retry),
    }
    };
    let classes = move || match class.get() {
        Some(extra) if !extra.is_empty() => format!("lc-cost-estimator {extra}"),
        _ => "lc-cost-estimator".to_owned(),
    };
    let controls = popover_id.clone();
    view! {
        <div class=classes node_ref=root>
            <button
                type="button"
                class="lc-cost-estimator__trigger"
                node_ref=trigger
                aria-label=move || text(|t| &t.estimate_title)
                aria-haspopup="dialog"
                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                aria-controls=move || is_open.get().then(|| controls.clone())
                on:click=move |_| set_open.run(!is_open.get_untracked())
            >
                <icon::GearIcon />
            </button>
            <Show when=move || is_open.get()>
                <div
                    class="lc-cost-estimator__popover"
                    id=popover_id.clone()
                    role="dialog"
                    aria-labelledby=title_id.clone()
                    data-state="open"
                    tabindex="-1"
                    node_ref=dialog
                >
                    <h2 class="lc-cost-estimator__title" id=title_id.clone()>
                        {text(|t| &t.estimate_title)}
                    </h2>
                    <div class="lc-cost-estimator__live" aria-live="polite" aria-atomic="true">
                        {dynamic(body)}
                    </div>
                </div>
            </Show>
        </div>
    }
}

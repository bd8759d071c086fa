//! The modal itself: focus in, trapped, the page behind it inert, Escape, focus back.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::plans::use_prompt_data;
use super::views::PromptBody;
use super::ways_out::Tools;
use super::words;
use super::{PromptHooks, Refusal};
use crate::hooks::{use_checkout, CheckoutState};
use crate::primitives::{active_element, dynamic, effect, unique_id, use_inert_outside};
use crate::use_credits;
use credits_core::PurchaseResponse;

const FOCUSABLE: &str = "button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])";

fn focusables(root: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

#[component]
pub(super) fn PromptDialog(
    refusal: Refusal,
    on_close: Callback<()>,
    hooks: PromptHooks,
    top_ups: StoredValue<Vec<u64>>,
    on_purchase: Option<Callback<PurchaseResponse>>,
    opener: StoredValue<Option<web_sys::Element>, LocalStorage>,
) -> impl IntoView {
    let ctx = use_credits();
    // One checkout per prompt: the body's buttons share its state.
    let checkout = use_checkout();
    let tools = Tools {
        ctx,
        refusal: None,
        hooks,
        checkout,
        on_close,
    };
    // A purchase made here is done: the host hears of it, and the prompt closes.
    effect(move || {
        if let CheckoutState::Done(_, bought) = checkout.state.get() {
            if let Some(told) = on_purchase {
                told.run(bought);
            }
            on_close.run(());
        }
    });
    let dialog = NodeRef::<Div>::new();
    let backdrop = NodeRef::<Div>::new();
    // Outside the prompt nothing is reachable (focus or screen reader) while it is open.
    use_inert_outside(backdrop);
    let title_id = unique_id("lc-prompt-title");
    let labelled_by = title_id.clone();
    // What had focus before, unless it is inside another prompt being replaced.
    if let Some(el) =
        active_element().filter(|el| el.closest(".lc-prompt").ok().flatten().is_none())
    {
        opener.set_value(Some(el));
    }
    on_cleanup(move || {
        if let Some(Some(el)) = opener.try_get_value() {
            if let Ok(el) = el.dyn_into::<HtmlElement>() {
                if el.is_connected() {
                    let _ = el.focus();
                }
            }
        }
    });
    effect(move || {
        if let Some(d) = dialog.get() {
            let d: HtmlElement = d.into();
            match focusables(&d).first() {
                Some(first) => {
                    let _ = first.focus();
                }
                None => {
                    let _ = d.focus();
                }
            }
        }
    });
    let keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        }
        "Tab" => {
            let Some(d) = dialog.get_untracked() else {
                return;
            };
            let d: HtmlElement = d.into();
            let all = focusables(&d);
            let (Some(first), Some(last)) = (all.first(), all.last()) else {
                ev.prevent_default();
                return;
            };
            let active = active_element();
            let at = |el: &HtmlElement| active.as_ref() == Some(el.unchecked_ref());
            let inside = active
                .as_ref()
                .is_some_and(|a| d.contains(Some(a.unchecked_ref())));
            if ev.shift_key() && (at(first) || !inside) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && (at(last) || !inside) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    let data = use_prompt_data(ctx, &refusal);
    // Decided again once the cycle's spend per member is read.
    let shown = Memo::new(move |_| {
        let spends = data.by_member.get();
        data.figures
            .with(|f| refusal.with_usage(f.as_ref(), spends.as_deref()))
    });
    let why = Memo::new(move |_| shown.with(|r| r.why));
    let title = move || words::title(ctx, why.get());
    view! {
        <div class="lc-prompt" node_ref=backdrop>
            <div
                class="lc-prompt__dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                tabindex="-1"
                data-reason=move || why.get().as_str()
                node_ref=dialog
                on:keydown=keydown
            >
                <div class="lc-prompt__head">
                    <h2 class="lc-prompt__title" id=title_id>{dynamic(move || title().into_any())}</h2>
                    <button
                        type="button"
                        class="lc-prompt__close"
                        aria-label=move || words::word(ctx, |t| &t.prompts.close)
                        on:click=move |_| on_close.run(())
                    >
                        "×"
                    </button>
                </div>
                <PromptBody refusal=shown data=data tools=tools top_ups=top_ups />
            </div>
        </div>
    }
}

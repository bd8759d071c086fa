//! The prompt as a modal (`primitives::use_modal`): its head and body, one
//! checkout for its buttons, and closing once a purchase made in it is done.

use credits_core::PurchaseResponse;
use leptos::prelude::*;

use super::plans::use_prompt_data;
use super::say::title;
use super::views::PromptBody;
use super::ways_out::Tools;
use super::{PromptHooks, Refusal};
use crate::hooks::{use_checkout, CheckoutState};
use crate::primitives::{dynamic, effect, unique_id, use_modal, Opener};
use crate::text::word;
use crate::use_credits;

#[component]
pub(super) fn PromptDialog(
    refusal: Refusal,
    on_close: Callback<()>,
    hooks: PromptHooks,
    top_ups: StoredValue<Vec<u64>>,
    on_purchase: Option<Callback<PurchaseResponse>>,
    opener: Opener,
) -> impl IntoView {
    let ctx = use_credits();
    // One checkout per prompt: the body's buttons share its state.
    let checkout = use_checkout();
    // A purchase made here is done: the host hears of it, and the prompt closes.
    effect(move || {
        if let CheckoutState::Done(_, bought) = checkout.state.get() {
            if let Some(told) = on_purchase {
                told.run(bought);
            }
            on_close.run(());
        }
    });
    let modal = use_modal(opener, ".lc-prompt", on_close);
    let title_id = unique_id("lc-prompt-title");
    let labelled_by = title_id.clone();
    let data = use_prompt_data(ctx, &refusal, top_ups);
    let tools = Tools {
        ctx,
        refusal: None,
        hooks,
        checkout,
        on_close,
        data,
    };
    // Decided again once the cycle's spend per member is read.
    let shown = Memo::new(move |_| {
        let spends = data.by_member.get();
        data.figures
            .with(|f| refusal.with_usage(f.as_ref(), spends.as_deref()))
    });
    let why = Memo::new(move |_| shown.with(|r| r.why));
    view! {
        <div class="lc-prompt" node_ref=modal.backdrop>
            <div
                class="lc-prompt__dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                tabindex="-1"
                data-reason=move || why.get().as_str()
                node_ref=modal.dialog
                on:keydown=move |ev| modal.keydown(ev)
            >
                <div class="lc-prompt__head">
                    <h2 class="lc-prompt__title" id=title_id>
                        {dynamic(move || title(ctx, why.get()).into_any())}
                    </h2>
                    <button
                        type="button"
                        class="lc-prompt__close"
                        aria-label=move || word(ctx, |t| &t.prompts.close)
                        on:click=move |_| on_close.run(())
                    >
                        "×"
                    </button>
                </div>
                <PromptBody refusal=shown tools=tools />
            </div>
        </div>
    }
}

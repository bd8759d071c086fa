//! What the prompt offers besides its ways out: a cheaper alternative that
//! fits the balance, and the feature prompt's re-sync.

use credits_core::prompt_fit::resync_line;
use credits_core::prompt_lines::Line;
use leptos::prelude::*;

use super::plans::Resync;
use super::say::say;
use super::ways_out::Tools;
use super::Refusal;
use crate::primitives::dynamic;
use crate::text::word;

/// "Fits your balance: Draft quality, 16 credits." and, with the host's
/// `on_pick`, a button that takes it.
pub(super) fn alternative(tools: Tools) -> impl IntoView {
    let (ctx, on_close) = (tools.ctx, tools.on_close);
    let shown = move || {
        let fit = tools.data.alternative.get()?;
        let button = tools.hooks.on_pick.map(|pick| {
            let action = fit.action.clone();
            view! {
                <button
                    type="button"
                    class="lc-prompt__action"
                    on:click=move |_| {
                        pick.run(action.clone());
                        on_close.run(());
                    }
                >
                    {word(ctx, |t| &t.prompts.use_alternative)}
                </button>
            }
        });
        Some(view! {
            <p class="lc-prompt__alternative">
                <span>{say(ctx, &fit.line())}</span>
                {button}
            </p>
        })
    };
    dynamic(move || shown().into_any())
}

/// The feature prompt's Re-sync, and what the re-read found.
pub(super) fn resync(tools: Tools, refusal: Memo<Refusal>) -> impl IntoView {
    let (ctx, data) = (tools.ctx, tools.data);
    let status = move || match data.resync.get() {
        Resync::Idle => None,
        Resync::Checking => Some(say(ctx, &Line::Resyncing)),
        Resync::Checked => refusal
            .with(|r| data.with_facts(r, resync_line))
            .map(|line| say(ctx, &line)),
    };
    view! {
        <p class="lc-prompt__resync">
            <button
                type="button"
                class="lc-prompt__action"
                disabled=move || data.resync.get() == Resync::Checking
                on:click=move |_| data.resync_now.run(())
            >
                {move || word(ctx, |t| &t.prompts.resync)}
            </button>
            <span role="status">{dynamic(move || status().into_any())}</span>
        </p>
    }
}

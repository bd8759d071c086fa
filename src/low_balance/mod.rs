//! `LowBalanceBanner`: a quiet warning while the balance is low, dismissible per cycle.

use credits_core::prompt_lines::comes_back;
use leptos::prelude::*;

use crate::intl::{format_day, format_in_days};
use crate::primitives::{dynamic, in_browser, now_s};
use crate::text::{credits, fill_word, locale, word};
use crate::{use_balance, use_credits};

const KEY_PREFIX: &str = "lc-low-balance-dismissed";

fn storage() -> Option<web_sys::Storage> {
    if !in_browser() {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// The key a dismissal is remembered under: one per workspace and cycle.
fn key(workspace: &str, cycle_start: &str) -> String {
    format!("{KEY_PREFIX}:{workspace}:{cycle_start}")
}

fn remembered(key: &str) -> bool {
    storage().is_some_and(|s| matches!(s.get_item(key), Ok(Some(_))))
}

fn remember(key: &str) {
    if let Some(s) = storage() {
        // A full or forbidden storage only means the banner may come back.
        let _ = s.set_item(key, "1");
    }
}

/// A quiet `role="status"` banner while the balance is under the workspace's
/// `low_balance_threshold`, or under `next_cost` (the next action's cost),
/// with when the credits reset. Dismissing the threshold warning hides it for
/// the rest of the cycle (remembered in `localStorage` per workspace and cycle
/// start; without `localStorage`, for as long as the page lives) and calls
/// `on_dismiss`. The warning that the next action needs more than the balance
/// has no Dismiss and is never hidden by one: it goes when the action fits.
///
/// ## Styling
///
/// `lc-low-balance` with parts `__text`, `__reset`, `__dismiss`; link `style/low_balance.css`.
#[component]
pub fn LowBalanceBanner(
    /// The next action's cost, when the host knows it.
    #[prop(optional, into)]
    next_cost: MaybeProp<u64>,
    /// Called after the person dismisses the banner.
    #[prop(optional)]
    on_dismiss: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = use_credits();
    let balance = use_balance();
    let dismissed = RwSignal::new(Vec::<String>::new());
    let cr = move |n: u64| credits(ctx, n);
    let shown = move || {
        let state = balance.state.get();
        let f = &state.known()?.figures;
        let cycle_start = f
            .cycle
            .as_ref()
            .map(|c| c.started_at.as_str())
            .unwrap_or("");
        let k = key(&f.workspace.id, cycle_start);
        let next = next_cost.get().filter(|n| *n > f.balance);
        let silenced = dismissed.with(|d| d.contains(&k)) || remembered(&k);
        if next.is_none() && (f.balance >= f.low_balance_threshold || silenced) {
            return None;
        }
        // Only the threshold warning can be dismissed.
        let k = next.is_none().then_some(k);
        let text = match next {
            Some(n) => fill_word(
                ctx,
                |t| &t.prompts.low_for_next,
                &[("balance", &cr(f.balance)), ("needed", &cr(n))],
            ),
            None => fill_word(
                ctx,
                |t| &t.prompts.low_balance,
                &[("balance", &cr(f.balance))],
            ),
        };
        let reset = f
            .cycle
            .as_ref()
            .and_then(|c| comes_back(&c.resets_at, now_s()));
        let reset = reset.map(|(at, days)| {
            let loc = locale(ctx);
            fill_word(
                ctx,
                |t| &t.prompts.comes_back,
                &[
                    ("in_days", &format_in_days(days, loc.as_deref())),
                    ("day", &format_day(at, loc.as_deref())),
                ],
            )
        });
        Some((k, text, reset))
    };
    view! {
        <div class="lc-low-balance" role="status">
            {dynamic(move || {
                shown()
                    .map(|(k, text, reset)| {
                        view! {
                            <div class="lc-low-balance__inner">
                                <span class="lc-low-balance__text">{text}</span>
                                {reset.map(|r| view! { <span class="lc-low-balance__reset">{r}</span> })}
                                {k.map(|k| view! {
                                    <button
                                        type="button"
                                        class="lc-low-balance__dismiss"
                                        on:click=move |_| {
                                            remember(&k);
                                            dismissed.update(|d| d.push(k.clone()));
                                            if let Some(cb) = on_dismiss {
                                                cb.run(());
                                            }
                                        }
                                    >
                                        {word(ctx, |t| &t.prompts.dismiss)}
                                    </button>
                                })}
                            </div>
                        }
                    })
                    .into_any()
            })}
        </div>
    }
}

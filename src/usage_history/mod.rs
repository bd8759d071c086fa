//! `UsageHistory`: the workspace's spend, newest first, a page at a time.

use credits_core::{UsageItem, UsageStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::intl::format_moment;
use crate::primitives::unique_id;
use crate::subscription::words::{action_name, merge_class, no_provider, sw, usage_pick};
use crate::text::error_message;
use crate::{use_credits, ClientError, CreditsContext};

/// What the history holds so far.
#[derive(Clone, Default)]
struct Pages {
    items: Vec<UsageItem>,
    next: Option<String>,
    loaded_once: bool,
    loading: bool,
    error: Option<ClientError>,
    generation: u64,
}

/// The spend history of the provider's workspace, newest first, as a table:
/// time, member, action, credits and what became of them. Failed and
/// refunded generations say so in words ("Failed, credits spent",
/// "Refunded"), not by colour alone. "Load more" fetches the next page with
/// the server's cursor and appends it; the button goes away on the last page.
/// When the provider's shared balance changes (a generation spent credits),
/// the history starts again from its newest page.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::UsageHistory;
///
/// # fn page() -> impl IntoView {
/// // inside a <CreditsProvider>
/// view! { <UsageHistory page_size=20u32 /> }
/// # }
/// ```
///
/// ## Styling
///
/// `lc-usage-history` with parts `__table`, `__row` (`data-status` =
/// `charged | failed | refunded`), `__more`; link `style/subscription.css`.
///
/// ## Errors
///
/// A failed page shows the reason and a Retry button; the rows already shown stay.
#[component]
pub fn UsageHistory(
    /// Items per page (1 to 100); 50 when absent.
    #[prop(optional, into)]
    page_size: Option<u32>,
    /// Extra classes, merged with `lc-usage-history`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let classes = move || merge_class("lc-usage-history", class.get());
    let Some(ctx) = use_credits() else {
        return no_provider(classes);
    };
    let limit = page_size
        .unwrap_or(credits_core::usage::DEFAULT_USAGE_LIMIT)
        .clamp(1, credits_core::usage::MAX_USAGE_LIMIT);
    let pages = RwSignal::new(Pages::default());
    let load = move |cursor: Option<String>| {
        let client = ctx.client.get_untracked();
        let workspace = ctx.workspace.get_untracked();
        let Some(generation) = pages.try_update(|p| {
            p.loading = true;
            p.error = None;
            p.generation
        }) else {
            return;
        };
        spawn_local(async move {
            let answer = client.usage(&workspace, limit, cursor.as_deref()).await;
            pages.try_update(|p| {
                if p.generation != generation {
                    return;
                }
                p.loading = false;
                match answer {
                    Ok(page) => {
                        p.items.extend(page.items);
                        p.next = page.next_cursor;
                        p.loaded_once = true;
                    }
                    Err(e) => p.error = Some(e),
                }
            });
        });
    };
    // The first page is read again when the shared balance's figures change
    // (a spend elsewhere on the page), without asking for the balance itself.
    let balance = ctx.balance.state();
    let as_of = Memo::new(move |_| balance.with(|s| s.known().map(|k| k.figures.as_of.clone())));
    Effect::new(move |prev: Option<(u64, String, Option<String>)>| {
        let now = (
            ctx.client.get().identity(),
            ctx.workspace.get(),
            as_of.get(),
        );
        if let Some((id, ws, old)) = &prev {
            let same = *id == now.0 && *ws == now.1;
            let spent = matches!((old, &now.2), (Some(a), Some(b)) if a != b);
            if same && !spent {
                return now;
            }
        }
        pages.update(|p| {
            let generation = p.generation + 1;
            *p = Pages {
                generation,
                ..Pages::default()
            };
        });
        load(None);
        now
    });
    let title_id = unique_id("lc-usage-history");
    let label_id = title_id.clone();
    let rows = move || pages.with(|p| p.items.iter().map(|i| row(ctx, i)).collect_view());
    let more = move || {
        let (next, loading) = pages.with(|p| (p.next.clone(), p.loading));
        next.map(|cursor| {
            view! {
                <button
                    type="button"
                    class="lc-usage-history__more"
                    aria-busy=loading.then_some("true")
                    disabled=loading
                    on:click=move |_| load(Some(cursor.clone()))
                >
                    {sw(ctx, |t| &t.load_more)}
                </button>
            }
        })
    };
    let status = move || {
        pages.with(|p| {
            if let Some(e) = &p.error {
                let cursor = p.next.clone();
                let first = !p.loaded_once;
                Some(view! {
                    <p class="lc-usage-history__error" role="alert">{error_message(Some(ctx), e)}</p>
                    <button type="button" on:click=move |_| load(if first { None } else { cursor.clone() })>
                        {ctx.word(|t| &t.retry)}
                    </button>
                }.into_any())
            } else if p.loading && !p.loaded_once {
                Some(view! { <p role="status">{sw(ctx, |t| &t.history_loading)}</p> }.into_any())
            } else if p.loaded_once && p.items.is_empty() {
                Some(view! { <p>{sw(ctx, |t| &t.history_empty)}</p> }.into_any())
            } else {
                None
            }
        })
    };
    view! {
        <section class=classes aria-labelledby=label_id>
            <h2 id=title_id.clone() class="lc-usage-history__title">{sw(ctx, |t| &t.history_title)}</h2>
            <table class="lc-usage-history__table">
                <thead>
                    <tr>
                        <th scope="col">{sw(ctx, |t| &t.col_time)}</th>
                        <th scope="col">{sw(ctx, |t| &t.col_member)}</th>
                        <th scope="col">{sw(ctx, |t| &t.col_action)}</th>
                        <th scope="col">{sw(ctx, |t| &t.col_credits)}</th>
                        <th scope="col">{sw(ctx, |t| &t.col_status)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {status}
            {more}
        </section>
    }
    .into_any()
}

fn row(ctx: CreditsContext, item: &UsageItem) -> impl IntoView {
    let at = credits_core::time::parse_rfc3339(&item.at)
        .map(|s| format_moment(s, ctx.locale.get_untracked().as_deref()))
        .unwrap_or_else(|| item.at.clone());
    let credits = ctx.credits(item.credits);
    let struck = item.status == UsageStatus::Refunded;
    view! {
        <tr class="lc-usage-history__row" data-status=item.status.as_str() data-id=item.id.clone()>
            <td><time datetime=item.at.clone()>{at}</time></td>
            <td>{item.member.name.clone()}</td>
            <td>{action_name(ctx, &item.action)}</td>
            <td class:lc-usage-history__refunded=struck>{credits}</td>
            <td>{sw(ctx, usage_pick(item.status))}</td>
        </tr>
    }
}

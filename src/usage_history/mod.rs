//! `UsageHistory`: the workspace's spend, newest first, a page at a time.

use credits_core::{UsageItem, UsageStatus};
use leptos::prelude::*;

use crate::hooks::{use_fetched, Loaded};
use crate::intl::format_moment;
use crate::primitives::{dynamic, unique_id};
use crate::subscription::words::{action_name, merge_class, no_provider, sw, usage_pick};
use crate::text::error_message;
use crate::{use_credits, ClientError, CreditsContext};

/// The pages read so far, and where the next one starts.
#[derive(Clone, Default)]
struct Pages {
    items: Vec<UsageItem>,
    next: Option<String>,
}

fn append(shown: &mut Pages, page: Pages) {
    shown.items.extend(page.items);
    shown.next = page.next;
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
    // The first page is read again when the shared balance's figures change
    // (a spend elsewhere on the page), without asking for the balance itself:
    // the key counts the spends seen, not the first arrival of the figures.
    let balance = ctx.balance.state();
    let spends = Memo::new(move |prev: Option<&(Option<String>, u64)>| {
        let as_of = balance.with(|s| s.known().map(|k| k.figures.as_of.clone()));
        match prev {
            Some((Some(old), n)) if as_of.as_ref().is_some_and(|a| a != old) => (as_of, n + 1),
            Some((old, n)) => (as_of.or_else(|| old.clone()), *n),
            None => (as_of, 0),
        }
    });
    let key = Signal::derive(move || spends.with(|(_, n)| n.to_string()));
    let page = move |client: crate::CreditsClient, ws: String, cursor: Option<String>| async move {
        let page = client.usage(&ws, limit, cursor.as_deref()).await?;
        Ok(Pages {
            items: page.items,
            next: page.next_cursor,
        })
    };
    let pages = use_fetched(ctx, key, move |client, ws| page(client, ws, None));
    let more_error = RwSignal::new(None::<ClientError>);
    let load_more = move |cursor: String| {
        more_error.set(None);
        let client = ctx.client.get_untracked();
        let ws = ctx.workspace.get_untracked();
        pages.extend(page(client, ws, Some(cursor)), append, move |e| {
            more_error.try_set(e);
        });
    };
    let title_id = unique_id("lc-usage-history");
    let label_id = title_id.clone();
    let rows = move || {
        pages.state.with(|s| {
            s.ready()
                .map(|p| p.items.iter().map(|i| row(ctx, i)).collect_view())
        })
    };
    let more = move || {
        let next = pages.state.with(|s| s.ready().and_then(|p| p.next.clone()));
        let loading = pages.busy.get();
        next.map(|cursor| {
            view! {
                <button
                    type="button"
                    class="lc-usage-history__more"
                    aria-busy=loading.then_some("true")
                    disabled=loading
                    on:click=move |_| load_more(cursor.clone())
                >
                    {sw(ctx, |t| &t.load_more)}
                </button>
            }
        })
    };
    let failed = move |e: &ClientError, retry: Callback<()>| {
        view! {
            <p class="lc-usage-history__error" role="alert">{error_message(Some(ctx), e)}</p>
            <button type="button" on:click=move |_| retry.run(())>{ctx.word(|t| &t.retry)}</button>
        }
        .into_any()
    };
    let status = move || match pages.state.get() {
        Loaded::Failed(e) => Some(failed(&e, pages.reload)),
        Loaded::Loading => Some(view! { <p>{sw(ctx, |t| &t.history_loading)}</p> }.into_any()),
        Loaded::Ready(p) => match more_error.get() {
            Some(e) => {
                let retry = Callback::new(move |()| {
                    if let Some(cursor) = p.next.clone() {
                        load_more(cursor);
                    }
                });
                Some(failed(&e, retry))
            }
            None if p.items.is_empty() => {
                Some(view! { <p>{sw(ctx, |t| &t.history_empty)}</p> }.into_any())
            }
            None => None,
        },
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
                <tbody>{dynamic(move || rows().into_any())}</tbody>
            </table>
            {dynamic(move || status().into_any())}
            {dynamic(move || more().into_any())}
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

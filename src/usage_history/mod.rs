//! `UsageHistory`: the workspace's spend, newest first, a page at a time,
//! narrowed by member and status.

mod filters;
mod pages;
mod table;

use credits_core::{MemberRef, UsageFilter};
use leptos::prelude::*;

use crate::hooks::{use_fetched, Loaded};
use crate::primitives::{dynamic, effect, unique_id, use_politeness};
use crate::primitives::{merge_class, no_provider};
use crate::text::error_message;
use crate::{use_credits, ClientError};
use pages::{append, newest_on_top, Pages};

/// The spend history of the provider's workspace, newest first, as a table:
/// time, member, action, credits and what became of them. Failed and
/// refunded generations say so in words ("Failed, credits spent",
/// "Refunded"), not by colour alone. "Load more" fetches the next page with
/// the server's cursor and appends it; the button goes away on the last page.
/// When the provider's shared balance changes (a generation spent credits,
/// here or by a teammate through the live stream), the newest page is read
/// again and its new rows go on top: the pages already loaded stay.
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
/// `lc-usage-history` with parts `__filters` (`__member`, `__status`
/// selects), `__totals`, `__table`, `__row` (`data-status` =
/// `charged | failed | refunded`, `data-you` on the looker's rows), `__you`,
/// `__more`; link `style/subscription.css`.
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
    let balance = ctx.balance.state();
    let count = pages::spends_seen(balance);
    let filter = RwSignal::new(UsageFilter::default());
    // A new filter reads its first page; an answer for an older question
    // (another filter) is dropped by `use_fetched`.
    let key = Signal::derive(move || {
        filter.with(|f| {
            let member = f.member.as_deref().unwrap_or("");
            format!("{member} {}", f.status_param().unwrap_or_default())
        })
    });
    // Every member, from any page's `by_member`: the member select keeps its
    // options while a new filter loads.
    let members = RwSignal::new(Vec::<MemberRef>::new());
    let page = move |client: crate::CreditsClient,
                     ws: String,
                     cursor: Option<String>,
                     filter: UsageFilter| async move {
        let page = client
            .usage_filtered(&ws, limit, cursor.as_deref(), &filter)
            .await?;
        let all: Vec<MemberRef> = page.by_member.into_iter().map(|m| m.member).collect();
        if !all.is_empty() && members.try_with_untracked(|m| m != &all) == Some(true) {
            members.try_set(all);
        }
        Ok(Pages {
            items: page.items,
            next: page.next_cursor,
            totals: page.totals,
            filter,
        })
    };
    let pages = use_fetched(ctx, key, move |client, ws| {
        page(client, ws, None, filter.get_untracked())
    });
    let mut seen = None;
    effect(move || {
        let n = count.get();
        if seen.replace(n).is_some_and(|was| was != n) {
            let (client, ws) = (ctx.client.get_untracked(), ctx.workspace.get_untracked());
            let first = page(client, ws, None, filter.get_untracked());
            // A failure here leaves the rows shown as they are.
            pages.extend(first, newest_on_top, |_| {});
        }
    });
    let more_error = RwSignal::new(None::<ClientError>);
    let load_more = move |cursor: String, filter: UsageFilter| {
        more_error.set(None);
        let client = ctx.client.get_untracked();
        let ws = ctx.workspace.get_untracked();
        pages.extend(page(client, ws, Some(cursor), filter), append, move |e| {
            more_error.try_set(e);
        });
    };
    let change = Callback::new(move |next: UsageFilter| {
        if filter.with_untracked(|f| f != &next) {
            more_error.set(None);
            pages.state.set(Loaded::Loading);
            filter.set(next);
        }
    });
    // Who is looking ("(you)") comes from the shared balance, asked for here
    // too so the marker does not depend on a balance component on the page.
    ctx.balance.activate();
    let me = Memo::new(move |_| balance.with(|s| s.known().map(|k| k.figures.member.id.clone())));
    let me: Signal<Option<String>> = me.into();
    let chosen: Signal<UsageFilter> = filter.into();
    let polite = use_politeness(chosen, ctx.workspace);
    let title_id = unique_id("lc-usage-history");
    let label_id = title_id.clone();
    let rows = move || {
        let me = me.get();
        pages.state.with(|s| {
            s.ready().map(|p| {
                p.items
                    .iter()
                    .map(|i| table::row(ctx, i, me.as_deref()))
                    .collect_view()
            })
        })
    };
    let totals = move || {
        pages
            .state
            .with(|s| s.ready().and_then(|p| p.totals))
            .map(|t| table::totals_line(ctx, t))
    };
    let more = move || {
        let next = pages.state.with(|s| {
            s.ready()
                .and_then(|p| Some((p.next.clone()?, p.filter.clone())))
        });
        let loading = pages.busy.get();
        next.map(|(cursor, filter)| {
            view! {
                <button
                    type="button"
                    class="lc-usage-history__more"
                    aria-busy=loading.then_some("true")
                    disabled=loading
                    on:click=move |_| load_more(cursor.clone(), filter.clone())
                >
                    {ctx.word(|t| &t.subscription.load_more)}
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
        Loaded::Loading => {
            Some(view! { <p>{ctx.word(|t| &t.subscription.history_loading)}</p> }.into_any())
        }
        Loaded::Ready(p) => match more_error.get() {
            Some(e) => {
                let retry = Callback::new(move |()| {
                    if let Some(cursor) = p.next.clone() {
                        load_more(cursor, p.filter.clone());
                    }
                });
                Some(failed(&e, retry))
            }
            None if p.items.is_empty() => {
                let empty = if p.filter == UsageFilter::default() {
                    ctx.word(|t| &t.subscription.history_empty)
                } else {
                    ctx.word(|t| &t.subscription.history_empty_filtered)
                };
                Some(view! { <p class="lc-usage-history__empty">{empty}</p> }.into_any())
            }
            None => None,
        },
    };
    view! {
        <section class=classes aria-labelledby=label_id>
            <h2 id=title_id.clone() class="lc-usage-history__title">{ctx.word(|t| &t.subscription.history_title)}</h2>
            {filters::filters(ctx, chosen, members.into(), me, change)}
            <p class="lc-usage-history__totals" aria-live=polite aria-atomic="true">
                {dynamic(move || totals().into_any())}
            </p>
            <table class="lc-usage-history__table">
                <thead>
                    <tr>
                        <th scope="col">{ctx.word(|t| &t.subscription.col_time)}</th>
                        <th scope="col">{ctx.word(|t| &t.subscription.col_member)}</th>
                        <th scope="col">{ctx.word(|t| &t.subscription.col_action)}</th>
                        <th scope="col">{ctx.word(|t| &t.subscription.col_credits)}</th>
                        <th scope="col">{ctx.word(|t| &t.subscription.col_status)}</th>
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

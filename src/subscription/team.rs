//! Who used the shared pool this cycle: a bar chart across the section's
//! width with a text alternative, and the same numbers in a real table.

use credits_core::subscription::bar_lengths;
use credits_core::MemberSpend;
use leptos::prelude::*;

use crate::hooks::{use_fetched, Loaded};
use crate::intl::format_list_and;
use crate::primitives::{dynamic, unique_id};
use crate::text::error_message;
use crate::CreditsContext;

/// The team's spend this cycle (`by_member` of the usage answer), read again
/// whenever the balance's figures change (`as_of`).
#[component]
pub(crate) fn TeamUsage(ctx: CreditsContext, as_of: Signal<String>) -> impl IntoView {
    let usage = use_fetched(ctx, as_of, |client, ws| async move {
        client.usage(&ws, 1, None).await.map(|u| u.by_member)
    });
    let body = move || {
        match usage.state.get() {
        Loaded::Loading => view! { <p class="lc-subscription__note">{ctx.word(|t| &t.subscription.loading)}</p> }.into_any(),
        Loaded::Failed(e) => view! {
            <p class="lc-subscription__error" role="alert">{error_message(Some(ctx), &e)}</p>
            <button type="button" class="lc-subscription__retry" on:click=move |_| usage.reload.run(())>
                {ctx.word(|t| &t.retry)}
            </button>
        }
        .into_any(),
        Loaded::Ready(spends) if spends.is_empty() => {
            view! { <p class="lc-subscription__note">{ctx.word(|t| &t.subscription.team_empty)}</p> }.into_any()
        }
        Loaded::Ready(spends) => {
            let me = ctx.balance.state().with(|s| s.known().map(|k| k.figures.member.id.clone()));
            chart(ctx, &spends, me.as_deref())
        }
    }
    };
    let title_id = unique_id("lc-subscription-team");
    let label_id = title_id.clone();
    view! {
        <section class="lc-subscription__team" aria-labelledby=label_id>
            <h3 id=title_id.clone() class="lc-subscription__subtitle">{ctx.word(|t| &t.subscription.team_title)}</h3>
            {dynamic(body)}
        </section>
    }
}

/// The bars and the table; `me` (the member looking) is marked "(you)" in words.
fn chart(ctx: CreditsContext, spends: &[MemberSpend], me: Option<&str>) -> AnyView {
    let lengths = bar_lengths(&spends.iter().map(|s| s.credits).collect::<Vec<_>>());
    let name = |s: &MemberSpend| {
        if me == Some(s.member.id.as_str()) {
            ctx.fill(|t| &t.subscription.named_you, &[("name", &s.member.name)])
        } else {
            s.member.name.clone()
        }
    };
    let mine = |s: &MemberSpend| (me == Some(s.member.id.as_str())).then_some("true");
    let list = spends
        .iter()
        .map(|s| {
            let credits = ctx.credits(s.credits);
            ctx.fill(
                |t| &t.subscription.team_chart_item,
                &[("name", &name(s)), ("credits", &credits)],
            )
        })
        .collect::<Vec<_>>();
    let list = format_list_and(&list, ctx.locale.get_untracked().as_deref());
    let label = ctx.fill(|t| &t.subscription.team_chart_label, &[("list", &list)]);
    let bars = spends
        .iter()
        .zip(lengths)
        .map(|(s, len)| {
            // Thousandths of the track; anyone who spent keeps a sliver.
            let w = len.max(5 * u32::from(s.credits > 0));
            view! {
                <span class="lc-subscription__chart-name" data-you=mine(s)>{name(s)}</span>
                <svg class="lc-subscription__chart-track" width="100%" height="16" aria-hidden="true">
                    <rect width=format!("{}.{}%", w / 10, w % 10) height="16" rx="3" class="lc-subscription__chart-bar"></rect>
                </svg>
            }
        })
        .collect_view();
    let rows = spends
        .iter()
        .map(|s| {
            view! {
                <tr data-you=mine(s)>
                    <th scope="row">{name(s)}</th>
                    <td>{ctx.credits(s.credits)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="lc-subscription__chart" role="img" aria-label=label>
            {bars}
        </div>
        <table class="lc-subscription__team-table">
            <thead>
                <tr>
                    <th scope="col">{ctx.word(|t| &t.subscription.team_member)}</th>
                    <th scope="col">{ctx.word(|t| &t.subscription.team_credits)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

//! The history's rows and the totals line above them.

use credits_core::{UsageItem, UsageStatus, UsageTotals};
use leptos::prelude::*;

use crate::intl::format_moment;
use crate::text::usage_pick;
use crate::CreditsContext;

/// "This cycle: 12 generations · 840 credits", numbers from `Intl`.
pub(super) fn totals_line(ctx: CreditsContext, totals: UsageTotals) -> String {
    ctx.fill(
        |t| &t.subscription.history_totals,
        &[
            (
                "generations",
                &ctx.counted(|t| &t.subscription.generations, totals.count),
            ),
            ("credits", &ctx.credits(totals.credits)),
        ],
    )
}

/// One generation; `me` (the member looking) is marked "(you)" in words.
pub(super) fn row(ctx: CreditsContext, item: &UsageItem, me: Option<&str>) -> impl IntoView {
    let at = credits_core::time::parse_rfc3339(&item.at)
        .map(|s| format_moment(s, ctx.locale.get_untracked().as_deref()))
        .unwrap_or_else(|| item.at.clone());
    let credits = ctx.credits(item.credits);
    let struck = item.status == UsageStatus::Refunded;
    let mine = me == Some(item.member.id.as_str());
    let you = mine.then(|| {
        view! { " " <span class="lc-usage-history__you">{ctx.word(|t| &t.subscription.you)}</span> }
    });
    view! {
        <tr
            class="lc-usage-history__row"
            data-status=item.status.as_str()
            data-id=item.id.clone()
            data-you=mine.then_some("true")
        >
            <td><time datetime=item.at.clone()>{at}</time></td>
            <td>{item.member.name.clone()}{you}</td>
            <td>{ctx.action_name(&item.action)}</td>
            <td class:lc-usage-history__refunded=struck>{credits}</td>
            <td>{ctx.word(usage_pick(item.status))}</td>
        </tr>
    }
}

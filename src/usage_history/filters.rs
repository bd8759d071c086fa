//! The history's two filters, as native selects with labels: a member
//! (every member of the workspace, the person looking marked "(you)") and a status.

use credits_core::{MemberRef, UsageFilter, UsageStatus};
use leptos::prelude::*;

use crate::primitives::{dynamic, unique_id};
use crate::text::Pick;
use crate::CreditsContext;

/// The statuses a person can narrow to, with their option words.
const STATUSES: [(UsageStatus, Pick); 3] = [
    (UsageStatus::Charged, |t| &t.subscription.usage_charged),
    (UsageStatus::Failed, |t| &t.subscription.filter_failed),
    (UsageStatus::Refunded, |t| &t.subscription.usage_refunded),
];

/// The member and status selects; `change` gets the filter a person chose.
pub(super) fn filters(
    ctx: CreditsContext,
    filter: Signal<UsageFilter>,
    members: Signal<Vec<MemberRef>>,
    me: Signal<Option<String>>,
    change: Callback<UsageFilter>,
) -> impl IntoView {
    let member_id = unique_id("lc-usage-history-member");
    let status_id = unique_id("lc-usage-history-status");
    // The selects hold what a person chose; options are marked `selected`
    // only when (re)built, so a new member list keeps the choice.
    let member_options = move || {
        let chosen = filter.with_untracked(|f| f.member.clone());
        let mine = me.get();
        members
            .get()
            .into_iter()
            .map(|m| {
                let name = if mine.as_deref() == Some(m.id.as_str()) {
                    ctx.fill(|t| &t.subscription.named_you, &[("name", &m.name)])
                } else {
                    m.name
                };
                let selected = chosen.as_deref() == Some(m.id.as_str());
                view! { <option value=m.id selected=selected>{name}</option> }
            })
            .collect_view()
            .into_any()
    };
    let status_options = STATUSES
        .iter()
        .map(|(status, pick)| {
            view! { <option value=status.as_str()>{ctx.word(*pick)}</option> }
        })
        .collect_view();
    let on_member = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let mut next = filter.get_untracked();
        next.member = (!id.is_empty()).then_some(id);
        change.run(next);
    };
    let on_status = move |ev: leptos::ev::Event| {
        let word = event_target_value(&ev);
        let mut next = filter.get_untracked();
        next.statuses = STATUSES
            .iter()
            .map(|(s, _)| *s)
            .filter(|s| s.as_str() == word)
            .collect();
        change.run(next);
    };
    view! {
        <div class="lc-usage-history__filters">
            <label for=member_id.clone()>{ctx.word(|t| &t.subscription.filter_member)}</label>
            <select id=member_id class="lc-usage-history__member" on:change=on_member>
                <option value="">{ctx.word(|t| &t.subscription.filter_all_members)}
                </option>
                {dynamic(member_options)}
            </select>
            <label for=status_id.clone()>{ctx.word(|t| &t.subscription.filter_status)}</label>
            <select id=status_id class="lc-usage-history__status" on:change=on_status>
                <option value="">{ctx.word(|t| &t.subscription.filter_all_statuses)}
                </option>
                {status_options}
            </select>
        </div>
    }
}

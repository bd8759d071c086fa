//! What `UsageHistory` has read: its pages for one filter, the next page
//! folded in below them, a fresh newest page folded in on top, and the count
//! of spends seen that asks for that fresh page.

use credits_core::{UsageFilter, UsageItem, UsageTotals};
use leptos::prelude::*;

use crate::BalanceState;

/// The pages read so far for one filter, and where the next one starts.
#[derive(Clone, Default)]
pub(super) struct Pages {
    pub items: Vec<UsageItem>,
    pub next: Option<String>,
    pub totals: Option<UsageTotals>,
    /// The filter these pages (and `next`) were read for.
    pub filter: UsageFilter,
}

pub(super) fn append(shown: &mut Pages, page: Pages) {
    shown.items.extend(page.items);
    shown.next = page.next;
}

/// A fresh first page after a spend: new rows on top, the pages read stay.
pub(super) fn newest_on_top(shown: &mut Pages, first: Pages) {
    if shown.filter != first.filter {
        return;
    }
    shown.totals = first.totals;
    if !credits_core::usage_merge::merge_newest(&mut shown.items, first.items.clone()) {
        *shown = first;
    }
}

/// Counts the spends the shared balance has shown since it first arrived
/// (its first figures are not a spend).
pub(super) fn spends_seen(balance: Signal<BalanceState>) -> Memo<u64> {
    // The newest page is read again when the shared balance's figures change
    // (a spend here or a teammate's), without asking for the balance itself:
    // this counts the spends seen, not the first arrival of the figures.
    // `as_of` has whole seconds: two spends in one second differ by their balance.
    let spends = Memo::new(move |prev: Option<&(Option<(String, u64)>, u64)>| {
        let as_of = balance.with(|s| {
            s.known()
                .map(|k| (k.figures.as_of.clone(), k.figures.balance))
        });
        match prev {
            Some((Some(old), n)) if as_of.as_ref().is_some_and(|a| a != old) => (as_of, n + 1),
            Some((old, n)) => (as_of.or_else(|| old.clone()), *n),
            None => (as_of, 0),
        }
    });
    Memo::new(move |_| spends.with(|(_, n)| *n))
}

//! Quotes seen before, so settings a person returns to repaint at once with
//! no request. Pure Rust, tested natively.

use std::collections::HashMap;

use credits_core::{Action as CreditAction, QuoteItem};

/// Who asks where: the client's [`crate::CreditsClient::identity`] and the workspace.
pub type Group = (u64, String);

/// A cached answer for one action.
#[derive(Debug, Clone, PartialEq)]
pub struct Cached {
    pub item: QuoteItem,
    /// The balance the answer was priced against.
    pub balance: u64,
    pub price_book: String,
    /// When it arrived (ms since the epoch).
    pub at_ms: f64,
}

#[derive(Default)]
struct GroupCache {
    price_book: Option<String>,
    entries: HashMap<CreditAction, Cached>,
}

/// Quotes keyed by (group, action) — the typed action is its canonical form —
/// within one price book version: an answer from another version empties
/// the group, since every price may have changed.
pub struct QuoteCache {
    groups: HashMap<Group, GroupCache>,
    max_age_ms: f64,
    max_entries: usize,
    max_groups: usize,
}

/// Groups kept at once: each member and workspace a page has asked as is one,
/// and a page that keeps swapping tokens must not grow without end.
pub const MAX_GROUPS: usize = 8;

impl QuoteCache {
    /// A cache whose entries live `max_age_ms` and that holds at most
    /// `max_entries` actions per group (the oldest go first) and at most
    /// [`MAX_GROUPS`] groups (the one used longest ago goes first).
    pub fn new(max_age_ms: f64, max_entries: usize) -> Self {
        QuoteCache {
            groups: HashMap::new(),
            max_age_ms,
            max_entries: max_entries.max(1),
            max_groups: MAX_GROUPS,
        }
    }

    /// The answer for `action`, if one younger than the maximum age is kept.
    pub fn get(&self, group: &Group, action: &CreditAction, now_ms: f64) -> Option<&Cached> {
        let cached = self.groups.get(group)?.entries.get(action)?;
        (now_ms - cached.at_ms < self.max_age_ms && now_ms >= cached.at_ms).then_some(cached)
    }

    /// Keeps an answer. Item problems are kept too: the same request always
    /// gets the same answer for the same price book.
    pub fn put(&mut self, group: Group, action: CreditAction, cached: Cached) {
        if !self.groups.contains_key(&group) && self.groups.len() >= self.max_groups {
            let stalest = self
                .groups
                .iter()
                .map(|(k, g)| {
                    (
                        k,
                        g.entries.values().map(|c| c.at_ms).fold(f64::MIN, f64::max),
                    )
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(k, _)| k.clone());
            if let Some(stalest) = stalest {
                self.groups.remove(&stalest);
            }
        }
        let g = self.groups.entry(group).or_default();
        if g.price_book.as_deref() != Some(cached.price_book.as_str()) {
            g.entries.clear();
            g.price_book = Some(cached.price_book.clone());
        }
        if g.entries.len() >= self.max_entries && !g.entries.contains_key(&action) {
            let oldest = g
                .entries
                .iter()
                .min_by(|a, b| a.1.at_ms.total_cmp(&b.1.at_ms))
                .map(|(a, _)| a.clone());
            if let Some(oldest) = oldest {
                g.entries.remove(&oldest);
            }
        }
        g.entries.insert(action, cached);
    }

    /// Drops every answer for `workspace`, whoever asked: its plan may have
    /// changed, and with it what each action is allowed.
    pub fn forget_workspace(&mut self, workspace: &str) {
        self.groups.retain(|(_, ws), _| ws != workspace);
    }

    #[cfg(test)]
    fn groups(&self) -> usize {
        self.groups.len()
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.groups.values().map(|g| g.entries.len()).sum()
    }
}

#[cfg(test)]
#[path = "quote_cache_tests.rs"]
mod tests;

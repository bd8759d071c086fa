//! `UsageHistory` as a person sees it: its rows, its totals line, and the
//! server's own answer for the same filter to compare them with.
#![allow(dead_code)]

use credits_core::{UsageFilter, UsageItem, UsageStatus};
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{live_client, query_all, query_text, text};

/// The history's rows, top to bottom.
pub fn rows(root: &Element) -> Vec<Element> {
    query_all(root, ".lc-usage-history__row")
}

/// The item ids of the rows shown.
pub fn shown_ids(root: &Element) -> Vec<String> {
    rows(root)
        .iter()
        .map(|r| r.get_attribute("data-id").unwrap_or_default())
        .collect()
}

/// The text of cell `i` (0: time, 1: member, 2: action, 3: credits, 4: status) of each row.
pub fn column(root: &Element, i: u32) -> Vec<String> {
    rows(root)
        .iter()
        .map(|r| {
            r.query_selector_all("td")
                .ok()
                .and_then(|cells| cells.item(i))
                .and_then(|c| c.dyn_into::<Element>().ok())
                .map(|c| text(&c))
                .unwrap_or_default()
        })
        .collect()
}

/// The totals line above the table ("This cycle: 7 generations · 1,940 credits").
pub fn totals(root: &Element) -> String {
    query_text(root, ".lc-usage-history__totals")
}

/// A filter of one member and at most one status.
pub fn filter(member: Option<&str>, status: Option<UsageStatus>) -> UsageFilter {
    UsageFilter {
        member: member.map(str::to_owned),
        statuses: status.into_iter().collect(),
    }
}

/// Every item the server has for `filter`, page by page.
pub async fn server_items(token: &str, workspace: &str, filter: &UsageFilter) -> Vec<UsageItem> {
    let client = live_client(token);
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = client
            .usage_filtered(workspace, 100, cursor.as_deref(), filter)
            .await
            .expect("a page of the history");
        items.extend(page.items);
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => return items,
        }
    }
}

//! `UsageHistory` in headless Chromium against the live reference server.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::*;
use credits_core::time::parse_rfc3339;
use leptos::prelude::*;
use leptos_credits::{CreditsClient, UsageHistory};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn history(client: CreditsClient, workspace: &'static str, page: u32) -> Mounted {
    mount_with_provider(client, workspace, move || {
        view! {
            <UsageHistory page_size=page />
        }
    })
}

fn rows(root: &Element) -> Vec<Element> {
    query_all(root, ".lc-usage-history__row")
}

/// Every item id of the workspace's history, page by page from the server.
async fn server_ids(token: &str, workspace: &str) -> Vec<String> {
    let client = live_client(token);
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = client
            .usage(workspace, 100, cursor.as_deref())
            .await
            .unwrap();
        ids.extend(page.items.into_iter().map(|i| i.id));
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => return ids,
        }
    }
}

#[wasm_bindgen_test]
async fn pages_load_newest_first_until_the_last() {
    let all = server_ids("tok_pro_admin", "ws_pro_team").await;
    assert!(all.len() > 20, "the demo team has a long history");
    let m = history(live_client("tok_pro_admin"), "ws_pro_team", 10);
    let mut expected = 10;
    loop {
        let want = expected.min(all.len());
        wait_for("a page of rows", WAIT, || {
            (rows(&m.root).len() == want).then_some(())
        })
        .await;
        let shown: Vec<String> = rows(&m.root)
            .iter()
            .map(|r| r.get_attribute("data-id").unwrap_or_default())
            .collect();
        assert_eq!(
            shown,
            all[..want],
            "the rows are the server's items, in its order"
        );
        match button(&m.root, "Load more") {
            Some(more) => {
                assert!(want < all.len(), "Load more only while there is more");
                more.click();
                expected += 10;
            }
            None => {
                assert_eq!(want, all.len(), "the last page has no Load more");
                break;
            }
        }
    }
    let times: Vec<i64> = rows(&m.root)
        .iter()
        .filter_map(|r| r.query_selector("time").ok()??.get_attribute("datetime"))
        .filter_map(|t| parse_rfc3339(&t))
        .collect();
    assert_eq!(times.len(), all.len());
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

#[wasm_bindgen_test]
async fn failed_and_refunded_generations_say_so_in_words() {
    let m = history(live_client("tok_pro_admin"), "ws_pro_team", 100);
    wait_for("the rows", WAIT, || {
        (rows(&m.root).len() > 20).then_some(())
    })
    .await;
    for (status, words) in [
        ("failed", "Failed, credits spent"),
        ("refunded", "Refunded"),
    ] {
        let row = m
            .root
            .query_selector(&format!(".lc-usage-history__row[data-status=\"{status}\"]"))
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("a {status} row"));
        let cells = row.query_selector_all("td").unwrap();
        let last = cells.item(cells.length() - 1).unwrap();
        assert_eq!(
            last.text_content().unwrap_or_default().trim(),
            words,
            "{status} in words, not colour only"
        );
    }
    let first = &rows(&m.root)[0];
    let cells: Vec<String> = (0..5)
        .map(|i| {
            first
                .query_selector_all("td")
                .unwrap()
                .item(i)
                .and_then(|c| c.text_content())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(cells[1], "Kim", "member");
    assert_eq!(cells[2], "Remove background", "action in words");
    assert_eq!(cells[3], "16 credits", "credits");
    assert_eq!(cells[4], "Charged");
    let headers = m
        .root
        .query_selector_all("th[scope=\"col\"]")
        .unwrap()
        .length();
    assert_eq!(headers, 5, "a real table with column headers");
}

#[wasm_bindgen_test]
async fn an_unreachable_server_shows_the_reason_and_a_retry() {
    let m = history(
        CreditsClient::new(DEAD_API).with_token("tok_trial_owner"),
        "ws_trial",
        10,
    );
    wait_for("the error", Duration::from_secs(30), || {
        by_role(&m.root, "alert")
    })
    .await;
    assert!(button(&m.root, "Retry").is_some());
    assert!(rows(&m.root).is_empty());
}

#[wasm_bindgen_test]
async fn a_spend_on_the_page_brings_the_history_up_to_date() {
    use leptos_credits::api::new_idempotency_key;
    use leptos_credits::{CreditAction, ImageGenerate, Quality, SubscriptionBalance};
    // Only ws_enterprise is spent in: other tests rely on the other workspaces' balances.
    let client = live_client("tok_ent_owner");
    let m = mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <SubscriptionBalance />
            <UsageHistory page_size=5u32 />
        }
    });
    wait_for("the first page", WAIT, || {
        (rows(&m.root).len() == 5).then_some(())
    })
    .await;
    let first = rows(&m.root)[0].get_attribute("data-id");
    let action = CreditAction::ImageGenerate(ImageGenerate::new(Quality::Draft, 1));
    live_client("tok_ent_owner")
        .generate("ws_enterprise", &action, &new_idempotency_key())
        .await
        .expect("charged");
    let newest = live_client("tok_ent_owner")
        .usage("ws_enterprise", 1, None)
        .await
        .unwrap()
        .items[0]
        .id
        .clone();
    assert_ne!(Some(newest.clone()), first);
    button(&m.root, "Refresh")
        .expect("the balance's Refresh")
        .click();
    // On top of the rows shown, which stay (a person reading older pages keeps them).
    wait_for("the new spend at the top", WAIT, || {
        let rows = rows(&m.root);
        (rows.len() == 6
            && rows[0].get_attribute("data-id").as_deref() == Some(newest.as_str())
            && rows[1].get_attribute("data-id") == first)
            .then_some(())
    })
    .await;
}

//! `UsageHistory`'s member and status filters, its totals and its "(you)"
//! marker, in headless Chromium against the live reference server, each test
//! on its own fork of the Pro team's shared pool.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::history::{column, filter, rows, server_items, shown_ids, totals};
use common::hooks::{fork_workspace, TestClient};
use common::*;
use leptos::prelude::*;
use leptos_credits::api::new_idempotency_key;
use leptos_credits::{CreditAction, CreditsClient, ImageGenerate, Quality, UsageHistory};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn history(client: CreditsClient, workspace: &str, page: u32) -> Mounted {
    mount_with_provider(client, workspace, move || {
        view! { <UsageHistory page_size=page /> }
    })
}

async fn settled(m: &Mounted, rows_wanted: usize, totals_wanted: &str) {
    wait_for(
        &format!("{rows_wanted} rows under {totals_wanted:?}"),
        WAIT,
        || (rows(&m.root).len() == rows_wanted && totals(&m.root) == totals_wanted).then_some(()),
    )
    .await;
}

#[wasm_bindgen_test]
async fn choosing_a_member_shows_only_their_rows_and_their_totals() {
    let ws = fork_workspace("ws_pro_team").await;
    let m = history(live_client("tok_pro_admin"), &ws, 100);
    settled(&m, 26, "This cycle: 24 generations · 4,880 credits").await;
    let line = query(&m.root, ".lc-usage-history__totals").expect("the totals line");
    assert_eq!(
        line.get_attribute("aria-live").as_deref(),
        Some("off"),
        "silent on load"
    );
    choose(&m.root, "Member", "u_lea").unwrap();
    settled(&m, 7, "This cycle: 7 generations · 1,940 credits").await;
    assert_eq!(
        line.get_attribute("aria-live").as_deref(),
        Some("polite"),
        "the totals speak after the person's own change"
    );
    let lea = server_items("tok_pro_admin", &ws, &filter(Some("u_lea"), None)).await;
    let ids: Vec<String> = lea.iter().map(|i| i.id.clone()).collect();
    assert_eq!(
        shown_ids(&m.root),
        ids,
        "the server's items for Léa, in its order"
    );
    assert!(
        column(&m.root, 1).iter().all(|name| name == "Léa Martin"),
        "only Léa's rows"
    );
    choose(&m.root, "Member", "").unwrap();
    settled(&m, 26, "This cycle: 24 generations · 4,880 credits").await;
}

#[wasm_bindgen_test]
async fn choosing_failed_shows_the_failed_video_and_its_credits() {
    let ws = fork_workspace("ws_pro_team").await;
    let m = history(live_client("tok_pro_member"), &ws, 100);
    settled(&m, 26, "This cycle: 24 generations · 4,880 credits").await;
    choose(&m.root, "Status", "failed").unwrap();
    settled(&m, 1, "This cycle: 1 generation · 96 credits").await;
    assert_eq!(
        rows(&m.root)[0].get_attribute("data-status").as_deref(),
        Some("failed")
    );
    let cells: Vec<String> = (0..5).map(|i| column(&m.root, i)[0].clone()).collect();
    assert_eq!(
        cells[1..],
        [
            "Léa Martin",
            "Video generation",
            "96 credits",
            "Failed, credits spent"
        ]
    );
    choose(&m.root, "Member", "u_kim").unwrap();
    wait_for_text(&m.root, "No usage matches these filters.", WAIT).await;
    assert!(rows(&m.root).is_empty());
    assert_eq!(totals(&m.root), "This cycle: 0 generations · 0 credits");
}

#[wasm_bindgen_test]
async fn load_more_keeps_the_filter_and_spends_between_pages_go_on_top_repeating_no_row() {
    let ws = fork_workspace("ws_pro_team").await;
    let kim = filter(Some("u_kim"), None);
    let before: Vec<String> = server_items("tok_pro_admin", &ws, &kim)
        .await
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(before.len(), 5, "Kim's five generations in the demo");
    let m = history(live_client("tok_pro_admin"), &ws, 2);
    wait_for("the first page", WAIT, || {
        (rows(&m.root).len() == 2).then_some(())
    })
    .await;
    choose(&m.root, "Member", "u_kim").unwrap();
    settled(&m, 2, "This cycle: 5 generations · 180 credits").await;
    let action = CreditAction::ImageGenerate(ImageGenerate::new(Quality::Draft, 1));
    let mut pages = 1;
    while button(&m.root, "Load more").is_some() {
        // Kim spends over HTTP (another member than the one looking) before
        // each page; the live stream brings it: it goes on top, the rows stay.
        let shown = rows(&m.root).len();
        live_client("tok_pro_member")
            .generate(&ws, &action, &new_idempotency_key())
            .await
            .expect("Kim's spend");
        wait_for("Kim's new spend on top", WAIT, || {
            (rows(&m.root).len() == shown + 1).then_some(())
        })
        .await;
        let more = button(&m.root, "Load more").expect("Load more stays");
        more.click();
        wait_for("the next page", WAIT, || {
            (rows(&m.root).len() > shown + 1).then_some(())
        })
        .await;
        pages += 1;
        assert!(pages < 10, "Load more ends");
    }
    let ids = shown_ids(&m.root);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "no row twice: {ids:?}");
    let new = ids.iter().take_while(|id| !before.contains(id)).count();
    assert_eq!(new, pages - 1, "each spend between pages, on top: {ids:?}");
    let old: Vec<&String> = ids.iter().filter(|id| before.contains(id)).collect();
    assert_eq!(
        old,
        before.iter().collect::<Vec<_>>(),
        "every old row, in order, none skipped"
    );
    assert!(
        column(&m.root, 1).iter().all(|name| name == "Kim"),
        "the filter held on every page"
    );
    assert!(pages >= 3, "Kim's history took several pages");
}

#[wasm_bindgen_test]
async fn an_answer_for_a_filter_no_longer_chosen_is_dropped() {
    let ws = fork_workspace("ws_pro_team").await;
    let tc = TestClient::new("history-filters");
    let m = history(tc.client("tok_pro_admin"), &ws, 100);
    settled(&m, 26, "This cycle: 24 generations · 4,880 credits").await;
    // Léa's whole history answers late; Léa's failed ones at once.
    tc.delay(&[1500, 0]).await;
    choose(&m.root, "Member", "u_lea").unwrap();
    sleep(300).await;
    assert_eq!(rows(&m.root).len(), 0, "Léa's history is being read");
    choose(&m.root, "Status", "failed").unwrap();
    settled(&m, 1, "This cycle: 1 generation · 96 credits").await;
    sleep(2000).await;
    assert_eq!(
        rows(&m.root).len(),
        1,
        "the late answer for Léa's whole history was dropped"
    );
    assert_eq!(totals(&m.root), "This cycle: 1 generation · 96 credits");
    let asked = tc.requests_to("GET", "/usage").await;
    assert_eq!(asked, 3, "everyone's, Léa's (slow), Léa's failed");
}

#[wasm_bindgen_test]
async fn the_keyboard_alone_changes_the_status_filter() {
    let ws = fork_workspace("ws_pro_team").await;
    let m = history(live_client("tok_pro_admin"), &ws, 100);
    settled(&m, 26, "This cycle: 24 generations · 4,880 credits").await;
    if let Some(el) = active_element() {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().blur();
    }
    let status = by_role_named(&m.root, "combobox", "Status").expect("a select named Status");
    for _ in 0..50 {
        if active_element().as_ref() == Some(&status) {
            break;
        }
        press("Tab").unwrap();
    }
    assert_eq!(
        active_element().as_ref(),
        Some(&status),
        "Tab reaches the status filter"
    );
    press("ArrowDown").unwrap();
    settled(&m, 24, "This cycle: 22 generations · 4,784 credits").await;
    press("ArrowDown").unwrap();
    settled(&m, 1, "This cycle: 1 generation · 96 credits").await;
    press("ArrowDown").unwrap();
    settled(&m, 1, "This cycle: 1 generation · 0 credits").await;
    assert_eq!(
        rows(&m.root)[0].get_attribute("data-status").as_deref(),
        Some("refunded")
    );
}

#[wasm_bindgen_test]
async fn you_marks_exactly_the_rows_of_the_member_looking() {
    let ws = fork_workspace("ws_pro_team").await;
    let m = history(live_client("tok_pro_member"), &ws, 100);
    settled(&m, 26, "This cycle: 24 generations · 4,880 credits").await;
    wait_for("Kim's rows marked", WAIT, || {
        (query_all(&m.root, ".lc-usage-history__row[data-you]").len() == 5).then_some(())
    })
    .await;
    for (row, name) in rows(&m.root).iter().zip(column(&m.root, 1)) {
        let kim = row.has_attribute("data-you");
        assert_eq!(
            name == "Kim (you)",
            kim,
            "{name}: marked in words exactly when Kim's"
        );
        assert!(kim || !name.contains("(you)"), "{name}");
    }
    let option =
        query(&m.root, ".lc-usage-history__member option[value=\"u_kim\"]").expect("Kim's option");
    assert_eq!(text(&option), "Kim (you)");
    let others = query_all(&m.root, ".lc-usage-history__member option");
    assert_eq!(
        others.iter().filter(|o| text(o).contains("(you)")).count(),
        1
    );
}

use wasm_bindgen::JsCast;

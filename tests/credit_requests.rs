//! "Ask an admin" for real, in headless Chromium against the live reference
//! server, each test on its own fork of the Pro team's shared pool: Kim (a
//! member) is refused 16 high-quality images (160 credits, 120 left), asks
//! through the prompt; Ari (the admin) answers on the Subscription page.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::fork_workspace;
use common::requests::{
    admin_page, ask, ask_and_decline, heading, member_page, settled_admin_page,
};
use common::*;
use leptos_credits::{CreditAction, ImageGenerate, Quality};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);
const MEMBER: &str = "tok_pro_member";
const ADMIN: &str = "tok_pro_admin";

fn sixteen() -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 16))
}

/// Clicks the refused Generate and waits for the prompt's Ask button.
async fn open_prompt(root: &Element) -> Element {
    let b = wait_for("a refused Generate", WAIT, || {
        let now = query(root, ".lc-generate")?.get_attribute("data-affordability")?;
        (now == "short").then_some(())?;
        query(root, ".lc-generate__button")
    })
    .await;
    click(&b).expect("Generate is clickable");
    let d = wait_for("the prompt", WAIT, || query(root, ".lc-prompt__dialog")).await;
    wait_for("the Ask button", WAIT, || {
        query(&d, "[data-way-out=ask_admin]")
    })
    .await;
    d
}

fn close_prompt(d: &Element) {
    button(d, "Not now").expect("Not now").click();
}

/// Kim asks through the prompt with `message`, and sees whom it went to.
async fn member_asks(m: &Element, message: &str) {
    let d = open_prompt(m).await;
    fill(&d, "Message (optional)", message).expect("the message field");
    button(&d, "Ask an admin").expect("Ask an admin").click();
    let sent = wait_for_text(&d, "Request sent to Jonas Weber and Ari", WAIT).await;
    assert_eq!(
        sent.get_attribute("role").as_deref(),
        Some("status"),
        "announced politely"
    );
    close_prompt(&d);
}

#[wasm_bindgen_test]
async fn a_member_asks_the_admin_tops_up_and_the_member_sees_the_credits_and_the_answer_without_a_reload_or_focus(
) {
    let ws = fork_workspace("ws_pro_team").await;
    let member = member_page(live_client(MEMBER), &ws, sixteen());
    member_asks(&member.root, "For the <i>launch</i> deck").await;
    // Opened again: already sent (read back from the server), nothing to send twice.
    let d = open_prompt(&member.root).await;
    wait_for_text(&d, "Request sent to Jonas Weber and Ari", WAIT).await;
    let again = wait_for("the sent button", WAIT, || button(&d, "Request sent")).await;
    assert_eq!(
        again.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(
        query(&d, "textarea").is_none(),
        "no message field once sent"
    );
    close_prompt(&d);

    let admin = admin_page(live_client(ADMIN), &ws);
    wait_for("the count in the heading", WAIT, || {
        (heading(&admin.root) == "1 request").then_some(())
    })
    .await;
    assert_eq!(
        query(&admin.root, ".lc-requests__title")
            .unwrap()
            .tag_name(),
        "H2"
    );
    let item = wait_for_text_containing(
        &admin.root,
        &[
            "Kim asks for 40 credits",
            "For the <i>launch</i> deck",
            "Asked ",
        ],
        WAIT,
    )
    .await;
    assert!(
        query(&admin.root, ".lc-requests__message i").is_none(),
        "the message is text: {item}"
    );
    button(&admin.root, "Top up 100 credits")
        .expect("Top up")
        .click();
    wait_for_text(&admin.root, "Request granted: 100 credits added.", WAIT).await;
    wait_for("no request pending", WAIT, || {
        (heading(&admin.root) == "0 requests").then_some(())
    })
    .await;
    wait_for_text(&admin.root, "Granted by Ari", WAIT).await;

    // Kim's page gets the credits and the answer from the live stream: no
    // reload, no focus.
    wait_for("Kim's balance with the top-up", WAIT, || {
        (query_text(&member.root, ".lc-subscription__balance-value") == "220").then_some(())
    })
    .await;
    wait_for_text(
        &member.root,
        "Ari answered your request: the credits are in.",
        WAIT,
    )
    .await;
    assert_eq!(heading(&member.root), "Your requests");
    assert!(
        button(&member.root, "Top up 100 credits").is_none(),
        "a member has no answer buttons"
    );
}

#[wasm_bindgen_test]
async fn the_admin_sees_a_request_arrive_and_the_member_reads_the_decline_note_as_text_both_live() {
    let ws = fork_workspace("ws_pro_team").await;
    let admin = admin_page(live_client(ADMIN), &ws);
    wait_for("no request yet", WAIT, || {
        (heading(&admin.root) == "0 requests").then_some(())
    })
    .await;
    let member = member_page(live_client(MEMBER), &ws, sixteen());
    member_asks(&member.root, "").await;
    // The admin's page learns of it from the live stream, with no focus or reload.
    wait_for("the request", WAIT, || {
        (heading(&admin.root) == "1 request").then_some(())
    })
    .await;
    let decline = button(&admin.root, "Decline").expect("Decline");
    assert_eq!(
        decline.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    decline.click();
    let note = "<b>Not this month</b>, sorry";
    wait_for("the note field", WAIT, || {
        fill(&admin.root, "Note for Kim (optional)", note).ok()
    })
    .await;
    button(&admin.root, "Decline request")
        .expect("Decline request")
        .click();
    wait_for_text(&admin.root, "Request declined.", WAIT).await;
    wait_for_text(&admin.root, "Declined by Ari", WAIT).await;
    assert_eq!(heading(&admin.root), "0 requests");

    let said = format!("Ari declined your request: {note}");
    wait_for_text(&member.root, &said, WAIT).await;
    assert!(
        query(&member.root, ".lc-requests b").is_none(),
        "the note is text"
    );
    // The prompt says so too, and Kim may ask again.
    let d = open_prompt(&member.root).await;
    wait_for_text(&d, &said, WAIT).await;
    let ask = button(&d, "Ask an admin").expect("Ask again");
    assert_eq!(ask.get_attribute("aria-disabled"), None);
}

#[wasm_bindgen_test]
async fn a_member_past_the_hourly_limit_is_told_to_try_again_later() {
    let ws = fork_workspace("ws_pro_team").await;
    ask_and_decline(&ws, MEMBER, ADMIN, 5).await;
    let member = member_page(live_client(MEMBER), &ws, sixteen());
    let d = open_prompt(&member.root).await;
    button(&d, "Ask an admin").expect("Ask an admin").click();
    let alert = wait_for_text(
        &d,
        "You've sent several requests this hour. Try again later.",
        WAIT,
    )
    .await;
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert!(!text(&d).contains("Request sent"), "nothing was sent");
    let ask: HtmlElement = query(&d, "[data-way-out=ask_admin]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(ask.get_attribute("aria-disabled"), None, "can try later");
}

#[wasm_bindgen_test]
async fn a_read_of_the_requests_that_fails_says_so_and_retry_reads_them_again() {
    let (ws, tc, admin) = settled_admin_page("requests-retry", ADMIN).await;
    // A new request's notice on the stream has the list read again; the
    // service answers every try with 503 (more than the reads in flight and
    // their retries use) until the queue is forgotten.
    tc.fail(&[503; 24]).await;
    ask(&ws, MEMBER).await;
    let alert = wait_for("the failed read", Duration::from_secs(30), || {
        query(&admin.root, ".lc-requests__error")
    })
    .await;
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        alert.text_content().as_deref(),
        Some("Couldn't load the requests.")
    );
    let retry = query(&admin.root, ".lc-requests__retry").expect("Retry beside it");
    assert_eq!(
        retry.text_content().as_deref().map(str::trim),
        Some("Retry")
    );
    // The service is back: only Retry reads the list again.
    tc.forget().await;
    click(&retry).expect("Retry is clickable");
    wait_for("the request, read again", WAIT, || {
        (heading(&admin.root) == "1 request").then_some(())
    })
    .await;
    assert_eq!(
        tc.requests_to("GET", "/requests").await,
        1,
        "one read, from Retry"
    );
    assert!(query(&admin.root, ".lc-requests__error").is_none());
    assert!(query(&admin.root, ".lc-requests__retry").is_none());
}

#[wasm_bindgen_test]
async fn re_syncing_to_the_same_balance_does_not_read_the_requests_again() {
    let (_ws, tc, admin) = settled_admin_page("requests-quiet", ADMIN).await;
    sleep(500).await;
    let (reads, balance_reads) = (
        tc.requests_to("GET", "/requests").await,
        tc.requests_to("GET", "/balance").await,
    );
    button(&admin.root, "Re-sync").expect("Re-sync").click();
    for _ in 0..100 {
        if tc.requests_to("GET", "/balance").await > balance_reads {
            break;
        }
        sleep(100).await;
    }
    assert!(
        tc.requests_to("GET", "/balance").await > balance_reads,
        "Re-sync read the balance"
    );
    wait_for("Re-sync done", WAIT, || button(&admin.root, "Re-sync")).await;
    sleep(500).await;
    assert_eq!(
        tc.requests_to("GET", "/requests").await,
        reads,
        "the same credits, so the requests were not read again"
    );
}

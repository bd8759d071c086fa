//! `CostEstimator` in headless Chromium against the live reference server.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::estimator::{ladder, trigger};
use common::hooks;
use common::*;
use leptos::prelude::*;
use leptos_credits::{CostEstimator, CreditAction, ImageGenerate, Quality};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn images(quality: Quality, count: u32) -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(quality, count))
}

/// An estimator for `action` in `workspace`, whose picks change `action` as a host would.
fn estimator(
    token: &'static str,
    workspace: &'static str,
    action: RwSignal<CreditAction>,
) -> Mounted {
    let client = live_client(token);
    mount_with_provider(client, workspace, move || {
        view! {
            <button type="button">"Somewhere else"</button>
            <CostEstimator
                action=action
                on_pick=Callback::new(move |picked| action.set(picked))
                subscription_href="/settings/subscription"
            />
        }
    })
}

/// Opens the popover by clicking its trigger and waits for the quoted numbers.
async fn open_and_settle(m: &Mounted) -> Element {
    trigger(&m.root).click();
    wait_for("the popover's numbers", WAIT, || {
        let dialog = by_role(&m.root, "dialog")?;
        query(
            &dialog,
            ".lc-cost-estimator__cost, .lc-cost-estimator__error",
        )
        .map(|_| dialog)
    })
    .await
}

fn option(dialog: &Element, label: &str) -> HtmlElement {
    query_all(dialog, ".lc-cost-estimator__option")
        .into_iter()
        .find(|o| text(o).starts_with(label))
        .and_then(|o| o.dyn_into().ok())
        .unwrap_or_else(|| panic!("no option labelled {label}"))
}

/// The text of the dialog's part `selector`, if it is there.
fn part(dialog: &Element, selector: &str) -> Option<String> {
    query(dialog, selector).map(|e| text(&e))
}

#[wasm_bindgen_test]
async fn opens_on_click_as_a_labelled_dialog_and_moves_focus_inside() {
    let action = RwSignal::new(images(Quality::Standard, 4));
    let m = estimator("tok_ent_owner", "ws_enterprise", action);
    let t = trigger(&m.root);
    assert!(t
        .get_attribute("aria-label")
        .unwrap_or_default()
        .to_lowercase()
        .contains("cost"));
    assert_eq!(t.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(
        t.get_attribute("aria-controls").is_none(),
        "aria-controls only while open"
    );
    assert!(by_role(&m.root, "dialog").is_none());

    let dialog = open_and_settle(&m).await;
    assert_eq!(t.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(t.get_attribute("aria-controls"), dialog.get_attribute("id"));
    let title_id = dialog
        .get_attribute("aria-labelledby")
        .expect("the dialog is labelled");
    let title = document()
        .get_element_by_id(&title_id)
        .expect("its label exists");
    assert_eq!(text(&title), "Cost estimate");
    let focused = active_element().expect("something has focus");
    assert!(
        dialog.contains(Some(&focused)),
        "focus moved into the popover"
    );
    assert!(
        dialog
            .query_selector("[aria-live=\"polite\"]")
            .unwrap()
            .is_some(),
        "cost changes are announced politely"
    );
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__cost").as_deref(),
        Some("16 credits")
    );
}

#[wasm_bindgen_test]
async fn escape_closes_and_focus_returns_to_the_trigger() {
    let action = RwSignal::new(images(Quality::Standard, 4));
    let m = estimator("tok_ent_owner", "ws_enterprise", action);
    open_and_settle(&m).await;
    press("Escape").expect("Escape is pressed");
    tick().await;
    assert!(
        by_role(&m.root, "dialog").is_none(),
        "Escape closes the popover"
    );
    let t = trigger(&m.root);
    assert_eq!(t.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(
        active_element(),
        Some(t.unchecked_into()),
        "focus returns to the trigger"
    );
}

#[wasm_bindgen_test]
async fn a_click_outside_closes_it_and_a_click_inside_does_not() {
    let action = RwSignal::new(images(Quality::Standard, 4));
    let m = estimator("tok_ent_owner", "ws_enterprise", action);
    let dialog = open_and_settle(&m).await;
    dialog.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert!(
        by_role(&m.root, "dialog").is_some(),
        "a click inside keeps it open"
    );
    button(&m.root, "Somewhere else").unwrap().click();
    tick().await;
    assert!(
        by_role(&m.root, "dialog").is_none(),
        "a click outside closes it"
    );
    assert_eq!(active_element(), Some(trigger(&m.root).unchecked_into()));
}

#[wasm_bindgen_test]
async fn the_ladder_shows_each_tier_with_its_server_quoted_cost_in_order() {
    let action = RwSignal::new(images(Quality::Standard, 4));
    let m = estimator("tok_ent_owner", "ws_enterprise", action);
    let dialog = open_and_settle(&m).await;
    // The price book: draft 1, standard 4, high 10 credits per image.
    assert_eq!(
        ladder(&dialog),
        vec![
            ("Draft quality".into(), "4 credits".into()),
            ("Standard quality".into(), "16 credits".into()),
            ("High quality".into(), "40 credits".into()),
            ("2 images".into(), "8 credits".into()),
            ("8 images".into(), "32 credits".into()),
            ("Draft preview".into(), "1 credit".into()),
        ]
    );
    let current = option(&dialog, "Standard quality");
    assert_eq!(
        current.get_attribute("aria-current").as_deref(),
        Some("true")
    );
    // Every option is a real button in the tab order.
    let options = dialog
        .query_selector_all(".lc-cost-estimator__option")
        .unwrap();
    for i in 0..options.length() {
        let o: HtmlElement = options.item(i).unwrap().unchecked_into();
        assert_eq!(o.tag_name(), "BUTTON");
        assert!(o.tab_index() >= 0, "options are reachable with Tab");
    }
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__breakdown").as_deref(),
        Some("4 images × 4 credits16 credits"),
        "the server's breakdown"
    );
}

#[wasm_bindgen_test]
async fn picking_an_alternative_tells_the_host_and_the_numbers_follow() {
    let action = RwSignal::new(images(Quality::Standard, 4));
    let m = estimator("tok_ent_owner", "ws_enterprise", action);
    let dialog = open_and_settle(&m).await;
    option(&dialog, "Draft quality").click();
    tick().await;
    assert_eq!(
        action.get_untracked(),
        images(Quality::Draft, 4),
        "the host heard the pick"
    );
    let cost = wait_for("the new cost", WAIT, || {
        let d = by_role(&m.root, "dialog")?;
        part(&d, ".lc-cost-estimator__cost").filter(|c| c != "16 credits")
    })
    .await;
    assert_eq!(cost, "4 credits");
    let dialog = by_role(&m.root, "dialog").expect("the popover stays open after a pick");
    assert_eq!(
        option(&dialog, "Draft quality")
            .get_attribute("aria-current")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn shortfall_appears_exactly_when_the_cost_exceeds_the_balance() {
    // The team workspace has 120 credits; high quality costs 10 per image.
    let action = RwSignal::new(images(Quality::High, 12));
    let m = estimator("tok_pro_admin", "ws_pro_team", action);
    let dialog = open_and_settle(&m).await;
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__cost").as_deref(),
        Some("120 credits")
    );
    assert!(
        part(&dialog, ".lc-cost-estimator__shortfall").is_none(),
        "exactly enough is enough"
    );
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__balance").as_deref(),
        Some("Balance now120 creditsAfter this0 credits")
    );
    drop(m);

    let action = RwSignal::new(images(Quality::High, 16));
    let m = estimator("tok_pro_admin", "ws_pro_team", action);
    let dialog = open_and_settle(&m).await;
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__cost").as_deref(),
        Some("160 credits")
    );
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__shortfall").as_deref(),
        Some("You need 40 more credits than you have.")
    );
    let way_out = dialog
        .query_selector(".lc-cost-estimator__way-out")
        .unwrap()
        .expect("a way out");
    assert_eq!(
        way_out.get_attribute("href").as_deref(),
        Some("/settings/subscription")
    );
    let hints = part(&dialog, ".lc-cost-estimator__hints").unwrap_or_default();
    assert!(
        hints.contains("8 images fits your balance: 80 credits."),
        "a fitting alternative from the numbers: {hints}"
    );
}

#[wasm_bindgen_test]
async fn hints_name_the_saving_with_the_quoted_numbers() {
    let action = RwSignal::new(images(Quality::Standard, 4));
    let m = estimator("tok_ent_owner", "ws_enterprise", action);
    let dialog = open_and_settle(&m).await;
    let hints = part(&dialog, ".lc-cost-estimator__hints").expect("hints");
    assert!(
        hints.contains("A draft preview costs 1 credit instead of 16 credits."),
        "{hints}"
    );
}

#[wasm_bindgen_test]
async fn zero_cost_actions_say_free_with_no_ladder() {
    let action = RwSignal::new(CreditAction::AssetDownload);
    let m = estimator("tok_trial_owner", "ws_trial", action);
    let dialog = open_and_settle(&m).await;
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__cost").as_deref(),
        Some("Free")
    );
    assert!(ladder(&dialog).is_empty());
    assert!(
        !text(&dialog).chars().any(|c| c.is_ascii_digit()),
        "no number for a free action"
    );
}

#[wasm_bindgen_test]
async fn a_host_can_control_the_open_state() {
    let open = RwSignal::new(false);
    let asked = RwSignal::new(Vec::<bool>::new());
    let client = live_client("tok_ent_owner");
    let action = Signal::stored(images(Quality::Draft, 1));
    let m = mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <CostEstimator
                action=action
                open=open
                on_open_change=Callback::new(move |v| asked.update(|a| a.push(v)))
            />
        }
    });
    trigger(&m.root).click();
    tick().await;
    assert_eq!(asked.get_untracked(), vec![true], "the click asks the host");
    assert!(
        by_role(&m.root, "dialog").is_none(),
        "a controlled popover waits for the host"
    );
    open.set(true);
    tick().await;
    assert!(by_role(&m.root, "dialog").is_some());
}

#[wasm_bindgen_test]
async fn opening_quotes_the_whole_ladder_in_one_request() {
    let tc = hooks::TestClient::new("estimator-open");
    let client = tc.client("tok_ent_owner");
    let action = Signal::stored(images(Quality::High, 3));
    let m = mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <CostEstimator action=action />
        }
    });
    assert!(
        tc.quote_requests().await.is_empty(),
        "nothing is asked while closed"
    );
    let dialog = open_and_settle(&m).await;
    assert_eq!(ladder(&dialog).len(), 6);
    let asked = tc.quote_requests().await;
    assert_eq!(
        asked.len(),
        1,
        "the current action and its alternatives go out as one request: {asked:?}"
    );
    // Seven rows (the current settings and six options) but six distinct
    // actions: the "High quality" option is the current action, asked once.
    assert_eq!(asked[0].items, Some(6));

    // Closing and opening again repaints from the cache with no request.
    trigger(&m.root).click();
    tick().await;
    open_and_settle(&m).await;
    assert_eq!(
        tc.quote_requests().await.len(),
        1,
        "seen before: no new request"
    );
}

#[wasm_bindgen_test]
async fn an_error_answer_shows_the_error_state_then_retry_succeeds() {
    let tc = hooks::TestClient::new("estimator-retry");
    let client = tc.client("tok_ent_owner");
    let action = Signal::stored(images(Quality::Standard, 2));
    let m = mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <CostEstimator action=action />
        }
    });
    // The shared balance is asked on mount; the injected failure is for the quote.
    for _ in 0..100 {
        if tc.requests_to("GET", "/balance").await > 0 && tc.requests_to("GET", "/events").await > 0
        {
            break;
        }
        sleep(20).await;
    }
    tc.fail(&[400]).await;
    let dialog = open_and_settle(&m).await;
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__error").as_deref(),
        Some("Couldn't get the cost")
    );
    assert!(
        part(&dialog, ".lc-cost-estimator__cost").is_none(),
        "no number while the quote failed"
    );
    button(&dialog, "Retry").expect("a Retry button").click();
    let cost = wait_for("the cost after Retry", WAIT, || {
        by_role(&m.root, "dialog").and_then(|d| part(&d, ".lc-cost-estimator__cost"))
    })
    .await;
    assert_eq!(cost, "8 credits");
}

/// A model name the test server's price book carries (see xtask's browser-test step).
const HOSTILE_MODEL: &str = "<img src=x onerror=window.lcPwned=1>";

#[wasm_bindgen_test]
async fn a_hostile_breakdown_label_renders_as_text() {
    let action = RwSignal::new(CreditAction::ImageGenerate(ImageGenerate {
        model: Some(HOSTILE_MODEL.into()),
        ..ImageGenerate::new(Quality::Standard, 1)
    }));
    let m = estimator("tok_ent_owner", "ws_enterprise", action);
    let dialog = open_and_settle(&m).await;
    let breakdown = part(&dialog, ".lc-cost-estimator__breakdown").expect("a breakdown");
    assert!(
        breakdown.contains(HOSTILE_MODEL),
        "the label is shown as the text it is: {breakdown}"
    );
    assert!(
        dialog.query_selector("img").unwrap().is_none(),
        "no element was made from the label"
    );
    sleep(50).await;
    let pwned = js_sys::Reflect::get(&window(), &"lcPwned".into()).unwrap();
    assert!(pwned.is_undefined(), "no script from the label ran");
}

#[wasm_bindgen_test]
async fn a_failed_balance_refresh_marks_the_balance_stale_until_a_refresh_succeeds() {
    let tc = hooks::TestClient::new("estimator-stale");
    let client = tc.client("tok_ent_owner");
    let action = Signal::stored(images(Quality::Draft, 1));
    let m = mount_with_provider(client, "ws_enterprise", move || {
        view! {
            <CostEstimator action=action />
        }
    });
    let dialog = open_and_settle(&m).await;
    let shown = part(&dialog, ".lc-cost-estimator__balance dd").expect("the balance now");
    assert!(part(&dialog, ".lc-cost-estimator__stale").is_none());
    tc.wait_for_stream().await;
    tc.fail(&[503, 503, 503, 503]).await;
    // Coming back to the window refreshes the shared balance.
    window()
        .dispatch_event(&web_sys::Event::new("focus").unwrap())
        .unwrap();
    let stale = wait_for("the stale mark", Duration::from_secs(20), || {
        by_role(&m.root, "dialog").and_then(|d| part(&d, ".lc-cost-estimator__stale"))
    })
    .await;
    assert_eq!(stale, "May be out of date Refresh");
    let dialog = by_role(&m.root, "dialog").unwrap();
    assert_eq!(
        part(&dialog, ".lc-cost-estimator__balance dd").as_deref(),
        Some(shown.as_str()),
        "the figures stay"
    );
    button(&dialog, "Refresh")
        .expect("a Refresh button")
        .click();
    wait_for("the mark to clear", WAIT, || {
        let d = by_role(&m.root, "dialog")?;
        part(&d, ".lc-cost-estimator__stale")
            .is_none()
            .then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_way_out_closes_the_popover_before_telling_the_host() {
    // Regression: a prompt opened from "Get more credits" had nothing to return
    // focus to, because the button vanished with the popover after the prompt opened.
    let heard = RwSignal::new(Vec::<(u64, bool)>::new());
    let client = live_client("tok_pro_admin");
    let action = Signal::stored(images(Quality::High, 16));
    let m = mount_with_provider(client, "ws_pro_team", move || {
        view! {
            <CostEstimator
                action=action
                on_short=Callback::new(move |shortfall| {
                    let focus_on_trigger = document()
                        .active_element()
                        .and_then(|e| e.get_attribute("aria-haspopup"))
                        .is_some();
                    heard.update(|h| h.push((shortfall, focus_on_trigger)));
                })
            />
        }
    });
    let dialog = open_and_settle(&m).await;
    let way_out: HtmlElement = dialog
        .query_selector(".lc-cost-estimator__way-out")
        .unwrap()
        .expect("a way out")
        .unchecked_into();
    way_out.click();
    tick().await;
    assert_eq!(
        heard.get_untracked(),
        vec![(40, true)],
        "the host hears the shortfall with focus already on the trigger"
    );
    assert!(by_role(&m.root, "dialog").is_none(), "the popover closed");
}

//! `OutOfCreditsPrompt` in headless Chromium against the live reference server:
//! for every demo workspace, the prompt a refusal opens (before asking, from
//! the GenerateButton, and after a real refused generation) names the reason
//! and the numbers, with the way out for the member's role.
//!
//! Refused generations spend nothing, so the shared starting balances stay put;
//! nothing here spends credits.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::{fork_workspace, set_plan, TestClient};
use common::modal::tab_goes_round;
use common::*;
use leptos::prelude::*;
use leptos_credits::{
    use_balance, ClientError, CreditAction, CreditsProvider, CreditsText, GenerateButton,
    ImageGenerate, OutOfCreditsPrompt, PlanId, PluralText, Problem, Quality, Refusal, Upscale,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);

fn images(quality: Quality, count: u32) -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(quality, count))
}

/// What the host's hooks were called with.
#[derive(Clone, Copy)]
struct Calls {
    upgrades: RwSignal<Vec<PlanId>>,
    top_ups: RwSignal<Vec<u64>>,
    asks: RwSignal<u32>,
    refusal: RwSignal<Option<Refusal>>,
}

/// A GenerateButton whose refusal opens the prompt, as a host wires it.
fn host(token: &str, workspace: impl Into<String>, action: CreditAction) -> (Mounted, Calls) {
    host_as(live_client(token), workspace, action)
}

/// [`host`] for any client (a test client, to count its requests).
fn host_as(
    client: leptos_credits::CreditsClient,
    workspace: impl Into<String>,
    action: CreditAction,
) -> (Mounted, Calls) {
    let calls = Calls {
        upgrades: RwSignal::new(Vec::new()),
        top_ups: RwSignal::new(Vec::new()),
        asks: RwSignal::new(0),
        refusal: RwSignal::new(None),
    };
    let m = mount_with_provider(client, workspace, move || {
        view! {
            <Host action=action calls=calls />
        }
    });
    (m, calls)
}

#[component]
fn Host(action: CreditAction, calls: Calls) -> impl IntoView {
    let balance = use_balance();
    let refused = {
        let action = action.clone();
        Callback::new(move |fit| {
            let figures = balance
                .state
                .with_untracked(|s| s.known().map(|k| k.figures.clone()));
            calls.refusal.set(Refusal::from_affordability(
                &fit,
                figures.as_ref(),
                Some(action.clone()),
            ));
        })
    };
    view! {
        <GenerateButton action=action on_generate=Callback::new(|_| {}) on_refused=refused />
        <OutOfCreditsPrompt
            refusal=calls.refusal
            on_close=Callback::new(move |()| calls.refusal.set(None))
            on_upgrade=Callback::new(move |p| calls.upgrades.update(|u| u.push(p)))
            on_top_up=Callback::new(move |credits| calls.top_ups.update(|t| t.push(credits)))
            on_ask_admin=Callback::new(move |()| calls.asks.update(|n| *n += 1))
        />
    }
}

fn dialog(root: &Element) -> Option<HtmlElement> {
    query(root, ".lc-prompt__dialog")?.dyn_into().ok()
}

/// Clicks the refusing Generate button (focused first, as a person's click does)
/// and waits for the prompt with its plans and usage read.
async fn open_from_button(m: &Mounted) -> (HtmlElement, HtmlElement) {
    let b = button_when(m, &["short", "blocked"]).await;
    focus(&b).expect("Generate takes focus");
    click(&b).expect("Generate is clickable");
    let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
    (b, d)
}

/// Mounts the host, clicks its refusing Generate and checks the prompt's reason.
async fn opens(
    token: &'static str,
    workspace: &'static str,
    action: CreditAction,
    reason: &str,
) -> (Mounted, Calls, HtmlElement) {
    let (m, calls) = host(token, workspace, action);
    let (_, d) = open_from_button(&m).await;
    assert_eq!(
        d.get_attribute("data-reason").as_deref(),
        Some(reason),
        "{workspace} as {token}"
    );
    (m, calls, d)
}

/// The Generate button, once its affordability is one of `states`.
async fn button_when(m: &Mounted, states: &[&str]) -> HtmlElement {
    wait_for(&format!("a Generate that is {states:?}"), WAIT, || {
        let now = query(&m.root, ".lc-generate")?.get_attribute("data-affordability")?;
        states.contains(&now.as_str()).then_some(())?;
        query(&m.root, ".lc-generate__button")?.dyn_into().ok()
    })
    .await
}

/// Waits until the prompt's text contains every one of `parts`.
async fn says(d: &HtmlElement, parts: &[&str]) -> String {
    wait_for_text_containing(d, parts, WAIT).await
}

fn focusables(d: &HtmlElement) -> Vec<HtmlElement> {
    query_all(d, "button, a[href]")
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn monthly_limit_says_needed_left_when_it_comes_back_and_offers_the_pack_that_covers_it() {
    let (m, calls, d) = opens(
        "tok_basic_owner",
        "ws_basic_limit",
        images(Quality::High, 4),
        "monthly_limit_reached",
    )
    .await;
    assert_eq!(d.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(d.get_attribute("aria-modal").as_deref(), Some("true"));
    let back = format!(
        "Your credits come back {}, on ",
        comes_back_in("tok_basic_owner", "ws_basic_limit").await
    );
    let t = says(
        &d,
        &[
            "You've used this month's credits",
            "This needs 40 credits; you have 6 credits left.",
            &back,
            // 34 short at a pace the allocation nearly covers: a top-up, not a new plan.
            "Top up 500 credits",
        ],
    )
    .await;
    assert!(
        !t.contains("Ask an admin"),
        "an owner is not told to ask: {t}"
    );
    // The title labels the dialog.
    let label = d.get_attribute("aria-labelledby").unwrap();
    let title = document().get_element_by_id(&label).unwrap();
    assert_eq!(text(&title), "You've used this month's credits");
    // A cheaper alternative that fits 6 credits, from a quote.
    says(&d, &["Fits your balance: "]).await;
    assert!(
        !t.contains("Upgrade to"),
        "no plan for a small overrun: {t}"
    );
    let top = button(&d, "Top up 500 credits").expect("the top-up");
    assert!(top.class_name().contains("--primary"), "the main way out");
    top.click();
    tick().await;
    assert_eq!(calls.top_ups.get_untracked(), vec![500]);
    assert!(calls.upgrades.get_untracked().is_empty());
    assert!(
        dialog(&m.root).is_none(),
        "taking the way out closes the prompt"
    );
}

#[wasm_bindgen_test]
async fn a_shared_pool_names_who_used_the_most_and_an_admin_is_offered_a_top_up_first() {
    let (_m, calls, d) = opens(
        "tok_pro_admin",
        "ws_pro_team",
        images(Quality::High, 16),
        "shared_pool_exhausted",
    )
    .await;
    let t = says(
        &d,
        &[
            "Teammates used most of the shared credits this cycle.",
            "Jonas Weber used the most: 2,460 credits.",
            "This needs 160 credits; you have 120 credits left.",
            "Top up ",
        ],
    )
    .await;
    assert!(!t.contains("Ask an admin"), "{t}");
    // Enterprise is sold by contact: never "Upgrade to Enterprise".
    assert!(!t.contains("Upgrade to"), "{t}");
    let ways: Vec<String> = query_all(&d, "[data-way-out]")
        .iter()
        .filter_map(|e| e.get_attribute("data-way-out"))
        .collect();
    assert_eq!(
        ways.first().map(String::as_str),
        Some("top_up"),
        "the top-up comes first: {ways:?}"
    );
    let top = query(&d, "[data-way-out=top_up]").expect("the top-up");
    assert!(
        top.class_name().contains("--primary"),
        "the top-up is the main button"
    );
    let pack: u64 = text(&top)
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("the pack's credits in its label");
    assert!(pack >= 40, "the pack covers the 40 short: {pack}");
    top.dyn_into::<HtmlElement>().unwrap().click();
    tick().await;
    assert_eq!(
        calls.top_ups.get_untracked(),
        vec![pack],
        "the host's hook gets the pack"
    );
}

#[wasm_bindgen_test]
async fn a_member_of_the_shared_pool_asks_an_owner_or_admin_and_the_host_hears_after_it_is_sent() {
    // A fork: the request the click sends stays in this test's workspace.
    let ws = fork_workspace("ws_pro_team").await;
    let (m, calls) = host("tok_pro_member", ws, images(Quality::High, 16));
    let (_, d) = open_from_button(&m).await;
    assert_eq!(
        d.get_attribute("data-reason").as_deref(),
        Some("shared_pool_exhausted")
    );
    let t = says(
        &d,
        &[
            "Only an owner or admin of Northwind Studio can upgrade or top up.",
            // The balance answer's `admins`, joined by Intl.ListFormat.
            "Ask Jonas Weber or Ari to add credits.",
            "Ask an admin",
            "Jonas Weber used the most",
        ],
    )
    .await;
    assert!(!t.contains("Upgrade to"), "a member gets no upgrade: {t}");
    assert!(!t.contains("Top up"), "nor a top-up: {t}");
    assert_eq!(calls.asks.get_untracked(), 0);
    button(&d, "Ask an admin").unwrap().click();
    // The request goes to the server first; the host's hook hears of it after.
    wait_for_text(&d, "Request sent to Jonas Weber and Ari", WAIT).await;
    assert_eq!(calls.asks.get_untracked(), 1);
    assert!(calls.upgrades.get_untracked().is_empty());
    assert!(dialog(&m.root).is_some(), "the prompt stays open to say so");
}

#[wasm_bindgen_test]
async fn trial_credits_short_or_used_up_say_so_truly_then_list_the_plans_with_monthly_credits() {
    for (token, ws, action, parts) in [
        (
            "tok_trial_owner",
            "ws_trial",
            images(Quality::High, 16),
            ["This needs 160 credits; you have 50 credits left.", "The one-time trial gives 50 credits, fewer than this needs; trial credits do not come back."],
        ),
        (
            "tok_free_owner",
            "ws_free_empty",
            CreditAction::Upscale(Upscale { factor: 2 }),
            ["This needs 2 credits; you have 0 credits left.", "All 50 credits of the one-time trial are spent"],
        ),
    ] {
        let (m, _) = host(token, ws, action);
        let (_, d) = open_from_button(&m).await;
        assert_eq!(d.get_attribute("data-reason").as_deref(), Some("trial_exhausted"), "{ws}");
        let said = says(
            &d,
            &[
                "Your trial credits won't cover this",
                parts[0],
                parts[1],
                "These plans bring credits every month:",
                "Basic: 1,000 credits a month",
                "Pro: 5,000 credits a month",
            ],
        )
        .await;
        let at = |part: &str| said.find(part).unwrap_or_default();
        assert!(
            at(parts[0]) < at("These plans") && at("These plans") < at("Basic: 1,000"),
            "the numbers, then the heading right above its plans: {said}"
        );
    }
}

#[wasm_bindgen_test]
async fn an_expired_subscription_says_when_it_ended_and_how_to_renew() {
    let (_m, calls, d) = opens(
        "tok_expired_owner",
        "ws_expired",
        CreditAction::Upscale(Upscale { factor: 2 }),
        "subscription_expired",
    )
    .await;
    says(
        &d,
        &[
            "Your subscription has ended",
            "The Pro subscription is no longer active",
            "It ended on ",
            "Renew Pro",
        ],
    )
    .await;
    button(&d, "Renew Pro").unwrap().click();
    tick().await;
    assert_eq!(calls.upgrades.get_untracked(), vec![PlanId::Pro]);
}

#[wasm_bindgen_test]
async fn a_failing_payment_has_its_own_prompt() {
    let (_m, _, d) = opens(
        "tok_past_due_owner",
        "ws_past_due",
        CreditAction::Upscale(Upscale { factor: 2 }),
        "payment_failed",
    )
    .await;
    says(
        &d,
        &[
            "Your credits did not refresh: payment failing",
            "The payment for Basic failed",
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_feature_not_in_the_plan_names_the_plan_the_workspace_and_resyncs() {
    let (_m, _, d) = opens(
        "tok_basic_owner",
        "ws_basic_limit",
        video(),
        "feature_not_in_plan",
    )
    .await;
    says(
        &d,
        &[
            "Pro unlocks it.",
            "Already upgraded? You're in Harbor Lane Photo, on Basic.",
            "Upgrade to Pro",
        ],
    )
    .await;
    button(&d, "Re-sync").expect("re-sync").click();
    says(&d, &["Checked just now: Basic still doesn't include it."]).await;
}

/// Issue 11.4: after Re-sync said the plan now includes it, Generate went on
/// refusing from a verdict kept for 10 minutes. Re-sync asks for it again.
#[wasm_bindgen_test]
async fn resync_drops_the_kept_not_in_plan_verdict_and_generate_asks_again() {
    let tc = TestClient::new("resync-verdict");
    let (m, _) = host_as(tc.client("tok_basic_owner"), "ws_basic_limit", video());
    let (_, d) = open_from_button(&m).await;
    assert_eq!(
        d.get_attribute("data-reason").as_deref(),
        Some("feature_not_in_plan")
    );
    let before = tc.quote_requests().await.len();
    assert!(before >= 1, "Generate asked for its quote");
    button(&d, "Re-sync").expect("re-sync").click();
    says(&d, &["Checked just now: Basic still doesn't include it."]).await;
    let start = js_sys::Date::now();
    while tc.quote_requests().await.len() <= before {
        assert!(
            js_sys::Date::now() - start < 5000.0,
            "no new quote request after Re-sync: the old verdict was kept"
        );
        sleep(100).await;
    }
    // The server's fresh verdict is the same (Basic still lacks video): still blocked.
    button_when(&m, &["blocked"]).await;
}

/// Issue 11.4: after an upgrade, the kept "not in your plan" verdict made
/// Generate refuse for 10 minutes. A balance naming the new plan drops it.
#[wasm_bindgen_test]
async fn after_an_upgrade_the_next_balance_drops_the_not_in_plan_verdict() {
    let ws = fork_workspace("ws_past_due").await;
    let (m, _) = host("tok_past_due_owner", ws.clone(), video());
    button_when(&m, &["blocked"]).await;
    set_plan(&ws, "pro").await;
    // The balance is asked again when the page comes back, as after a checkout.
    window()
        .dispatch_event(&web_sys::Event::new("focus").expect("a focus event"))
        .expect("focus dispatched");
    let now = button_when(&m, &["affordable", "short"]).await;
    assert_ne!(
        query(&m.root, ".lc-generate")
            .and_then(|g| g.get_attribute("data-affordability"))
            .as_deref(),
        Some("blocked"),
        "{}",
        text(&now)
    );
}

#[wasm_bindgen_test]
async fn enterprise_can_afford_it_and_no_prompt_opens() {
    let (m, calls) = host("tok_ent_owner", "ws_enterprise", images(Quality::High, 16));
    let b = button_when(&m, &["affordable"]).await;
    b.click();
    tick().await;
    assert!(calls.refusal.get_untracked().is_none());
    assert!(dialog(&m.root).is_none());
}

/// The server's refusal and the rule before asking agree, for every workspace that is short.
#[wasm_bindgen_test]
async fn a_real_refused_generation_gives_the_same_reason_as_the_rule_before_asking() {
    let cases = [
        (
            "tok_basic_owner",
            "ws_basic_limit",
            images(Quality::High, 4),
            "monthly_limit_reached",
        ),
        (
            "tok_basic_owner",
            "ws_basic_limit",
            video(),
            "feature_not_in_plan",
        ),
        (
            "tok_pro_member",
            "ws_pro_team",
            images(Quality::High, 16),
            "shared_pool_exhausted",
        ),
        (
            "tok_pro_admin",
            "ws_pro_team",
            images(Quality::High, 16),
            "shared_pool_exhausted",
        ),
        (
            "tok_trial_owner",
            "ws_trial",
            images(Quality::High, 16),
            "trial_exhausted",
        ),
        (
            "tok_free_owner",
            "ws_free_empty",
            CreditAction::Upscale(Upscale { factor: 2 }),
            "trial_exhausted",
        ),
        (
            "tok_expired_owner",
            "ws_expired",
            CreditAction::Upscale(Upscale { factor: 2 }),
            "subscription_expired",
        ),
        (
            "tok_past_due_owner",
            "ws_past_due",
            CreditAction::Upscale(Upscale { factor: 2 }),
            "payment_failed",
        ),
    ];
    for (token, ws, action, want) in cases {
        let client = live_client(token);
        let key = format!("oc-test-{ws}-{}-{}", action.id(), js_sys::Math::random());
        let err = client
            .generate(ws, &action, &key)
            .await
            .expect_err("an unaffordable generation is refused");
        let r = Refusal::from_error(&err, Some(action.clone())).expect("a 402 or 403");
        assert_eq!(r.why.as_str(), want, "{ws} as {token}");
        // And the prompt it opens says so.
        let (m, calls) = host(token, ws, action);
        calls.refusal.set(Some(r));
        let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
        assert_eq!(d.get_attribute("data-reason").as_deref(), Some(want));
        if want == "shared_pool_exhausted" {
            let role_way = if token == "tok_pro_member" {
                "Ask an admin"
            } else {
                "Top up "
            };
            says(
                &d,
                &[
                    "This needs 160 credits; you have 120 credits left.",
                    role_way,
                ],
            )
            .await;
        }
    }
}

#[wasm_bindgen_test]
async fn focus_moves_in_is_trapped_escape_closes_and_focus_returns() {
    let (m, calls) = host("tok_pro_admin", "ws_pro_team", images(Quality::High, 16));
    let (opener, d) = open_from_button(&m).await;
    says(&d, &["Top up "]).await;
    let inside = |el: Option<Element>| el.is_some_and(|e| d.contains(Some(&e)));
    assert!(inside(active_element()), "focus moves into the dialog");
    let all = focusables(&d);
    let (first, last) = (all.first().unwrap().clone(), all.last().unwrap().clone());
    tab_goes_round(&first, &last);
    press("Escape").expect("Escape is pressed");
    tick().await;
    assert!(calls.refusal.get_untracked().is_none(), "Escape closes");
    wait_for("the prompt to go", WAIT, || {
        dialog(&m.root).is_none().then_some(())
    })
    .await;
    assert_eq!(
        active_element(),
        Some(opener.unchecked_into()),
        "focus returns to the Generate button"
    );
}

/// The prompt reads the plans and the cycle's usage once open; a person who
/// is already on its main button stays there when they arrive.
#[wasm_bindgen_test]
async fn the_focused_main_way_out_keeps_focus_when_the_usage_arrives() {
    let spy = TestClient::new("focus-usage");
    let (m, _) = host_as(
        spy.client("tok_pro_admin"),
        "ws_pro_team",
        images(Quality::High, 16),
    );
    let generate = button_when(&m, &["short"]).await;
    // Everything the open prompt asks comes 2 s late.
    spy.forget().await;
    spy.delay(&[2000; 4]).await;
    focus(&generate).expect("Generate takes focus");
    click(&generate).expect("Generate is clickable");
    let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
    let main = wait_for("the main way out", WAIT, || {
        query(&d, ".lc-prompt__action--primary")
    })
    .await;
    focus(&main).expect("the main way out takes focus");
    assert!(
        !text(&d).contains("used the most"),
        "focused before the usage arrived: {}",
        text(&d)
    );
    says(&d, &["Jonas Weber used the most"]).await;
    tick().await;
    assert!(
        spy.requests_to("GET", "/usage").await > 0,
        "the usage was read"
    );
    assert!(main.is_connected(), "the main way out is still on the page");
    assert_eq!(
        active_element(),
        Some(main),
        "focus is still on the main way out"
    );
}

#[wasm_bindgen_test]
async fn a_reason_from_a_newer_server_gives_a_sensible_generic_prompt() {
    let mut problem = Problem::new(
        402,
        "insufficient_credits",
        "Insufficient credits",
        "Quota paused.",
    );
    problem.reason = Some("quota_paused".into());
    problem.needed = Some(40);
    problem.balance = Some(6);
    let err = ClientError::from_answer(402, Some(problem));
    let r = Refusal::from_error(&err, Some(images(Quality::High, 4))).expect("a 402");
    assert_eq!(r.why.as_str(), "unknown");
    let (m, calls) = host(
        "tok_basic_owner",
        "ws_basic_limit",
        images(Quality::Draft, 1),
    );
    calls.refusal.set(Some(r));
    let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
    assert_eq!(d.get_attribute("data-reason").as_deref(), Some("unknown"));
    says(
        &d,
        &[
            "You can't do this right now",
            "There aren't enough credits for this.",
            "This needs 40 credits; you have 6 credits left.",
            "Not now",
        ],
    )
    .await;
    button(&d, "Not now").unwrap().click();
    tick().await;
    assert!(dialog(&m.root).is_none());
}

#[wasm_bindgen_test]
async fn every_visible_string_is_the_hosts() {
    let mut text = leptos_credits::CreditsText::default();
    text.prompts.monthly_title = "Plus de crédits ce mois-ci".into();
    text.prompts.not_now = "Plus tard".into();
    let client = live_client("tok_basic_owner");
    let refusal = RwSignal::new(None::<Refusal>);
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace="ws_basic_limit" locale="en-US" text=text>
                <OutOfCreditsPrompt refusal=refusal on_close=Callback::new(move |()| refusal.set(None)) />
            </CreditsProvider>
        }
    });
    let mut problem = Problem::new(402, "insufficient_credits", "Insufficient credits", "");
    problem.reason = Some("monthly_limit_reached".into());
    refusal.set(Refusal::from_error(
        &ClientError::from_answer(402, Some(problem)),
        None,
    ));
    let d = wait_for("the prompt", WAIT, || dialog(&m.root)).await;
    says(&d, &["Plus de crédits ce mois-ci", "Plus tard"]).await;
}

/// Issue 15.5: the prompt names plans with the host's catalogue (never the
/// server's English `name`) and writes every count with its plural forms in
/// the provider's locale.
#[wasm_bindgen_test]
async fn plan_names_and_counts_come_from_the_hosts_catalogue_and_locale_never_the_servers_english()
{
    let text = CreditsText {
        plan_basic: "Silber".into(),
        plan_pro: "Gold".into(),
        plan_enterprise: "Platin".into(),
        credits: PluralText::one_other("{n} Credit", "{n} Credits"),
        ..CreditsText::default()
    };
    #[rustfmt::skip]
    let cases = [
        ("tok_basic_owner", "ws_basic_limit", video(), vec![
            "Gold unlocks it.", "You're in Harbor Lane Photo, on Silber.", "Upgrade to Gold",
        ]),
        ("tok_trial_owner", "ws_trial", images(Quality::High, 16), vec![
            "This needs 160 Credits; you have 50 Credits left.",
            "Silber: 1.000 Credits a month", "Gold: 5.000 Credits a month", "Platin: 50.000 Credits a month",
            "Upgrade to Silber", "Upgrade to Gold",
        ]),
    ];
    for (token, ws, action, parts) in cases {
        let calls = Calls {
            upgrades: RwSignal::new(Vec::new()),
            top_ups: RwSignal::new(Vec::new()),
            asks: RwSignal::new(0),
            refusal: RwSignal::new(None),
        };
        let (client, text) = (live_client(token), text.clone());
        let m = mount(move || {
            view! {
                <CreditsProvider client=client workspace=ws locale="de-DE" text=text>
                    <Host action=action calls=calls />
                </CreditsProvider>
            }
        });
        let (_, d) = open_from_button(&m).await;
        let mut said = says(&d, &parts).await;
        if ws == "ws_basic_limit" {
            button(&d, "Re-sync").expect("re-sync").click();
            said = says(&d, &["Checked just now: Silber still doesn't include it."]).await;
        }
        for english in ["Basic", "Pro", "Enterprise"] {
            assert!(
                !said.contains(english),
                "{ws}: the server's name {english} in {said}"
            );
        }
    }
}

/// Issue "Hardening" 17: a screen reader could wander out of the open prompt.
#[wasm_bindgen_test]
async fn the_page_outside_the_open_prompt_is_inert_until_it_closes_or_unmounts() {
    let inert = |el: &Element| el.closest("[inert]").ok().flatten().is_some();
    let doc = web_sys::window().and_then(|w| w.document()).unwrap();
    let elsewhere = doc.create_element("p").unwrap();
    doc.body().unwrap().append_child(&elsewhere).unwrap();
    for close_by_unmounting in [false, true] {
        let (m, _) = host("tok_pro_admin", "ws_pro_team", images(Quality::High, 16));
        let (opener, d) = open_from_button(&m).await;
        says(&d, &["Top up "]).await;
        assert!(
            inert(&opener),
            "while open, the Generate button behind the prompt is inert"
        );
        assert!(
            inert(&elsewhere),
            "while open, the rest of the page is inert"
        );
        assert!(!inert(&d), "the prompt itself is not inert");
        if close_by_unmounting {
            drop(m);
            assert!(
                !inert(&elsewhere),
                "unmounting the open prompt gives the page back"
            );
            continue;
        }
        press("Escape").expect("Escape is pressed");
        wait_for("the prompt to go", WAIT, || {
            dialog(&m.root).is_none().then_some(())
        })
        .await;
        assert!(
            !inert(&opener),
            "after closing, the Generate button is not inert"
        );
        assert!(
            !inert(&elsewhere),
            "after closing, the rest of the page is not inert"
        );
    }
    elsewhere.remove();
}

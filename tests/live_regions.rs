//! Which live regions speak, in headless Chromium against the live reference
//! server: what the person caused or must know, not every refresh.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use common::*;
use leptos::prelude::*;
use leptos_credits::{
    CostBadge, CreditAction, CreditsProvider, GenerateButton, ImageGenerate, LowBalanceBanner,
    PlanComparison, Quality, SubscriptionBalance, UsageHistory,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(15);

/// The live region `node` is in, if it speaks: the nearest element with
/// `aria-live` decides (`off` is silent); without one, `role` status, alert
/// or log speak.
fn speaking_region(node: Node) -> Option<Element> {
    let mut el = match node.dyn_into::<Element>() {
        Ok(el) => Some(el),
        Err(node) => node.parent_element(),
    };
    while let Some(e) = el {
        if let Some(live) = e.get_attribute("aria-live") {
            return (live != "off").then_some(e);
        }
        if matches!(
            e.get_attribute("role").as_deref(),
            Some("status" | "alert" | "log")
        ) {
            return Some(e);
        }
        el = e.parent_element();
    }
    None
}

fn adds_text(r: &MutationRecord) -> bool {
    if r.type_() == "characterData" {
        return true;
    }
    let added = r.added_nodes();
    (0..added.length())
        .filter_map(|i| added.item(i))
        .any(|n| n.text_content().is_some_and(|t| !t.trim().is_empty()))
}

/// The classes of every speaking region whose text changed since the last `take`.
struct Spoken {
    log: Rc<RefCell<Vec<String>>>,
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
}

impl Spoken {
    fn listen(root: &Element) -> Self {
        let log = Rc::new(RefCell::new(Vec::new()));
        let into = log.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |records: js_sys::Array, _: MutationObserver| {
                for r in records.iter().map(JsCast::unchecked_into::<MutationRecord>) {
                    if let (true, Some(target)) = (adds_text(&r), r.target()) {
                        if let Some(region) = speaking_region(target) {
                            into.borrow_mut().push(region.class_name());
                        }
                    }
                }
            },
        );
        let observer =
            MutationObserver::new(callback.as_ref().unchecked_ref()).expect("a MutationObserver");
        let init = MutationObserverInit::new();
        init.set_subtree(true);
        init.set_child_list(true);
        init.set_character_data(true);
        observer
            .observe_with_options(root, &init)
            .expect("observing the page");
        Spoken {
            log,
            observer,
            _callback: callback,
        }
    }

    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.log.borrow_mut())
    }
}

impl Drop for Spoken {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

async fn settled_badge(m: &Mounted, not: &str) -> String {
    wait_for("the badge's cost", WAIT, || {
        let b = query(&m.root, ".lc-cost-badge[data-state=ready]")?;
        Some(text(&b)).filter(|t| t != not)
    })
    .await
}

async fn subscription_of(m: &Mounted, workspace_name: &str) {
    wait_for_text_containing(&m.root, &[workspace_name], WAIT).await;
    sleep(500).await;
}

/// Issue 11.16: switching workspace made eight live regions speak at once
/// (the badge, the loading notes of the subscription, plans and history, ...).
#[wasm_bindgen_test]
async fn a_workspace_switch_speaks_only_what_the_person_must_know_and_their_own_change_is_spoken() {
    let client = RwSignal::new(live_client("tok_ent_owner"));
    let workspace = RwSignal::new("ws_enterprise".to_owned());
    let count = RwSignal::new(2u32);
    let action = Signal::derive(move || {
        CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, count.get()))
    });
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace=workspace locale=TEST_LOCALE>
                <LowBalanceBanner />
                <CostBadge action=action />
                <GenerateButton action=action on_generate=Callback::new(|_| {}) />
                <button on:click=move |_| count.update(|n| *n += 1)>"More images"</button>
                <button on:click=move |_| {
                    client.set(live_client("tok_pro_admin"));
                    workspace.set("ws_pro_team".to_owned());
                }>"Switch"</button>
                <SubscriptionBalance />
                <PlanComparison />
                <UsageHistory />
            </CreditsProvider>
        }
    });
    let first = settled_badge(&m, "").await;
    subscription_of(&m, "Atlas Media Group").await;
    let spoken = Spoken::listen(&m.root);

    button(&m.root, "Switch").expect("Switch").click();
    let switched = settled_badge(&m, "").await;
    subscription_of(&m, "Northwind Studio").await;
    let after_switch = spoken.take();
    assert!(
        after_switch
            .iter()
            .all(|class| class.contains("lc-low-balance")),
        "only the low-balance banner (must know) may speak after a switch; spoke: {after_switch:?} \
         (badge {first:?} then {switched:?})"
    );

    button(&m.root, "More images").expect("More images").click();
    settled_badge(&m, &switched).await;
    sleep(300).await;
    let after_change = spoken.take();
    assert!(
        !after_change.is_empty() && after_change.iter().all(|c| c.contains("lc-cost-badge")),
        "the person's own change speaks the new cost, and only that: {after_change:?}"
    );
}

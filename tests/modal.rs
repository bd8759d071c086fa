//! `primitives::use_modal` on a surface of its own (not the prompt), in
//! headless Chromium: any surface gets the prompt's modal behaviour.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::modal::tab_goes_round;
use common::*;
use leptos::prelude::*;
use leptos_credits::primitives::{use_modal, use_opener, Opener};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(5);

#[component]
fn Sheet(open: RwSignal<bool>, opener: Opener) -> impl IntoView {
    let modal = use_modal(opener, ".sheet", Callback::new(move |()| open.set(false)));
    view! {
        <div class="sheet" node_ref=modal.backdrop>
            <div
                role="dialog"
                aria-modal="true"
                aria-label="Rename"
                tabindex="-1"
                node_ref=modal.dialog
                on:keydown=move |ev| modal.keydown(ev)
            >
                <input aria-label="Name" />
                <button type="button">"Cancel"</button>
                <button type="button">"Save"</button>
            </div>
        </div>
    }
}

#[component]
fn Page(open: RwSignal<bool>) -> impl IntoView {
    let opener = use_opener();
    view! {
        <button type="button" on:click=move |_| open.set(true)>"Rename"</button>
        {move || open.get().then(|| view! { <Sheet open=open opener=opener /> })}
    }
}

#[wasm_bindgen_test]
async fn a_surface_using_the_modal_primitive_gets_focus_in_trapped_the_page_inert_escape_and_focus_back(
) {
    let open = RwSignal::new(false);
    let m = mount(move || view! { <Page open=open /> });
    let inert = |el: &Element| el.closest("[inert]").ok().flatten().is_some();
    let opener = button(&m.root, "Rename").expect("the Rename button");
    focus(&opener).expect("Rename takes focus");
    click(&opener).expect("Rename is clickable");
    let dialog = wait_for("the sheet", WAIT, || by_role(&m.root, "dialog")).await;
    let input = query(&dialog, "input").expect("the name field");
    assert_eq!(
        active_element(),
        Some(input.clone()),
        "focus moves to the first field"
    );
    assert!(inert(&opener), "the page behind is inert");
    assert!(!inert(&dialog), "the sheet is not");

    let save: Element = button(&dialog, "Save").expect("Save").unchecked_into();
    tab_goes_round(&input, &save);

    press("Escape").expect("Escape is pressed");
    wait_for("the sheet to close", WAIT, || {
        by_role(&m.root, "dialog").is_none().then_some(())
    })
    .await;
    assert!(!open.get_untracked(), "Escape ran the close callback");
    assert_eq!(
        active_element(),
        Some(opener.clone().unchecked_into()),
        "focus returns to Rename"
    );
    assert!(!inert(&opener), "the page is given back");
}

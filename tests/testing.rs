//! `leptos_credits::testing` itself, in headless Chromium: roles and names
//! as a screen reader reads them, finding by text, real key presses and
//! clicks, waiting, and a mount that cleans up after itself.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_credits::testing::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(2);

fn role(m: &Mounted, selector: &str) -> Option<String> {
    role_of(&query(m, selector).unwrap_or_else(|| panic!("{selector} is on the page")))
}

fn name(m: &Mounted, selector: &str) -> String {
    accessible_name(&query(m, selector).unwrap_or_else(|| panic!("{selector} is on the page")))
}

#[wasm_bindgen_test]
fn roles_come_from_the_role_attribute_or_else_the_element() {
    let m = mount(|| {
        view! {
            <button id="b">"Go"</button>
            <a id="link" href="/x">"X"</a>
            <a id="anchor">"no href"</a>
            <h2 id="h">"Title"</h2>
            <div id="bar" role="progressbar progress"></div>
            <span id="none" role="presentation"></span>
            <img id="decor" alt="" />
            <input id="n" type="number" />
            <input id="s" type="submit" />
            <select id="sel"><option>"a"</option></select>
            <table id="t"><tbody><tr id="tr"><th id="th">"h"</th><td id="td">"c"</td></tr></tbody></table>
            <output id="out"></output>
        }
    });
    let cases = [
        ("#b", Some("button")),
        ("#link", Some("link")),
        ("#anchor", None),
        ("#h", Some("heading")),
        ("#bar", Some("progressbar")),
        ("#none", None),
        ("#decor", None),
        ("#n", Some("spinbutton")),
        ("#s", Some("button")),
        ("#sel", Some("combobox")),
        ("#t", Some("table")),
        ("#tr", Some("row")),
        ("#th", Some("columnheader")),
        ("#td", Some("cell")),
        ("#out", Some("status")),
    ];
    for (selector, expected) in cases {
        assert_eq!(role(&m, selector).as_deref(), expected, "{selector}");
    }
}

#[wasm_bindgen_test]
fn names_come_from_labelledby_then_aria_label_then_the_label_then_visible_content() {
    let m = mount(|| {
        view! {
            <span id="first">"Cost"</span>
            <span id="second">"estimate"</span>
            <div id="d" role="dialog" aria-labelledby="first second">"ignored content"</div>
            <button id="labelled" aria-label="Close the prompt">"×"</button>
            <label for="count">"Images"</label>
            <input id="count" type="number" />
            <button id="content">"Generate " <span aria-hidden="true">"★"</span> "  16 credits"</button>
            <div id="status" role="status">"content does not name a status"</div>
            <button id="titled" title="Settings"><img alt="" /></button>
        }
    });
    assert_eq!(name(&m, "#d"), "Cost estimate");
    assert_eq!(name(&m, "#labelled"), "Close the prompt");
    assert_eq!(name(&m, "#count"), "Images");
    assert_eq!(name(&m, "#content"), "Generate 16 credits");
    assert_eq!(name(&m, "#status"), "");
    assert_eq!(name(&m, "#titled"), "Settings");
}

#[wasm_bindgen_test]
fn finders_match_the_whole_name_or_text_and_skip_what_is_hidden() {
    let m = mount(|| {
        view! {
            <div hidden><button>"Retry"</button></div>
            <button id="shown">"Retry"</button>
            <button>"Retry later"</button>
            <p id="p">"Resets " <b>"Dec 1"</b></p>
        }
    });
    let retry = by_role_named(&m, "button", "Retry").expect("the visible Retry");
    assert_eq!(retry.id(), "shown");
    assert_eq!(
        all_by_role(&m, "button").len(),
        2,
        "the hidden one is left out"
    );
    assert!(
        by_role_named(&m, "button", "Retr").is_none(),
        "no partial match"
    );
    let later = by_role_where(&m, "button", |n| n.ends_with("later")).expect("a predicate");
    assert_eq!(text(&later), "Retry later");
    assert_eq!(
        by_text(&m, "Resets Dec 1").map(|p| p.id()).as_deref(),
        Some("p")
    );
    assert_eq!(
        by_text(&m, "Dec 1").map(|b| b.tag_name()).as_deref(),
        Some("B")
    );
    assert!(
        by_text(&m, "Resets").is_none(),
        "the whole text, not a part"
    );
}

#[wasm_bindgen_test]
async fn tab_moves_focus_unless_prevented_and_enter_and_space_click_the_focused_button() {
    let clicks = RwSignal::new(0);
    let m = mount(move || {
        view! {
            <button on:click=move |_| clicks.update(|n| *n += 1)>"One"</button>
            <button disabled>"Off"</button>
            <button on:keydown=|ev: web_sys::KeyboardEvent| {
                if ev.key() == "Tab" { ev.prevent_default() }
            }>"Trap"</button>
        }
    });
    let one = button(&m, "One").expect("One");
    let trap = button(&m, "Trap").expect("Trap");
    focus(&one).expect("One takes focus");
    assert!(press("Enter").expect("Enter"), "nothing prevents Enter");
    assert!(press(" ").expect("Space"), "nothing prevents Space");
    tick().await;
    assert_eq!(clicks.get_untracked(), 2, "Enter and Space each click it");
    assert!(press("Tab").expect("Tab"));
    assert_eq!(
        active_element(),
        Some(trap.clone().into()),
        "Tab skips the disabled button"
    );
    assert!(!press("Tab").expect("Tab"), "the keydown was prevented");
    assert_eq!(active_element(), Some(trap.into()), "so focus stays");
    let shift = Modifiers {
        shift: true,
        ..Modifiers::default()
    };
    press_with("Escape", shift).expect("Shift+Escape");
}

#[wasm_bindgen_test]
async fn fill_and_choose_send_input_events_and_say_what_is_missing() {
    let typed = RwSignal::new(String::new());
    let picked = RwSignal::new(String::new());
    let m = mount(move || {
        view! {
            <input aria-label="Images" type="number" on:input=move |ev| typed.set(event_target_value(&ev)) />
            <select aria-label="Quality" on:change=move |ev| picked.set(event_target_value(&ev))>
                <option value="draft">"Draft"</option>
                <option value="high">"High"</option>
            </select>
        }
    });
    fill(&m, "Images", "12").expect("the Images field");
    choose(&m, "Quality", "high").expect("the Quality select");
    tick().await;
    assert_eq!(
        (typed.get_untracked(), picked.get_untracked()),
        ("12".into(), "high".into())
    );
    let field: HtmlInputElement = by_role(&m, "spinbutton").unwrap().unchecked_into();
    assert_eq!(field.value(), "12");
    let missing = fill(&m, "Count", "1").unwrap_err();
    assert_eq!(
        missing.to_string(),
        "no text or number field labelled \"Count\""
    );
    let no_option = choose(&m, "Quality", "ultra").unwrap_err();
    assert_eq!(no_option.to_string(), "\"Quality\" has no option \"ultra\"");
}

#[wasm_bindgen_test]
async fn arrow_keys_step_a_focused_select_past_disabled_options_and_stop_at_the_ends() {
    let changes = RwSignal::new(Vec::<String>::new());
    let m = mount(move || {
        view! {
            <select aria-label="Status" on:change=move |ev| changes.update(|c| c.push(event_target_value(&ev)))>
                <option value="">"All"</option>
                <option value="charged" disabled>"Charged"</option>
                <option value="failed">"Failed"</option>
            </select>
        }
    });
    focus(&by_role(&m, "combobox").expect("the select")).unwrap();
    for key in ["ArrowUp", "ArrowDown", "ArrowDown", "ArrowUp"] {
        assert!(press(key).expect(key));
    }
    tick().await;
    assert_eq!(changes.get_untracked(), ["failed", ""].map(String::from));
}

#[wasm_bindgen_test]
async fn wait_for_returns_what_shows_up_and_a_timeout_names_what_never_came() {
    let shown = RwSignal::new(false);
    let m = mount(move || view! { <Show when=move || shown.get()><p>"Ready"</p></Show> });
    leptos::task::spawn_local(async move {
        sleep(100).await;
        shown.set(true);
    });
    let ready = wait_for_text(&m, "Ready", WAIT).await;
    assert_eq!(ready.tag_name(), "P");
    let said = wait_for_text_containing(&m, &["Rea"], WAIT).await;
    assert_eq!(said, "Ready");
    let late = try_wait_for("a cost", Duration::from_millis(60), || None::<()>).await;
    assert_eq!(
        late.unwrap_err().to_string(),
        "timed out after 60ms waiting for a cost"
    );
}

#[wasm_bindgen_test]
async fn dropping_the_mount_unmounts_the_view_and_removes_its_root() {
    let cleaned = Arc::new(AtomicBool::new(false));
    let flag = cleaned.clone();
    let m = mount(move || {
        on_cleanup(move || flag.store(true, Ordering::SeqCst));
        view! { <p>"here"</p> }
    });
    let root = m.root.clone();
    assert!(root.is_connected() && root.has_attribute("data-testing-root"));
    drop(m);
    assert!(cleaned.load(Ordering::SeqCst), "the view's cleanups ran");
    assert!(!root.is_connected(), "the root left the page");
}

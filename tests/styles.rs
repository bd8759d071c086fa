//! `CreditsStyles`, the theme switch, the cascade layer and logical sides, in
//! headless Chromium. No server: the components point at a dead address and
//! only their boxes are measured.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::*;
use leptos::prelude::*;
use leptos_credits::styles::{Surface, STYLE_ID};
use leptos_credits::{
    CostBadge, CostEstimator, CreditAction, CreditsClient, CreditsProvider, CreditsStyles,
    ImageGenerate, Quality, Theme,
};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(5);
const LIGHT_SURFACE: &str = "#ffffff";
const DARK_SURFACE: &str = "#1b1a23";
const LIGHT_SURFACE_RGB: &str = "rgb(255, 255, 255)";
const DARK_SURFACE_RGB: &str = "rgb(27, 26, 35)";

fn action() -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, 4))
}

fn dead_client() -> CreditsClient {
    CreditsClient::new(DEAD_API)
}

fn styles_in_document(id: &str) -> u32 {
    document()
        .query_selector_all(&format!("[id=\"{id}\"]"))
        .map(|l| l.length())
        .unwrap_or(0)
}

fn styles_in_head(id: &str) -> u32 {
    document()
        .query_selector_all(&format!("head > style[id=\"{id}\"]"))
        .map(|l| l.length())
        .unwrap_or(0)
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn computed(el: &Element, property: &str) -> String {
    window()
        .get_computed_style(el)
        .ok()
        .flatten()
        .expect("a computed style")
        .get_property_value(property)
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Waits for the stylesheet to apply (the trigger's background is set by it).
async fn styled(root: &Element, selector: &str) -> Element {
    let el = wait_for("the element", WAIT, || {
        root.query_selector(selector).ok().flatten()
    })
    .await;
    wait_for("the library's stylesheet to apply", WAIT, || {
        (!computed(&el, "--lc-surface").is_empty()).then_some(())
    })
    .await;
    el
}

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

#[wasm_bindgen_test]
async fn credits_styles_mounted_twice_inserts_exactly_one_stylesheet_in_head() {
    let first = mount(|| view! { <CreditsStyles /><CreditsStyles /> });
    let second = mount(|| view! { <CreditsStyles /> });
    wait_for("the stylesheet in head", WAIT, || {
        (styles_in_head(STYLE_ID) > 0).then_some(())
    })
    .await;
    sleep(50).await;
    assert_eq!(styles_in_head(STYLE_ID), 1);
    assert_eq!(styles_in_document(STYLE_ID), 1, "nothing rendered in place");
    assert!(first.root.query_selector("style").ok().flatten().is_none());
    let head_style = find(
        &document().document_element().expect("<html>"),
        "head > style",
    );
    assert_eq!(head_style.id(), STYLE_ID, "it is the head's first <style>");
    assert!(text(&head_style).contains("@layer leptos-credits"));
    drop(second);
    drop(first);
}

#[wasm_bindgen_test]
async fn the_stylesheet_stays_until_the_last_credits_styles_unmounts() {
    let first = mount(|| view! { <CreditsStyles /> });
    let second = mount(|| view! { <CreditsStyles /> });
    wait_for("the stylesheet in head", WAIT, || {
        (styles_in_head(STYLE_ID) == 1).then_some(())
    })
    .await;
    drop(first);
    sleep(20).await;
    assert_eq!(styles_in_head(STYLE_ID), 1, "one user is still mounted");
    drop(second);
    sleep(20).await;
    assert_eq!(
        styles_in_document(STYLE_ID),
        0,
        "the last unmount removes it"
    );
}

#[wasm_bindgen_test]
async fn a_surfaces_subset_is_its_own_stylesheet_with_the_tokens() {
    let m = mount(|| view! { <CreditsStyles surfaces=[Surface::CostBadge] /> });
    let id = "leptos-credits-styles-tokens-cost-badge";
    wait_for("the subset in head", WAIT, || {
        (styles_in_head(id) == 1).then_some(())
    })
    .await;
    let css = text(&find(
        &document().document_element().expect("<html>"),
        &format!("[id=\"{id}\"]"),
    ));
    assert!(css.contains("--lc-surface") && css.contains(".lc-cost-badge"));
    assert!(
        !css.contains(".lc-cost-estimator"),
        "only the surfaces asked for"
    );
    assert_eq!(styles_in_document(STYLE_ID), 0);
    drop(m);
}

/// An estimator (its trigger's background is `--lc-surface`) under `data-lc-theme=theme`.
fn themed_estimator(outer: Option<&'static str>, inner: Option<&'static str>) -> Mounted {
    mount(move || {
        view! {
            <CreditsStyles />
            <div data-lc-theme=outer>
                <div class="probe" data-lc-theme=inner>
                    <CreditsProvider client=dead_client() workspace="ws_pro_team">
                        <CostEstimator action=action() />
                    </CreditsProvider>
                </div>
            </div>
        }
    })
}

#[wasm_bindgen_test]
async fn forced_dark_attribute_gives_the_dark_palette_whatever_the_system_prefers() {
    // Headless Chromium prefers light, so dark here is against the system's choice.
    assert!(!system_prefers_dark(), "the test browser prefers light");
    let m = themed_estimator(None, Some("dark"));
    let trigger = styled(&m.root, ".lc-cost-estimator__trigger").await;
    assert_eq!(computed(&trigger, "--lc-surface"), DARK_SURFACE);
    assert_eq!(computed(&trigger, "background-color"), DARK_SURFACE_RGB);
}

#[wasm_bindgen_test]
async fn forced_light_attribute_gives_the_light_palette_whatever_the_system_prefers() {
    let m = themed_estimator(None, Some("light"));
    let trigger = styled(&m.root, ".lc-cost-estimator__trigger").await;
    assert_eq!(computed(&trigger, "--lc-surface"), LIGHT_SURFACE);
    assert_eq!(computed(&trigger, "background-color"), LIGHT_SURFACE_RGB);
}

#[wasm_bindgen_test]
async fn the_nearest_marked_ancestor_decides_the_theme() {
    let light_in_dark = themed_estimator(Some("dark"), Some("light"));
    let trigger = styled(&light_in_dark.root, ".lc-cost-estimator__trigger").await;
    assert_eq!(computed(&trigger, "background-color"), LIGHT_SURFACE_RGB);
    drop(light_in_dark);
    let dark_in_light = themed_estimator(Some("light"), Some("dark"));
    let trigger = styled(&dark_in_light.root, ".lc-cost-estimator__trigger").await;
    assert_eq!(computed(&trigger, "background-color"), DARK_SURFACE_RGB);
}

#[wasm_bindgen_test]
async fn auto_and_no_mark_follow_prefers_color_scheme() {
    let expected = if system_prefers_dark() {
        DARK_SURFACE
    } else {
        LIGHT_SURFACE
    };
    let auto = themed_estimator(Some("dark"), Some("auto"));
    let trigger = styled(&auto.root, ".lc-cost-estimator__trigger").await;
    assert_eq!(
        computed(&trigger, "--lc-surface"),
        expected,
        "auto under a dark ancestor"
    );
    drop(auto);
    let unmarked = themed_estimator(None, None);
    let trigger = styled(&unmarked.root, ".lc-cost-estimator__trigger").await;
    assert_eq!(
        computed(&trigger, "--lc-surface"),
        expected,
        "no mark anywhere"
    );
}

#[wasm_bindgen_test]
async fn provider_theme_prop_forces_dark_and_light_in_a_boxless_wrapper() {
    let theme = RwSignal::new(Theme::Dark);
    let m = mount(move || {
        view! {
            <CreditsStyles />
            <div data-lc-theme="light">
                <CreditsProvider client=dead_client() workspace="ws_pro_team" theme=theme>
                    <CostEstimator action=action() />
                </CreditsProvider>
            </div>
        }
    });
    let trigger = styled(&m.root, ".lc-cost-estimator__trigger").await;
    assert_eq!(computed(&trigger, "background-color"), DARK_SURFACE_RGB);
    let wrapper = find(&m.root, ".lc-theme");
    assert_eq!(
        wrapper.get_attribute("data-lc-theme").as_deref(),
        Some("dark")
    );
    assert_eq!(computed(&wrapper, "display"), "contents");
    theme.set(Theme::Light);
    wait_for("the light palette", WAIT, || {
        (computed(&trigger, "background-color") == LIGHT_SURFACE_RGB).then_some(())
    })
    .await;
    assert_eq!(
        wrapper.get_attribute("data-lc-theme").as_deref(),
        Some("light")
    );
}

#[wasm_bindgen_test]
async fn provider_without_theme_renders_no_wrapper() {
    let m = mount(|| {
        view! {
            <CreditsProvider client=dead_client() workspace="ws_pro_team">
                <span class="child">"x"</span>
            </CreditsProvider>
        }
    });
    assert!(m.root.query_selector(".lc-theme").ok().flatten().is_none());
    assert_eq!(
        find(&m.root, ".child").parent_element(),
        Some(m.root.clone().into())
    );
}

#[wasm_bindgen_test]
async fn an_unlayered_host_rule_of_lower_specificity_beats_the_library() {
    // The library colours the badge with `.lc-cost-badge[data-state=…]` (0,2,0);
    // the host's `.host-probe span` (0,1,1) comes first in the head as well.
    let host = document().create_element("style").expect("a <style>");
    host.set_text_content(Some(".host-probe span { color: rgb(1, 2, 3); }"));
    let m = mount(|| {
        view! {
            <CreditsStyles />
            <CreditsProvider client=dead_client() workspace="ws_pro_team">
                <div class="host-probe"><CostBadge action=action() /></div>
                <div class="plain"><CostBadge action=action() /></div>
            </CreditsProvider>
        }
    });
    let plain = styled(&m.root, ".plain .lc-cost-badge").await;
    let head = document().head().expect("<head>");
    head.insert_before(&host, head.first_child().as_ref())
        .expect("host rule added");
    let probed = find(&m.root, ".host-probe .lc-cost-badge");
    assert_eq!(
        computed(&probed, "color"),
        "rgb(1, 2, 3)",
        "the host rule wins"
    );
    assert_ne!(computed(&plain, "color"), "rgb(1, 2, 3)");
    assert_eq!(
        computed(&probed, "background-color"),
        computed(&plain, "background-color"),
        "the library still styles what the host leaves alone"
    );
    assert_ne!(computed(&plain, "background-color"), "rgba(0, 0, 0, 0)");
    host.remove();
}

/// The popover's and the estimator's boxes, in a page of direction `dir`.
async fn popover_edges(dir: &'static str) -> (f64, f64, f64, f64) {
    let m = mount(move || {
        view! {
            <CreditsStyles />
            <div dir=dir style="padding: 0 400px">
                <CreditsProvider client=dead_client() workspace="ws_pro_team">
                    <CostEstimator action=action() open=true />
                </CreditsProvider>
            </div>
        }
    });
    let popover = styled(&m.root, ".lc-cost-estimator__popover").await;
    let root = find(&m.root, ".lc-cost-estimator").get_bounding_client_rect();
    let pop = popover.get_bounding_client_rect();
    (root.left(), root.right(), pop.left(), pop.right())
}

#[wasm_bindgen_test]
async fn rtl_mirrors_the_estimator_popover_to_the_other_edge() {
    assert!(
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(0.0)
            > 480.0,
        "wide screen layout"
    );
    let (root_left, root_right, pop_left, pop_right) = popover_edges("ltr").await;
    assert!(
        (pop_right - root_right).abs() < 1.0,
        "ltr: ends at the trigger's right edge"
    );
    assert!(pop_left < root_left - 100.0, "ltr: opens towards the left");
    let (root_left, root_right, pop_left, pop_right) = popover_edges("rtl").await;
    assert!(
        (pop_left - root_left).abs() < 1.0,
        "rtl: ends at the trigger's left edge ({pop_left} vs {root_left})"
    );
    assert!(
        pop_right > root_right + 100.0,
        "rtl: opens towards the right"
    );
}

//! Which component each tag mounts, with its options from the element and
//! its callbacks sent out as events.

mod bar;
mod settings;

use leptos::prelude::*;
use leptos_credits::{use_credits, CreditAction};
use send_wrapper::SendWrapper;
use serde::Serialize;
use web_sys::HtmlElement;

use crate::events;
use crate::provider::Shared;
use crate::surface::Props;

/// The element, for callbacks (which Leptos wants `Send`; all of this runs
/// on the page's one thread).
#[derive(Clone)]
pub struct Host(SendWrapper<HtmlElement>);

impl Host {
    /// Sends `name` with `detail`; `false` when the host prevented its default.
    pub fn send(&self, name: &str, detail: &impl Serialize, cancelable: bool) -> bool {
        events::send(&self.0, name, detail, cancelable)
    }

    pub fn signal(&self, name: &str) {
        events::signal(&self.0, name);
    }
}

pub fn surface(tag: &str, el: HtmlElement, props: Props) -> AnyView {
    let host = Host(SendWrapper::new(el));
    let shared = use_context::<Shared>();
    let body = match tag {
        "credits-cost-badge" => bar::badge(&props),
        "credits-cost-estimator" => bar::estimator(&props, host, shared),
        "credits-generate-button" => bar::generate(&props, host, shared),
        "credits-low-balance" => bar::low_balance(&props, host),
        "credits-subscription" => settings::subscription(&props, host),
        "credits-usage-history" => settings::usage_history(&props),
        "credits-plans" => settings::plans(&props, host),
        "credits-out-of-credits" => settings::prompt(&props, host, shared),
        _ => ().into_any(),
    };
    view! { {error_line(props.error)} {body} }.into_any()
}

/// The visible message for a refused property (the details in `data-detail`).
pub fn error_line(error: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_credits();
    move || {
        error.get().map(|detail| {
            let word = leptos_credits::text::word(ctx, |t| &t.setting_invalid);
            view! { <p class="lc-element-error" role="alert" data-detail=detail>{word}</p> }
        })
    }
}

/// `render` with the element's action once it has one; nothing before.
/// Changing the action does not mount the component again.
pub fn with_action(
    props: &Props,
    render: impl Fn(Signal<CreditAction>) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let action = props.action;
    let known = Memo::new(move |_| action.with(Option::is_some));
    let current = Signal::derive(move || action.get().unwrap_or(CreditAction::AssetView));
    (move || known.get().then(|| render(current))).into_any()
}

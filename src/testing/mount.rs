//! Mounting a view in its own root element, under a `CreditsProvider` or not.

use std::any::Any;
use std::ops::Deref;

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::{CreditsClient, CreditsProvider};

/// The locale [`mount_with_provider`] gives its provider, so numbers and
/// plurals read the same on every machine ("1,234 credits").
pub const TEST_LOCALE: &str = "en-US";

/// A view mounted in its own `<div data-testing-root>` at the end of
/// `<body>`. Dropping it unmounts the view (its effects, listeners and
/// requests end with it) and then removes the element, so tests that run one
/// after another in the same page never see each other's views.
///
/// It dereferences to its root element, so `by_role(&mounted, "status")`
/// searches inside it; `mounted.root` is the same element.
pub struct Mounted {
    /// The element the view is mounted in.
    pub root: HtmlElement,
    handle: Option<Box<dyn Any>>,
}

impl Deref for Mounted {
    type Target = HtmlElement;

    fn deref(&self) -> &HtmlElement {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // Unmount first, while the root is still in the page, then remove it.
        drop(self.handle.take());
        self.root.remove();
    }
}

/// Mounts `view` in a fresh root element appended to `<body>`.
///
/// For a view that needs a provider with its own locale or words, put the
/// `<CreditsProvider>` inside `view`; otherwise see [`mount_with_provider`].
///
/// # Panics
///
/// Only when there is no page to mount on: no `window.document` or no
/// `<body>` (the test is not running in a browser; add
/// `wasm_bindgen_test_configure!(run_in_browser);`). The message says which.
pub fn mount<N: IntoView + 'static>(view: impl FnOnce() -> N + 'static) -> Mounted {
    let root = match new_root() {
        Ok(root) => root,
        Err(missing) => panic!(
            "leptos_credits::testing::mount: {missing}; run the test in a browser \
             (wasm_bindgen_test_configure!(run_in_browser))"
        ),
    };
    let handle = mount_to(root.clone(), view);
    Mounted {
        root,
        handle: Some(Box::new(handle)),
    }
}

/// Mounts `view` under `<CreditsProvider client workspace locale="en-US">`
/// ([`TEST_LOCALE`]), the way a host puts its credits components on a page.
/// `client` may be a signal (`RwSignal<CreditsClient>`) the test changes later,
/// as a host does when the member signs in again.
///
/// ```no_run
/// # use leptos::prelude::*;
/// use leptos_credits::testing::mount_with_provider;
/// use leptos_credits::{CreditAction, CostBadge, CreditsClient, ImageGenerate, Quality};
///
/// # fn test() {
/// let client = CreditsClient::new("http://127.0.0.1:43121/api").with_token("tok_pro_admin");
/// let action = CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, 4));
/// let mounted = mount_with_provider(client, "ws_pro_team", move || {
///     view! { <CostBadge action=action /> }
/// });
/// // ... find things in it; dropping `mounted` unmounts the view and removes its root.
/// # drop(mounted);
/// # }
/// ```
///
/// # Panics
///
/// As [`mount`]: only when there is no page to mount on.
pub fn mount_with_provider<N: IntoView + 'static>(
    client: impl Into<Signal<CreditsClient>>,
    workspace: impl Into<String>,
    view: impl FnOnce() -> N + Send + 'static,
) -> Mounted {
    let (client, workspace) = (client.into(), workspace.into());
    mount(move || {
        view! {
            <CreditsProvider client=client workspace=workspace locale=TEST_LOCALE>
                {view()}
            </CreditsProvider>
        }
    })
}

/// A new `<div data-testing-root>` at the end of `<body>`, or what was missing.
fn new_root() -> Result<HtmlElement, &'static str> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("there is no window.document")?;
    let body = document.body().ok_or("the document has no <body>")?;
    let root = document
        .create_element("div")
        .map_err(|_| "the document cannot create a <div>")?;
    let _ = root.set_attribute("data-testing-root", "");
    body.append_child(&root)
        .map_err(|_| "the <body> refused the root <div>")?;
    root.dyn_into::<HtmlElement>()
        .map_err(|_| "the new <div> is not an HTMLElement")
}

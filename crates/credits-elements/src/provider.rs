//! `<credits-provider>`: the owner and the credits context every element
//! inside it mounts under, so that they share one balance and one quote cache.

use std::any::Any;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_credits::{provide_credits, CreditsClient, CreditsStyles, Refusal};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::{decode, events, views};

/// What the elements under one provider share besides the credits context:
/// the refusal its `<credits-out-of-credits>` elements show.
#[derive(Clone, Copy)]
pub struct Shared {
    pub refusal: RwSignal<Option<Refusal>>,
}

#[wasm_bindgen]
pub struct ProviderMount {
    pub(crate) owner: Owner,
    el: HtmlElement,
    base_url: RwSignal<String>,
    token: RwSignal<Option<String>>,
    workspace: RwSignal<String>,
    locale: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    view: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl ProviderMount {
    /// Mounts on `el`, reading its attributes and the properties set so far
    /// (a `text` of the wrong shape is reported, and English is used).
    #[wasm_bindgen(constructor)]
    pub fn new(el: HtmlElement, token: JsValue, text: JsValue) -> ProviderMount {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let owner = Owner::new();
        let attribute = |name| el.get_attribute(name);
        let (text, problem) = match decode::text(&text) {
            Ok(text) => (text, None),
            Err(message) => (None, Some(message)),
        };
        let mount = owner.with(|| ProviderMount {
            owner: owner.clone(),
            el: el.clone(),
            base_url: RwSignal::new(attribute("base-url").unwrap_or_else(|| "/api".to_owned())),
            token: RwSignal::new(token.as_string()),
            workspace: RwSignal::new(attribute("workspace").unwrap_or_default()),
            locale: RwSignal::new(attribute("locale")),
            error: RwSignal::new(None),
            view: None,
        });
        mount.theme(attribute("theme"));
        let mount = mount.start(text);
        if let Some(message) = problem {
            mount.refuse("text", message);
        }
        mount
    }

    /// An observed attribute changed (`None`: removed).
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str, value: Option<String>) {
        match name {
            "base-url" => self
                .base_url
                .set(value.unwrap_or_else(|| "/api".to_owned())),
            "workspace" => self.workspace.set(value.unwrap_or_default()),
            "locale" => self.locale.set(value),
            "theme" => self.theme(value),
            _ => {}
        }
    }

    /// A property was set. `token` applies at once; a `text` that decodes
    /// returns `true` and the shim mounts everything again with it (the
    /// components read their words once); one that does not is reported
    /// and returns `false`.
    #[wasm_bindgen(js_name = setProperty)]
    pub fn set_property(&self, name: &str, value: JsValue) -> bool {
        match name {
            "token" => {
                self.token.set(value.as_string());
                true
            }
            "text" => match decode::text(&value) {
                Ok(_) => true,
                Err(message) => {
                    self.refuse("text", message);
                    false
                }
            },
            _ => false,
        }
    }

    /// Stops the balance stream, the listeners and the timers of everything
    /// mounted under it, and takes its words out of the element.
    pub fn unmount(self) {}
}

impl ProviderMount {
    fn start(mut self, text: Option<leptos_credits::CreditsText>) -> Self {
        let (base_url, token) = (self.base_url, self.token);
        let client = Signal::derive(move || {
            let client = CreditsClient::new(base_url.get());
            match token.get() {
                Some(token) => client.with_token(token),
                None => client,
            }
        });
        let (workspace, locale, error) = (self.workspace, self.locale, self.error);
        let el = self.el.clone();
        let view = self.owner.with(|| {
            provide_credits(client, workspace.into(), locale.into(), text);
            provide_context(Shared {
                refusal: RwSignal::new(None),
            });
            mount_to(
                el,
                move || view! { <CreditsStyles /> {views::error_line(error)} },
            )
        });
        self.view = Some(Box::new(view));
        self
    }

    fn refuse(&self, property: &'static str, message: String) {
        self.error.set(Some(message.clone()));
        events::refused(&self.el, property, message);
    }

    /// `theme` is what the stylesheet reads as `data-lc-theme`.
    fn theme(&self, value: Option<String>) {
        let _ = match value {
            Some(theme) => self.el.set_attribute("data-lc-theme", &theme),
            None => self.el.remove_attribute("data-lc-theme"),
        };
    }
}

impl Drop for ProviderMount {
    fn drop(&mut self) {
        self.view.take();
        self.owner.cleanup();
    }
}

//! A surface element (`<credits-cost-badge>`, ...): its options as signals,
//! and the component mounted into it under its provider's owner.

use std::any::Any;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_credits::CreditAction;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::provider::ProviderMount;
use crate::{decode, events, spec, views};

/// The element's options, readable from its view.
#[derive(Clone)]
pub struct Props {
    pub action: RwSignal<Option<CreditAction>>,
    /// The spec's attributes, by name.
    attributes: Vec<(&'static str, RwSignal<Option<String>>)>,
    /// Why the last property was refused, shown until a good one comes.
    pub error: RwSignal<Option<String>>,
}

impl Props {
    fn attribute(&self, name: &str) -> Option<RwSignal<Option<String>>> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
    }

    /// The attribute's text, as it changes.
    pub fn text(&self, name: &str) -> Signal<Option<String>> {
        match self.attribute(name) {
            Some(s) => s.into(),
            None => Signal::stored(None),
        }
    }

    /// Whether the attribute is present, as it changes.
    pub fn flag(&self, name: &str) -> Signal<bool> {
        let text = self.text(name);
        Signal::derive(move || text.with(Option::is_some))
    }

    /// The attribute's text when the element mounted.
    pub fn at_mount(&self, name: &str) -> Option<String> {
        self.attribute(name).and_then(|s| s.get_untracked())
    }
}

#[wasm_bindgen]
pub struct SurfaceMount {
    owner: Owner,
    el: HtmlElement,
    props: Props,
    view: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl ProviderMount {
    /// Mounts the surface `tag` on `el`, sharing this provider's context.
    #[wasm_bindgen(js_name = mountSurface)]
    pub fn mount_surface(&self, tag: &str, el: HtmlElement, action: JsValue) -> SurfaceMount {
        let owner = self.owner.with(Owner::new);
        SurfaceMount::mount(owner, tag, el, action)
    }
}

#[wasm_bindgen]
impl SurfaceMount {
    /// A surface outside any `<credits-provider>`: the component says it
    /// needs one, and `credits-error` names `provider`.
    pub fn orphan(tag: &str, el: HtmlElement, action: JsValue) -> SurfaceMount {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let mount = SurfaceMount::mount(Owner::new(), tag, el, action);
        events::refused(
            &mount.el,
            "provider",
            format!("<{tag}> needs a <credits-provider> around it"),
        );
        mount
    }

    /// An observed attribute changed (`None`: removed).
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str, value: Option<String>) {
        if let Some(s) = self.props.attribute(name) {
            s.set(value);
        }
    }

    /// Sets a rich property; `false` (with `credits-error` and a visible
    /// message) when the value has the wrong shape, keeping the last good one.
    #[wasm_bindgen(js_name = setProperty)]
    pub fn set_property(&self, name: &str, value: JsValue) -> bool {
        match name {
            "action" => self.take_action(&value),
            _ => false,
        }
    }

    /// Unmounts the component: its listeners, timers and requests end.
    pub fn unmount(self) {}
}

impl SurfaceMount {
    fn mount(owner: Owner, tag: &str, el: HtmlElement, action: JsValue) -> SurfaceMount {
        let names = spec::element(tag).map(|e| e.attributes).unwrap_or_default();
        let props = owner.with(|| Props {
            action: RwSignal::new(None),
            attributes: names
                .iter()
                .map(|a| (a.name, RwSignal::new(el.get_attribute(a.name))))
                .collect(),
            error: RwSignal::new(None),
        });
        let mut mount = SurfaceMount {
            owner,
            el,
            props,
            view: None,
        };
        if !action.is_undefined() {
            mount.take_action(&action);
        }
        let (tag, el, props) = (tag.to_owned(), mount.el.clone(), mount.props.clone());
        let target = el.clone();
        let view = mount
            .owner
            .with(|| mount_to(target, move || views::surface(&tag, el, props)));
        mount.view = Some(Box::new(view));
        mount
    }

    fn take_action(&self, value: &JsValue) -> bool {
        match decode::action(value) {
            Ok(action) => {
                self.props.error.set(None);
                self.props.action.set(Some(action));
                true
            }
            Err(message) => {
                self.props.error.set(Some(message.clone()));
                events::refused(&self.el, "action", message);
                false
            }
        }
    }
}

impl Drop for SurfaceMount {
    fn drop(&mut self) {
        self.view.take();
        self.owner.cleanup();
    }
}

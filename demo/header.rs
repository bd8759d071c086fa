//! The host app's header: its name, the two views, the workspace switcher
//! and the language switch. The demo's own words stay English (`lang="en"`).

use leptos::prelude::*;

use crate::language::{Language, LanguageSwitch};
use crate::workspaces::WORKSPACES;

#[component]
pub fn Header(
    /// The index into [`WORKSPACES`] the switcher picks.
    selected: RwSignal<usize>,
    /// Whether Settings → Subscription shows rather than the Create view.
    on_subscription: RwSignal<bool>,
    language: RwSignal<Language>,
) -> impl IntoView {
    let tab = move |subscription: bool, label: &'static str, href: &'static str| {
        view! {
            <a
                class="demo-nav__link"
                href=href
                aria-current=move || (on_subscription.get() == subscription).then_some("page")
                on:click=move |_| on_subscription.set(subscription)
            >
                {label}
            </a>
        }
    };
    view! {
        <header class="demo-header">
            <span class="demo-logo" aria-hidden="true"></span>
            <h1 class="demo-brand">"Lumen Studio"</h1>
            <nav class="demo-nav" aria-label="Sections" lang="en">
                {tab(false, "Create", "#create")}
                {tab(true, "Subscription", "#settings/subscription")}
            </nav>
            <label class="demo-field demo-workspace" lang="en">
                <span>"Workspace"</span>
                <select
                    prop:value=move || selected.get().to_string()
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            selected.set(i);
                        }
                    }
                >
                    {WORKSPACES
                        .iter()
                        .enumerate()
                        .map(|(i, w)| view! { <option value=i.to_string()>{w.label}</option> })
                        .collect_view()}
                </select>
            </label>
            <LanguageSwitch language=language />
        </header>
    }
}

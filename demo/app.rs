use leptos::prelude::*;
use leptos_credits::{CreditsClient, CreditsProvider, CreditsStyles};

use crate::editing_tools::EditingTools;
use crate::generation_bar::GenerationBar;
use crate::subscription_page::SubscriptionPage;
use crate::workspaces::WORKSPACES;

/// The host app: a header with the workspace switcher, a canvas, and the generation bar.
#[component]
pub fn App() -> impl IntoView {
    let selected = RwSignal::new(0usize);
    let current = move || &WORKSPACES[selected.get().min(WORKSPACES.len() - 1)];
    let client = Signal::derive(move || CreditsClient::new("/api").with_token(current().token));
    let workspace = Signal::derive(move || current().id.to_owned());
    // Which view shows: the Create view (canvas, tools, generation bar) or Settings → Subscription.
    // A link to #settings/subscription opens that view directly.
    let deep_link = window().location().hash().unwrap_or_default() == "#settings/subscription";
    let on_subscription = RwSignal::new(deep_link);
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
        // The library's CSS, in one <style> at the top of <head>; index.html links only the demo's.
        <CreditsStyles />
        <div class="demo-app">
            <header class="demo-header">
                <span class="demo-logo" aria-hidden="true"></span>
                <h1 class="demo-brand">"Lumen Studio"</h1>
                <nav class="demo-nav" aria-label="Sections">
                    {tab(false, "Create", "#create")}
                    {tab(true, "Subscription", "#settings/subscription")}
                </nav>
                <label class="demo-field demo-workspace">
                    <span>"Workspace"</span>
                    <select on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            selected.set(i);
                        }
                    }>
                        {WORKSPACES
                            .iter()
                            .enumerate()
                            .map(|(i, w)| view! { <option value=i.to_string()>{w.label}</option> })
                            .collect_view()}
                    </select>
                </label>
            </header>
            <CreditsProvider client=client workspace=workspace>
                <Show
                    when=move || on_subscription.get()
                    fallback=|| view! {
                        <main class="demo-main">
                            <div class="demo-workarea">
                                <section class="demo-canvas" aria-label="Recent generations">
                                    {(0..8).map(|i| view! { <div class=format!("demo-tile demo-tile--{i}")></div> }).collect_view()}
                                </section>
                                <EditingTools />
                            </div>
                            <GenerationBar />
                        </main>
                    }
                >
                    <main class="demo-main demo-main--settings">
                        <SubscriptionPage />
                    </main>
                </Show>
            </CreditsProvider>
        </div>
    }
}

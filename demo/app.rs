use leptos::prelude::*;
use leptos_credits::{CreditsClient, CreditsProvider};

use crate::editing_tools::EditingTools;
use crate::generation_bar::GenerationBar;
use crate::workspaces::WORKSPACES;

/// The host app: a header with the workspace switcher, a canvas, and the generation bar.
#[component]
pub fn App() -> impl IntoView {
    let selected = RwSignal::new(0usize);
    let current = move || &WORKSPACES[selected.get().min(WORKSPACES.len() - 1)];
    let client = Signal::derive(move || CreditsClient::new("/api").with_token(current().token));
    let workspace = Signal::derive(move || current().id.to_owned());

    view! {
        <div class="demo-app">
            <header class="demo-header">
                <span class="demo-logo" aria-hidden="true"></span>
                <span class="demo-brand">"Lumen Studio"</span>
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
                <main class="demo-main">
                    <div class="demo-workarea">
                        <section class="demo-canvas" aria-label="Recent generations">
                            {(0..8).map(|i| view! { <div class=format!("demo-tile demo-tile--{i}")></div> }).collect_view()}
                        </section>
                        <EditingTools />
                    </div>
                    <GenerationBar />
                </main>
            </CreditsProvider>
        </div>
    }
}

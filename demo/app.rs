use leptos::prelude::*;
use leptos_credits::primitives::dynamic;
use leptos_credits::{CreditsClient, CreditsProvider, CreditsStyles};

use crate::bar_settings::Settings;
use crate::editing_tools::EditingTools;
use crate::generation_bar::GenerationBar;
use crate::header::Header;
use crate::language::Language;
use crate::subscription_page::SubscriptionPage;
use crate::workspaces::WORKSPACES;

/// The host app: a header with the workspace and language switches, a
/// canvas, and the generation bar.
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
    let language = RwSignal::new(Language::default());
    // The host's own state lives out here, so a language switch, which
    // builds the provider anew with the other catalogue, keeps it.
    let settings = Settings::new();
    let prompt = RwSignal::new(String::new());

    let provided = move || {
        let lang = language.get();
        view! {
            <CreditsProvider client=client workspace=workspace locale=lang.locale() text=lang.text()>
                <Show
                    when=move || on_subscription.get()
                    fallback=move || view! {
                        <main class="demo-main">
                            <div class="demo-workarea">
                                <section class="demo-canvas" aria-label="Recent generations" lang="en">
                                    {(0..8).map(|i| view! { <div class=format!("demo-tile demo-tile--{i}")></div> }).collect_view()}
                                </section>
                                <EditingTools language=lang />
                            </div>
                            <GenerationBar settings=settings prompt=prompt />
                        </main>
                    }
                >
                    <main class="demo-main demo-main--settings">
                        <SubscriptionPage />
                    </main>
                </Show>
            </CreditsProvider>
        }
        .into_any()
    };

    view! {
        // The library's CSS, in one <style> at the top of <head>; index.html links only the demo's.
        <CreditsStyles />
        <div class="demo-app">
            <Header selected=selected on_subscription=on_subscription language=language />
            {dynamic(provided)}
        </div>
    }
}

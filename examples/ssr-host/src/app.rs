//! The page: a header with the demo workspaces, the generation bar and
//! Settings → Subscription, all under one `CreditsProvider`.

use leptos::prelude::*;
use leptos_credits::{
    CreditsClient, CreditsProvider, CreditsStyles, PlanComparison, PlanId, SubscriptionBalance,
    UsageHistory,
};
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::StaticSegment;

use crate::generation_bar::GenerationBar;

/// The member and workspace when the address names none.
pub const DEFAULT_WORKSPACE: &str = "ws_pro_team";
pub const DEFAULT_TOKEN: &str = "tok_pro_admin";

/// The reference server's demo members (`--seed-demo`): (workspace, token, label).
/// A real host would know its member from the session; here the address says
/// who is signed in, so every case can be opened with a link.
const MEMBERS: &[(&str, &str, &str)] = &[
    (
        "ws_pro_team",
        "tok_pro_admin",
        "Northwind Studio, Pro (Ari, admin)",
    ),
    (
        "ws_pro_team",
        "tok_pro_member",
        "Northwind Studio, Pro (Kim, member)",
    ),
    (
        "ws_basic_limit",
        "tok_basic_owner",
        "Harbor Lane Photo, Basic, limit reached",
    ),
    (
        "ws_free_empty",
        "tok_free_owner",
        "Lumen Sketchbook, Free, trial used up",
    ),
    ("ws_trial", "tok_trial_owner", "Pinecone Prototypes, trial"),
];

/// The HTML document the server sends; the browser hydrates its `<body>`.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>"Lumen Studio: leptos-credits, server-rendered"</title>
                // No icon to fetch: a 404 for /favicon.ico would be a console error.
                <link rel="icon" href="data:," />
                <HydrationScripts options />
                // Where leptos_meta puts <CreditsStyles/>'s <style>, server-side.
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        // The library's CSS: one <style> in the head, no file to serve.
        <CreditsStyles />
        <Router>
            <Routes fallback=|| view! { <p>"Not found."</p> }>
                <Route path=StaticSegment("") view=CreditsPage />
            </Routes>
        </Router>
    }
}

/// `/?workspace=ID&token=TOKEN` (both optional).
#[component]
fn CreditsPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |key: &str, default: &str| {
        query
            .with(|q| q.get(key))
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| default.to_owned())
    };
    let token = Signal::derive(move || param("token", DEFAULT_TOKEN));
    let workspace = Signal::derive(move || param("workspace", DEFAULT_WORKSPACE));
    // Same origin as the page: the API is mounted in this server at /api.
    let client = Signal::derive(move || CreditsClient::new("/api").with_token(token.get()));
    // What the host's stand-in checkout and generation say, under the bar.
    let status = RwSignal::new(String::new());
    let on_upgrade = Callback::new(move |plan: PlanId| {
        status.set(format!(
            "The checkout for the {} plan would open here.",
            plan.as_str()
        ));
    });

    view! {
        <header class="host-header">
            <h1>"Lumen Studio"</h1>
            <nav aria-label="Demo members">
                <ul>
                    {MEMBERS
                        .iter()
                        .map(|&(ws, tok, label)| {
                            let current = move || {
                                (workspace.get() == ws && token.get() == tok).then_some("page")
                            };
                            view! {
                                <li>
                                    <a href=format!("/?workspace={ws}&token={tok}") aria-current=current>
                                        {label}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <CreditsProvider client=client workspace=workspace>
            <main class="host-main">
                <section class="host-create" aria-labelledby="host-create-title">
                    <h2 id="host-create-title">"Create"</h2>
                    <GenerationBar status=status />
                </section>
                <section class="host-settings" aria-label="Settings">
                    <SubscriptionBalance />
                    <PlanComparison on_upgrade=on_upgrade />
                    <UsageHistory page_size=10u32 />
                </section>
            </main>
        </CreditsProvider>
    }
}

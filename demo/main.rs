//! The demo page Trunk builds: a host app's generation bar with the credits components.

// Under `ssr` (the workspace's native tests build every target with it) the
// page's view type nests deeper than the default limit, as Leptos's SSR examples note.
#![recursion_limit = "256"]

mod app;
mod bar_settings;
mod editing_tools;
mod generation_bar;
mod header;
mod language;
mod live_state;
mod mode_switch;
mod spend;
mod subscription_page;
mod workspaces;

fn main() {
    leptos::mount::mount_to_body(app::App);
}

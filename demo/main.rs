//! The demo page Trunk builds: a host app's generation bar with the credits components.

mod app;
mod editing_tools;
mod generation_bar;
mod spend;
mod subscription_page;
mod workspaces;

fn main() {
    leptos::mount::mount_to_body(app::App);
}

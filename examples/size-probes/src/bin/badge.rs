//! A host that shows only the cost badge.

use leptos::prelude::*;
use leptos_credits::CostBadge;

fn main() {
    size_probes::mount(|| view! { <CostBadge action=size_probes::action() /> });
}

//! The floor every surface stands on: Leptos, the client, the provider and the
//! styles, with one balance read so the client's code is kept.

use leptos::prelude::*;
use leptos_credits::use_balance;

fn main() {
    size_probes::mount(|| {
        let balance = use_balance();
        move || balance.state.with(|s| s.known().map(|k| k.figures.balance))
    });
}

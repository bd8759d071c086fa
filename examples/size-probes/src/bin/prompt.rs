//! The out-of-credits prompt, opened from a refused generation.

use leptos::prelude::*;
use leptos_credits::{OutOfCreditsPrompt, Refusal};

fn main() {
    size_probes::mount(|| {
        let refusal = RwSignal::new(None::<Refusal>);
        view! { <OutOfCreditsPrompt refusal=refusal on_close=Callback::new(move |()| refusal.set(None)) /> }
    });
}

//! What every probe shares: Leptos, the client, a provider and the styles.

use leptos::prelude::*;
use leptos_credits::{
    CreditAction, CreditsClient, CreditsProvider, CreditsStyles, ImageGenerate, Quality,
};

/// Mounts `surface` under a provider on the demo's API, as a host's page would.
pub fn mount<V: IntoView + 'static>(surface: fn() -> V) {
    leptos::mount::mount_to_body(move || {
        let client = CreditsClient::new("/api").with_token("tok_pro_admin");
        view! {
            <CreditsStyles />
            <CreditsProvider client=client workspace="ws_pro_team">
                {surface()}
            </CreditsProvider>
        }
    });
}

/// The action every generation-bar probe prices.
pub fn action() -> Signal<CreditAction> {
    let quality = RwSignal::new(Quality::Standard);
    let count = RwSignal::new(4u32);
    Signal::derive(move || {
        CreditAction::ImageGenerate(ImageGenerate::new(quality.get(), count.get()))
    })
}

//! The generation bar: badge, estimator, Generate and the low-balance banner.

use leptos::prelude::*;
use leptos_credits::{CostBadge, CostEstimator, CreditAction, GenerateButton, LowBalanceBanner};

fn main() {
    size_probes::mount(|| {
        let action = size_probes::action();
        let generate = Callback::new(|_: CreditAction| ());
        view! {
            <LowBalanceBanner />
            <CostBadge action=action />
            <CostEstimator action=action />
            <GenerateButton action=action on_generate=generate />
        }
    });
}

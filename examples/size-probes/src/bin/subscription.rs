//! Settings → Subscription: the balance, the plans and the history.

use leptos::prelude::*;
use leptos_credits::{PlanComparison, SubscriptionBalance, UsageHistory};

fn main() {
    size_probes::mount(|| {
        view! {
            <SubscriptionBalance />
            <PlanComparison />
            <UsageHistory />
        }
    });
}

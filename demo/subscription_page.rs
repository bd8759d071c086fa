//! Settings → Subscription: the balance, the plans and the spend history of
//! the workspace the header's switcher picks.

use leptos::prelude::*;
use leptos_credits::{PlanComparison, SubscriptionBalance, UsageHistory};

#[component]
pub fn SubscriptionPage() -> impl IntoView {
    view! {
        <div class="demo-subscription">
            <SubscriptionBalance />
            <PlanComparison />
            <UsageHistory page_size=10u32 />
        </div>
    }
}

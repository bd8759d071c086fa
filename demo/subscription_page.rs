//! Settings → Subscription: the balance, the credit requests (an admin
//! answers them; a member sees their own), the plans and the spend history
//! of the workspace the header's switcher picks.

use leptos::prelude::*;
use leptos_credits::{CreditRequests, PlanComparison, SubscriptionBalance, UsageHistory};

#[component]
pub fn SubscriptionPage() -> impl IntoView {
    view! {
        <div class="demo-subscription">
            <SubscriptionBalance />
            <CreditRequests />
            <PlanComparison />
            <UsageHistory page_size=10u32 />
        </div>
    }
}

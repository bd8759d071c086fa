//! The settings elements and the prompt: Subscription, usage history,
//! plans, out of credits.

use leptos::prelude::*;
use leptos_credits::out_of_credits::OutOfCreditsPromptProps;
use leptos_credits::plan_comparison::PlanComparisonProps;
use leptos_credits::subscription::SubscriptionBalanceProps;
use leptos_credits::{
    OutOfCreditsPrompt, PlanComparison, PlanId, PurchaseResponse, SubscriptionBalance, UsageHistory,
};
use serde::Serialize;

use super::Host;
use crate::decode;
use crate::provider::Shared;
use crate::surface::Props;

#[derive(Serialize)]
struct Upgrade {
    plan: PlanId,
}

#[derive(Serialize)]
struct TopUp {
    credits: u64,
}

#[derive(Serialize)]
struct Pick {
    action: leptos_credits::CreditAction,
}

/// Without `builtin-checkout`, the host handles buying: `callback` sends its events.
fn to_host<T: 'static>(
    props: &Props,
    callback: impl Fn(T) + Send + Sync + 'static,
) -> Option<Callback<T>> {
    props
        .at_mount("builtin-checkout")
        .is_none()
        .then(|| Callback::new(callback))
}

fn upgrade(props: &Props, host: &Host) -> Option<Callback<PlanId>> {
    let host = host.clone();
    to_host(props, move |plan| {
        host.send("credits-upgrade", &Upgrade { plan }, false);
    })
}

fn fix_payment(props: &Props, host: &Host) -> Option<Callback<()>> {
    let host = host.clone();
    to_host(props, move |()| host.signal("credits-fix-payment"))
}

pub fn subscription(props: &Props, host: Host) -> AnyView {
    let renew = host.clone();
    SubscriptionBalance(SubscriptionBalanceProps {
        on_renew: to_host(props, move |()| renew.signal("credits-renew")),
        on_fix_payment: fix_payment(props, &host),
        class: MaybeProp::default(),
    })
    .into_any()
}

pub fn usage_history(props: &Props) -> AnyView {
    let page_size = decode::number::<u32>(props.at_mount("page-size"));
    match page_size {
        Some(size) => view! { <UsageHistory page_size=size /> }.into_any(),
        None => view! { <UsageHistory /> }.into_any(),
    }
}

pub fn plans(props: &Props, host: Host) -> AnyView {
    PlanComparison(PlanComparisonProps {
        on_upgrade: upgrade(props, &host),
        class: MaybeProp::default(),
    })
    .into_any()
}

pub fn prompt(props: &Props, host: Host, shared: Option<Shared>) -> AnyView {
    let refusal = shared
        .map(|s| s.refusal)
        .unwrap_or_else(|| RwSignal::new(None));
    let (close, top_up, ask, pick, bought) = (
        host.clone(),
        host.clone(),
        host.clone(),
        host.clone(),
        host.clone(),
    );
    OutOfCreditsPrompt(OutOfCreditsPromptProps {
        refusal: refusal.into(),
        on_close: Callback::new(move |()| {
            refusal.set(None);
            close.signal("credits-close");
        }),
        on_upgrade: upgrade(props, &host),
        on_top_up: to_host(props, move |credits| {
            top_up.send("credits-top-up", &TopUp { credits }, false);
        }),
        on_ask_admin: Some(Callback::new(move |()| ask.signal("credits-ask-admin"))),
        on_fix_payment: fix_payment(props, &host),
        on_pick: Some(Callback::new(move |action| {
            pick.send("credits-pick", &Pick { action }, false);
        })),
        top_ups: None,
        on_purchase: Some(Callback::new(move |p: PurchaseResponse| {
            bought.send("credits-purchase", &p, false);
        })),
    })
    .into_any()
}

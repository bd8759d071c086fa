//! The generation bar's elements: badge, estimator, Generate, low balance.

use leptos::prelude::*;
use leptos_credits::cost_estimator::CostEstimatorProps;
use leptos_credits::generate_button::GenerateButtonProps;
use leptos_credits::{
    use_balance, Affordability, CostBadge, CostEstimator, CreditAction, DraftPlan, GenerateButton,
    LowBalanceBanner, Refusal,
};
use serde::Serialize;

use super::{with_action, Host};
use crate::decode;
use crate::provider::Shared;
use crate::surface::Props;

#[derive(Serialize)]
struct WithAction {
    action: CreditAction,
}

#[derive(Serialize)]
struct Short {
    shortfall: u64,
    action: CreditAction,
}

#[derive(Serialize)]
struct Draft {
    draft: CreditAction,
    finish: CreditAction,
}

#[derive(Serialize)]
struct Open {
    open: bool,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Fit {
    Short {
        cost: u64,
        shortfall: u64,
    },
    Blocked {
        #[serde(rename = "requiredPlan")]
        required_plan: Option<String>,
    },
}

#[derive(Serialize)]
struct Refused {
    affordability: Option<Fit>,
    action: CreditAction,
}

pub fn badge(props: &Props) -> AnyView {
    with_action(props, |action| {
        view! { <CostBadge action=action /> }.into_any()
    })
}

pub fn estimator(props: &Props, host: Host, shared: Option<Shared>) -> AnyView {
    // With a link, the estimator follows it (after its own URL check);
    // without one, "Get more credits" is the host's event and the prompt.
    let href = props.at_mount("subscription-href");
    let to_host = href.is_none();
    let draft_first = props.at_mount("draft-first").is_some();
    let balance = use_balance();
    with_action(props, move |action| {
        let (pick, short, draft, open) = (host.clone(), host.clone(), host.clone(), host.clone());
        CostEstimator(CostEstimatorProps {
            action,
            on_pick: Some(Callback::new(move |action| {
                pick.send("credits-pick", &WithAction { action }, false);
            })),
            on_short: to_host.then(|| {
                Callback::new(move |shortfall| {
                    let action = action.get_untracked();
                    let detail = Short {
                        shortfall,
                        action: action.clone(),
                    };
                    let figures = balance
                        .state
                        .with_untracked(|s| s.known().map(|k| k.figures.clone()));
                    if short.send("credits-short", &detail, true) {
                        if let (Some(shared), Some(f)) = (shared, figures) {
                            shared.refusal.set(Refusal::from_estimator_shortfall(
                                shortfall,
                                &f,
                                Some(action),
                            ));
                        }
                    }
                })
            }),
            on_draft_first: draft_first.then(|| {
                Callback::new(move |plan: DraftPlan| {
                    let detail = Draft {
                        draft: plan.draft,
                        finish: plan.finish,
                    };
                    draft.send("credits-draft-first", &detail, false);
                })
            }),
            open: MaybeProp::default(),
            on_open_change: Some(Callback::new(move |now| {
                open.send("credits-open-change", &Open { open: now }, false);
            })),
            subscription_href: href.clone().into(),
            class: MaybeProp::default(),
        })
        .into_any()
    })
}

pub fn generate(props: &Props, host: Host, shared: Option<Shared>) -> AnyView {
    let label = props.text("label");
    let busy = props.flag("busy");
    let hide_cost = props.at_mount("hide-cost").is_some();
    let balance = use_balance();
    with_action(props, move |action| {
        let (start, refuse) = (host.clone(), host.clone());
        GenerateButton(GenerateButtonProps {
            action,
            on_generate: Callback::new(move |action| {
                start.send("credits-generate", &WithAction { action }, false);
            }),
            on_refused: Some(Callback::new(move |fit: Affordability| {
                let action = action.get_untracked();
                let detail = Refused {
                    affordability: fit_detail(&fit),
                    action: action.clone(),
                };
                if refuse.send("credits-refused", &detail, true) {
                    let figures = balance
                        .state
                        .with_untracked(|s| s.known().map(|k| k.figures.clone()));
                    if let Some(shared) = shared {
                        shared.refusal.set(Refusal::from_affordability(
                            &fit,
                            figures.as_ref(),
                            Some(action),
                        ));
                    }
                }
            })),
            label: label.into(),
            hide_cost,
            busy: busy.into(),
            class: MaybeProp::default(),
        })
        .into_any()
    })
}

fn fit_detail(fit: &Affordability) -> Option<Fit> {
    match fit {
        Affordability::Short { cost, shortfall } => Some(Fit::Short {
            cost: *cost,
            shortfall: *shortfall,
        }),
        Affordability::Blocked { required_plan } => Some(Fit::Blocked {
            required_plan: required_plan.clone(),
        }),
        _ => None,
    }
}

pub fn low_balance(props: &Props, host: Host) -> AnyView {
    let next_cost = props.text("next-cost");
    let next_cost = Signal::derive(move || decode::number::<u64>(next_cost.get()));
    let on_dismiss = Callback::new(move |()| host.signal("credits-dismiss"));
    view! { <LowBalanceBanner next_cost=next_cost on_dismiss=on_dismiss /> }.into_any()
}

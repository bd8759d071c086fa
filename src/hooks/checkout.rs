//! `use_checkout`: buying from a view (a top-up, another plan, a renewal, a
//! payment fix) through the reference checkout calls, with one idempotency
//! key per person's purchase, so a retry after a dropped answer never buys twice.

use leptos::prelude::*;
use leptos::task::spawn_local;

use credits_core::{PlanId, PurchaseResponse};

use crate::api::new_idempotency_key;
use crate::{use_credits, ClientError, CreditsContext};

/// What a person buys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Order {
    /// A pack of credits (a `top_up` grant).
    TopUp { credits: u64 },
    /// Another plan: an upgrade at once, a downgrade at the cycle's end.
    ChangePlan(PlanId),
    /// An expired or canceled subscription, started again.
    Renew,
    /// A past-due workspace's payment, settled.
    FixPayment,
    /// A top-up that answers a member's credit request (`req_...`), marking it granted.
    TopUpFor { credits: u64, request: String },
    /// A plan change that answers a member's credit request, marking it granted.
    ChangePlanFor { plan: PlanId, request: String },
}

/// Where the last order stands.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckoutState {
    Idle,
    Working(Order),
    Done(Order, PurchaseResponse),
    /// Nothing was bought, or the answer was lost: ordering the same again
    /// reuses the key, so the server answers the first purchase if there was one.
    Failed(Order, ClientError),
}

impl CheckoutState {
    pub fn is_working(&self) -> bool {
        matches!(self, CheckoutState::Working(_))
    }
}

/// [`use_checkout`]'s state and the way to order.
#[derive(Clone, Copy)]
pub struct CheckoutHandle {
    pub state: Signal<CheckoutState>,
    /// Ignored while an order is under way.
    pub order: Callback<Order>,
}

/// Orders through the provider's client for its workspace. After a purchase
/// the shared balance is asked again at once (every view that shows the plan,
/// the grants or the purchases follows it) and kept quotes are dropped: a new
/// plan may allow what was refused.
/// Outside a provider every order fails with [`ClientError::NoProvider`].
pub fn use_checkout() -> CheckoutHandle {
    let state = RwSignal::new(CheckoutState::Idle);
    let ctx = use_credits();
    // The key of the last failed order, kept for the same order's retry.
    let kept = StoredValue::new(None::<(Order, String)>);
    let order = Callback::new(move |order: Order| {
        if state.with_untracked(CheckoutState::is_working) {
            return;
        }
        let Some(ctx) = ctx else {
            state.set(CheckoutState::Failed(order, ClientError::NoProvider));
            return;
        };
        let key = match kept.get_value() {
            Some((before, key)) if before == order => key,
            _ => new_idempotency_key(),
        };
        kept.set_value(Some((order.clone(), key.clone())));
        state.set(CheckoutState::Working(order.clone()));
        let (client, workspace) = (ctx.client.get_untracked(), ctx.workspace.get_untracked());
        spawn_local(async move {
            let answer = match &order {
                Order::TopUp { credits } => client.top_up(&workspace, *credits, &key).await,
                Order::ChangePlan(plan) => client.change_plan(&workspace, *plan, &key).await,
                Order::Renew => client.renew(&workspace, &key).await,
                Order::FixPayment => client.fix_payment(&workspace, &key).await,
                Order::TopUpFor { credits, request } => {
                    client
                        .top_up_for_request(&workspace, *credits, request, &key)
                        .await
                }
                Order::ChangePlanFor { plan, request } => {
                    client
                        .change_plan_for_request(&workspace, *plan, request, &key)
                        .await
                }
            };
            match answer {
                Ok(done) => {
                    kept.try_set_value(None);
                    state.try_set(CheckoutState::Done(order, done));
                    bought(ctx);
                }
                Err(e) => {
                    state.try_set(CheckoutState::Failed(order, e));
                }
            }
        });
    });
    CheckoutHandle {
        state: state.into(),
        order,
    }
}

fn bought(ctx: CreditsContext) {
    ctx.forget_quotes();
    ctx.balance.refresh_now();
}

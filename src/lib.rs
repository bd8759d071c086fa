//! # leptos-credits
//!
//! Leptos components that show people what an AI image or video action costs
//! in credits, how many credits they have, and what to do when they run out.
//! They read quotes and balances from the credits JSON API
//! ([`docs/api.md`](https://github.com/leptos-credits/leptos-credits/blob/main/docs/api.md), served by the `credits-server` reference server).
//!
//! Leptos compatibility: 0.8. The crate leaves the rendering mode to its
//! host: turn on `csr`, `hydrate` or `ssr` to pass it through to Leptos.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_credits::*;
//!
//! #[component]
//! fn GenerateBar() -> impl IntoView {
//!     let client = CreditsClient::new("/api").with_token("tok_pro_admin");
//!     let quality = RwSignal::new(Quality::Standard);
//!     let action = Signal::derive(move || CreditAction::ImageGenerate(ImageGenerate::new(quality.get(), 4)));
//!     view! {
//!         <CreditsProvider client=client workspace="ws_pro_team">
//!             <button type="submit">"Generate"</button>
//!             <CostBadge action=action />
//!         </CreditsProvider>
//!     }
//! }
//! ```

/// The README's examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub mod api;
pub mod balance;
pub mod cost_badge;
pub mod cost_estimator;
pub mod credit_requests;
pub mod generate_button;
pub mod hooks;
pub mod intl;
pub mod locales;
pub mod low_balance;
pub mod out_of_credits;
pub mod plan_comparison;
pub mod primitives;
pub mod provider;
pub mod styles;
pub mod subscription;
// Browser-test helpers for hosts and this crate's own tests (feature `testing`).
#[cfg(feature = "testing")]
pub mod testing;
pub mod text;
pub mod usage_history;

pub use api::{
    BalanceAnswer, ClientError, CreditsClient, FeatureNotInPlan, InsufficientCredits, RetryPolicy,
};
pub use balance::{
    use_balance, BalanceHandle, BalanceState, BalanceStore, KnownBalance, Liveness, POLL_INTERVAL,
};
pub use cost_badge::CostBadge;
pub use cost_estimator::CostEstimator;
pub use credit_requests::CreditRequests;
pub use credits_core::estimate::{DraftPlan, PlanCost};
/// What an action is, for pricing: `credits_core::Action`, named so that
/// `use leptos::prelude::*; use leptos_credits::*;` stays unambiguous
/// (Leptos's prelude has its own `Action`).
pub use credits_core::Action as CreditAction;
pub use credits_core::{
    Blocked, BreakdownKind, BreakdownLine, CreditRequest, CreditRequestsResponse, EditCount,
    EditTool, ImageGenerate, ModelTrain, NewCreditRequest, Plan, PlanId, Problem, Purchase,
    PurchaseKind, PurchaseResponse, Quality, Quote, QuoteItem, QuoteResponse, RequestStatus,
    Resolution, Upscale, VideoGenerate,
};
pub use generate_button::{use_affordability, Affordability, FinishButton, GenerateButton};
pub use hooks::{
    use_checkout, use_quote, use_quotes, CheckoutHandle, CheckoutState, Loaded, Order, QuoteHandle,
    QuoteState, QuotesHandle, QuotesState,
};
pub use low_balance::LowBalanceBanner;
pub use out_of_credits::{OutOfCreditsPrompt, PromptHooks, Refusal, DEFAULT_TOP_UPS};
pub use plan_comparison::PlanComparison;
pub use provider::{provide_credits, use_credits, CreditsContext, CreditsProvider};
pub use styles::{CreditsStyles, Theme};
pub use subscription::SubscriptionBalance;
pub use text::{
    BreakdownText, CreditsText, PluralText, PromptText, RequestsText, SubscriptionText,
};
pub use usage_history::UsageHistory;

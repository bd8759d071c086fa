//! The credits API's wire types and pure credit rules.
//!
//! One definition of every JSON shape of the API contract
//! ([`docs/api.md`](https://github.com/leptos-credits/leptos-credits/blob/main/docs/api.md)),
//! used by the `leptos-credits` components (in the browser) and by
//! `credits-server`.
//! It needs neither Leptos nor web-sys, so every rule here is tested natively.

pub mod action;
pub mod balance;
pub mod breakdown;
pub mod checkout;
pub mod credit_request;
pub mod estimate;
pub mod generation;
pub mod links;
pub mod live;
mod open_enum;
pub mod plan;
pub mod pricing;
pub mod problem;
pub mod prompt;
pub mod prompt_facts;
pub mod prompt_fit;
#[cfg(test)]
mod prompt_fixtures;
pub mod prompt_lines;
pub mod prompt_reasons;
pub mod prompt_ways;
pub mod quote;
pub mod recommend;
pub mod refusal;
pub mod sse;
pub mod subscription;
pub mod time;
pub mod usage;
pub mod usage_merge;
pub mod validate;
pub mod ways_out;

pub use action::{
    Action, EditCount, ImageGenerate, ModelTrain, Quality, Resolution, Upscale, VideoGenerate,
};
pub use balance::{
    BalanceMember, BalanceResponse, CycleView, GrantKind, GrantView, PaymentMethod, Role, Status,
    WorkspaceRef,
};
pub use breakdown::{BreakdownKind, BreakdownLine, EditTool};
pub use checkout::{
    EmptyRequest, PendingPlanChange, PlanChangeRequest, Purchase, PurchaseKind, PurchaseResponse,
    TopUpRequest,
};
pub use credit_request::{
    CreditRequest, CreditRequestsResponse, DeclineCreditRequest, NewCreditRequest, RequestStatus,
};
pub use generation::GenerationResponse;
pub use plan::{Plan, PlanId, PlansResponse, Price};
pub use pricing::{price, PriceBook};
pub use problem::Problem;
pub use quote::{Blocked, Quote, QuoteItem, QuoteRequest, QuoteResponse};
pub use refusal::{refusal_reason, suggested_plan, Reason, ShortfallFacts};
pub use usage::{
    MemberRef, MemberSpend, UsageFilter, UsageItem, UsageResponse, UsageStatus, UsageTotals,
};
pub use validate::{check_action, parse_action};

// The README's example runs as a doctest, so it stays correct.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctest;

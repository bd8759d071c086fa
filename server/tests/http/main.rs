//! credits-server over real HTTP: each test starts a server in-process on
//! `127.0.0.1:0` (or runs the binary) and talks to it with reqwest.

mod auth;
mod balance;
mod binary;
mod checkout;
mod checkout_plan;
mod concurrency;
mod cors;
mod durability;
mod errors;
mod events;
mod events_readers;
mod events_requests;
mod events_restart;
mod events_writes;
mod fork_hook;
mod generations;
mod idempotency;
mod methods;
mod never_5xx;
mod openapi;
mod openapi_samples;
mod openapi_shape;
mod panics;
mod plans;
mod price_book;
mod quote_breakdown;
mod quotes;
mod refusals;
mod requests;
mod sse;
mod static_files;
mod support;
mod test_hooks;
mod usage;
mod usage_filters;

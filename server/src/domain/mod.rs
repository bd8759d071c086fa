//! The domain: plain data about workspaces (`model`), the plans
//! (`catalog`), the rules of spending and of checkout, time, and the demo
//! data. Nothing here knows HTTP or SQL.

pub mod catalog;
pub mod checkout;
pub mod clock;
pub mod demo_data;
pub mod hash;
pub mod model;
pub mod requests;
pub mod spending;

//! Persistence: the SQLite database (`db`: schema, statements, transactions)
//! and the `store` in front of it, which keeps workspaces and tokens cached.

pub mod db;
pub mod event_hub;
pub mod store;

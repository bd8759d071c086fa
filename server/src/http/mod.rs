//! The HTTP layer: routes and their handlers, the extractor of who asks
//! (`auth::Member`), request bodies, problems, CORS, logs, static files and
//! the browser tests' hooks.

pub mod auth;
pub mod cors;
pub mod cursor;
pub mod event_stream;
pub mod fallback;
pub mod json_body;
pub mod logging;
pub mod problem;
pub mod routes;
pub mod static_files;
pub mod strict_json;
pub mod test_hooks;

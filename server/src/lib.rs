//! # credits-server
//!
//! The reference server of the credits JSON API (`docs/api.md`), mounted
//! under `/api`: `GET /api/v1/plans` and `POST /api/v1/workspaces/{workspace}/quotes`.
//! Prices come from `data/price-book.toml`, plans from `data/plans.toml`, the
//! demo workspaces (`--seed-demo`) from `data/demo.toml`; all three are
//! compiled in.
//!
//! To run it inside a test:
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let config = credits_server::Config { seed_demo: true, ..Default::default() };
//! let state = credits_server::AppState::new(&config)?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let base = format!("http://{}/api", listener.local_addr()?);
//! tokio::spawn(credits_server::serve(listener, state, std::future::pending()));
//! # Ok(()) }
//! ```

pub mod cli;
pub mod domain;
pub mod http;
pub mod persistence;
pub mod state;

// `examples/ssr-host` initialises the logs through this path.
pub use http::logging;

use std::future::Future;

use axum::{middleware, Router};
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;

pub use state::{AppState, Config, StartError};

/// The whole HTTP application: the API under `/api`, the fallback, the test hooks
/// (with `Config::test_hooks`), panics answered as problems, CORS and request logs.
pub fn app(state: AppState) -> Router {
    Router::new()
        .nest("/api", http::routes::api(state.hooks.is_some()))
        .fallback(http::fallback::fallback)
        .layer(middleware::from_fn(http::fallback::problem_for_bare_errors))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            http::test_hooks::middleware::apply,
        ))
        .layer(CatchPanicLayer::custom(http::problem::for_panic))
        .layer(http::cors::layer())
        .layer(middleware::from_fn(logging::log_requests))
        .with_state(state)
}

/// Answers requests on `listener` until `shutdown` completes, then lets open requests finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let store = state.store.clone();
    let shutdown = async move {
        shutdown.await;
        // Balance streams never end by themselves: end them, so open requests can finish.
        store.event_hub().close_all();
    };
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Completes on Ctrl-C, or on SIGTERM where there are signals.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

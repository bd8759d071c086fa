//! What the server is started with (`Config`) and what every request can read (`AppState`).

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use credits_core::PriceBook;

use crate::domain::catalog::Catalog;
use crate::domain::clock;
use crate::domain::demo_data;
use crate::http::test_hooks::TestHooks;
use crate::persistence::store::Store;

/// The price book compiled into the binary: `server/data/price-book.toml`.
pub const PRICE_BOOK_TOML: &str = include_str!("../data/price-book.toml");

/// How to start the server; `Config::default()` has plans and prices but no workspaces.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Load the demo workspaces, tokens and history (`server/data/demo.toml`)
    /// into the database, unless it already holds workspaces.
    pub seed_demo: bool,
    /// The SQLite database file (created and migrated on first start); `None`: in memory.
    pub db: Option<PathBuf>,
    /// Serve this directory's files at `/`, with `index.html` for unknown paths.
    pub static_dir: Option<PathBuf>,
    /// Read the price book from this file instead of the compiled-in one.
    pub price_book: Option<PathBuf>,
    /// Answer the `/api/_test/*` hooks and honour `X-Test-Client` (never in the demo).
    pub test_hooks: bool,
    /// How often an idle balance stream gets a keep-alive comment; `None`: [`HEARTBEAT`].
    pub heartbeat_ms: Option<u64>,
}

/// How often an idle balance stream gets a keep-alive comment, by default.
pub const HEARTBEAT: Duration = Duration::from_secs(15);
/// The longest heartbeat period accepted (a day).
pub const MAX_HEARTBEAT_MS: u64 = 86_400_000;

/// A reason the server cannot start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartError(pub String);

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

/// Shared by every request; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub catalog: Arc<Catalog>,
    pub price_book: Arc<PriceBook>,
    pub store: Arc<Store>,
    pub static_dir: Option<Arc<PathBuf>>,
    /// `Some` only with `Config::test_hooks`.
    pub hooks: Option<Arc<TestHooks>>,
    /// The balance streams' keep-alive period.
    pub heartbeat: Duration,
}

impl AppState {
    pub fn new(config: &Config) -> Result<Self, StartError> {
        let price_book = match &config.price_book {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| StartError(format!("cannot read {}: {e}", path.display())))?;
                parse_price_book(&text, &path.display().to_string())?
            }
            None => parse_price_book(PRICE_BOOK_TOML, "server/data/price-book.toml")?,
        };
        let catalog = Catalog::shipped().map_err(StartError)?;
        let store = Store::open(config.db.as_deref()).map_err(StartError)?;
        if config.seed_demo {
            let seed = demo_data::demo_seed(clock::now()).map_err(StartError)?;
            store.seed_if_empty(&seed).map_err(StartError)?;
        }
        if let Some(dir) = &config.static_dir {
            if !dir.is_dir() {
                return Err(StartError(format!(
                    "--static {}: not a directory",
                    dir.display()
                )));
            }
        }
        Ok(AppState {
            catalog: Arc::new(catalog),
            price_book: Arc::new(price_book),
            store: Arc::new(store),
            static_dir: config.static_dir.clone().map(Arc::new),
            hooks: config.test_hooks.then(|| Arc::new(TestHooks::default())),
            heartbeat: config.heartbeat_ms.map_or(HEARTBEAT, |ms| {
                Duration::from_millis(ms.clamp(1, MAX_HEARTBEAT_MS))
            }),
        })
    }
}

/// A price book from TOML, refused when it breaks one of the contract's price rules.
pub fn parse_price_book(text: &str, name: &str) -> Result<PriceBook, StartError> {
    let book: PriceBook =
        toml::from_str(text).map_err(|e| StartError(format!("price book {name}: {e}")))?;
    book.check_rules()
        .map_err(|why| StartError(format!("price book {name}: {why}")))?;
    Ok(book)
}

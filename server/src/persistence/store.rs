//! Where workspaces, members, tokens, the ledger and idempotency keys live.
//!
//! SQLite is the truth (see `db`). Workspaces and tokens are also kept in
//! memory, refreshed after every committed spend, so quotes and balances are
//! answered without touching the database. A spend holds the connection for
//! one `BEGIN IMMEDIATE` transaction, so two spends never interleave.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard};

use rusqlite::Connection;

use crate::domain::model::{Member, Seed, Workspace};
use crate::persistence::db::keys::Earlier;
use crate::persistence::db::spend::{Outcome, SpendRequest};
use crate::persistence::db::{self, usage};
use crate::persistence::event_hub::EventHub;

/// A member as a workspace knows them, with the workspace as it is now.
#[derive(Debug, Clone)]
pub struct MemberView {
    pub member: Member,
    pub workspace: Workspace,
}

/// A spend that happened, now or (`replayed`) under the same key before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spent {
    /// The 201's body (a `GenerationResponse`), exactly as first answered.
    pub answer: String,
    pub replayed: bool,
}

/// Why nothing was spent.
#[derive(Debug, Clone)]
pub enum SpendRefusal {
    /// The key was used before with another request.
    KeyConflict,
    /// The live grants hold less than the cost.
    Short(Box<Shortfall>),
    /// The workspace is gone.
    NoWorkspace,
    /// The database failed (disk full, I/O error): nothing was spent.
    Storage(String),
}

/// The workspace as it was when the spend was refused, with this cycle's spend.
#[derive(Debug, Clone)]
pub struct Shortfall {
    pub workspace: Workspace,
    pub balance: u64,
    pub own_cycle_spend: u64,
    pub others_cycle_spend: u64,
}

#[derive(Debug, Default)]
struct Cache {
    workspaces: HashMap<String, Workspace>,
    /// Bearer token → member id.
    tokens: HashMap<String, String>,
}

pub struct Store {
    conn: Mutex<Connection>,
    cache: RwLock<Cache>,
    hub: EventHub,
}

impl Store {
    /// The database at `path` (created and migrated as needed), or a new in-memory one.
    pub fn open(path: Option<&Path>) -> Result<Store, String> {
        let conn = db::open(path)?;
        let store = Store {
            conn: Mutex::new(conn),
            cache: RwLock::new(Cache::default()),
            hub: EventHub::default(),
        };
        store.reload()?;
        Ok(store)
    }

    /// Loads `seed` into a database without workspaces; `false` when it had some.
    pub fn seed_if_empty(&self, seed: &Seed) -> Result<bool, String> {
        let seeded = db::seed::seed_if_empty(&mut self.conn(), seed)
            .map_err(|e| format!("seeding the database: {e}"))?;
        self.reload()?;
        Ok(seeded)
    }

    fn reload(&self) -> Result<(), String> {
        self.reload_with(&self.conn())
    }

    /// Refreshes the cache from `conn`, which the caller holds.
    fn reload_with(&self, conn: &Connection) -> Result<(), String> {
        let cache = Cache {
            workspaces: db::load::workspaces(conn)
                .map_err(|e| format!("reading workspaces: {e}"))?,
            tokens: db::load::tokens(conn).map_err(|e| format!("reading tokens: {e}"))?,
        };
        *self.cache.write().unwrap_or_else(PoisonError::into_inner) = cache;
        Ok(())
    }

    /// The member a bearer token names, if any.
    pub fn member_id_for_token(&self, token: &str) -> Option<String> {
        self.read().tokens.get(token).cloned()
    }

    /// The workspace as `member_id` sees it; `None` when it does not exist or they are not in it.
    pub fn member_view(&self, member_id: &str, workspace_id: &str) -> Option<MemberView> {
        let cache = self.read();
        let workspace = cache.workspaces.get(workspace_id)?;
        let member = workspace.member(member_id)?.clone();
        Some(MemberView {
            member,
            workspace: workspace.clone(),
        })
    }

    pub fn workspace_count(&self) -> usize {
        self.read().workspaces.len()
    }

    /// What a live idempotency key of this member remembers for a request with
    /// `fingerprint`, checked before the request is validated or priced, so that a
    /// repeat gets its first answer whatever changed since. Blocks on the database.
    pub fn earlier(
        &self,
        workspace_id: &str,
        member_id: &str,
        key: &str,
        fingerprint: &str,
        now: i64,
    ) -> Result<Option<Earlier>, String> {
        db::keys::earlier(
            &self.conn(),
            "idempotency",
            workspace_id,
            member_id,
            key,
            fingerprint,
            now,
        )
        .map_err(|e| e.to_string())
    }

    /// Spends `cost` once per idempotency key, atomically. Blocks on the database:
    /// call it off the async runtime's threads.
    pub fn spend(&self, req: &SpendRequest) -> Result<Spent, SpendRefusal> {
        let Some(cycle_start) = self
            .read()
            .workspaces
            .get(&req.workspace_id)
            .map(|w| w.cycle.map(|c| c.started_at))
        else {
            return Err(SpendRefusal::NoWorkspace);
        };
        let mut conn = self.conn();
        let outcome = db::spend::spend(&mut conn, req, cycle_start)
            .map_err(|e| SpendRefusal::Storage(e.to_string()))?;
        let mut cache = self.cache.write().unwrap_or_else(PoisonError::into_inner);
        let workspace = cache
            .workspaces
            .get_mut(&req.workspace_id)
            .ok_or(SpendRefusal::NoWorkspace)?;
        match outcome {
            Outcome::Spent { answer, grants } => {
                workspace.grants = grants;
                workspace.updated_at = req.now;
                drop(cache);
                self.publish_newest(&conn, &req.workspace_id);
                Ok(Spent {
                    answer,
                    replayed: false,
                })
            }
            Outcome::Replayed(answer) => Ok(Spent {
                answer,
                replayed: true,
            }),
            Outcome::KeyConflict => Err(SpendRefusal::KeyConflict),
            Outcome::Short {
                own_cycle_spend,
                others_cycle_spend,
            } => Err(SpendRefusal::Short(Box::new(Shortfall {
                balance: workspace.balance(req.now),
                workspace: workspace.clone(),
                own_cycle_spend,
                others_cycle_spend,
            }))),
        }
    }

    /// A page of the history and, for the cycle starting at `since`, the spend per member.
    pub fn usage(
        &self,
        workspace_id: &str,
        after: Option<usage::After>,
        limit: u32,
        since: i64,
    ) -> Result<usage::Page, String> {
        let conn = self.conn();
        let (rows, more) =
            usage::page(&conn, workspace_id, after, limit).map_err(|e| e.to_string())?;
        let by_member = usage::by_member(&conn, workspace_id, since).map_err(|e| e.to_string())?;
        Ok(usage::Page {
            rows,
            more,
            by_member,
        })
    }

    fn read(&self) -> RwLockReadGuard<'_, Cache> {
        // A panic elsewhere while writing must not take every later request down with it.
        self.cache.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[path = "store_checkout.rs"]
mod checkout;
pub use checkout::CheckedOut;

#[path = "store_hooks.rs"]
mod hooks;

#[path = "store_events.rs"]
mod events;
pub use events::StreamStart;

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;

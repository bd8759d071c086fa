//! The store's checkout side: a checkout in one transaction, and a scheduled
//! downgrade applied once its time has come. Both refresh the cache after.

use super::Store;
use crate::domain::catalog::Catalog;
use crate::persistence::db::checkout::{self, CheckoutRequest, Outcome};

/// A checkout done now or (`replayed`) under the same key before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedOut {
    /// The 201's body (a `PurchaseResponse`), exactly as first answered.
    pub answer: String,
    pub replayed: bool,
}

impl Store {
    /// Runs a checkout once per idempotency key, atomically. Blocks on the database.
    pub fn check_out(
        &self,
        req: &CheckoutRequest,
        catalog: &Catalog,
    ) -> Result<CheckedOut, Outcome> {
        let mut conn = self.conn();
        let outcome = checkout::check_out(&mut conn, req, catalog)
            .map_err(|e| Outcome::Storage(e.to_string()))?;
        match outcome {
            Outcome::Done(answer) => {
                self.reload_with(&conn).map_err(Outcome::Storage)?;
                self.publish_newest(&conn, &req.workspace_id);
                Ok(CheckedOut {
                    answer,
                    replayed: false,
                })
            }
            Outcome::Replayed(answer) => Ok(CheckedOut {
                answer,
                replayed: true,
            }),
            refused => Err(refused),
        }
    }

    /// Applies the workspace's scheduled downgrade when it is due at `now`.
    /// Only touches the database when the cache says one is due.
    pub fn settle(&self, workspace_id: &str, now: i64) -> Result<(), String> {
        let due = self
            .read()
            .workspaces
            .get(workspace_id)
            .and_then(|w| w.pending_change.as_ref())
            .is_some_and(|p| p.effective_at <= now);
        if !due {
            return Ok(());
        }
        let mut conn = self.conn();
        let settled = checkout::settle(&mut conn, workspace_id, now)
            .map_err(|e| format!("applying a scheduled plan change: {e}"))?;
        if settled {
            self.reload_with(&conn)?;
            self.publish_newest(&conn, workspace_id);
        }
        Ok(())
    }
}

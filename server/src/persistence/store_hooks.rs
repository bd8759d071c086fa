//! The store's side of the browser tests' hooks (`--test-hooks` only):
//! changing a workspace's plan (a balance event, as any write that changes
//! the balance), and forking a workspace.

use super::Store;
use crate::domain::clock;
use crate::persistence::db::events;
use crate::persistence::db::fork::{self, ForkRefusal};

impl Store {
    /// Puts `workspace_id` on `plan` (the test hook's upgrade); `false` when
    /// there is no such workspace.
    pub fn set_plan(&self, workspace_id: &str, plan: credits_core::PlanId) -> Result<bool, String> {
        let err = |e: rusqlite::Error| format!("changing the plan: {e}");
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(err)?;
        let changed = tx
            .execute(
                "UPDATE workspaces SET plan = ?2 WHERE id = ?1",
                rusqlite::params![workspace_id, plan.as_str()],
            )
            .map_err(err)?;
        if changed > 0 {
            events::append(&tx, workspace_id, clock::now()).map_err(err)?;
        }
        tx.commit().map_err(err)?;
        self.reload_with(&conn)?;
        if changed > 0 {
            self.publish_newest(&conn, workspace_id);
        }
        Ok(changed > 0)
    }

    /// Copies `workspace_id` under a new id (`<id>-f<n>`) and answers that id.
    pub fn fork_workspace(&self, workspace_id: &str) -> Result<String, ForkRefusal> {
        let id = fork::fork(&mut self.conn(), workspace_id)?;
        self.reload().map_err(ForkRefusal::Storage)?;
        Ok(id)
    }
}

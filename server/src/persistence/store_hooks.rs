//! The store's side of the browser tests' hooks (`--test-hooks` only):
//! changing a workspace's plan, and forking a workspace.

use super::Store;
use crate::persistence::db::fork::{self, ForkRefusal};

impl Store {
    /// Puts `workspace_id` on `plan` (the test hook's upgrade); `false` when
    /// there is no such workspace.
    pub fn set_plan(&self, workspace_id: &str, plan: credits_core::PlanId) -> Result<bool, String> {
        let changed = self
            .conn()
            .execute(
                "UPDATE workspaces SET plan = ?2 WHERE id = ?1",
                rusqlite::params![workspace_id, plan.as_str()],
            )
            .map_err(|e| format!("changing the plan: {e}"))?;
        self.reload()?;
        Ok(changed > 0)
    }

    /// Copies `workspace_id` under a new id (`<id>-f<n>`) and answers that id.
    pub fn fork_workspace(&self, workspace_id: &str) -> Result<String, ForkRefusal> {
        let id = fork::fork(&mut self.conn(), workspace_id)?;
        self.reload().map_err(ForkRefusal::Storage)?;
        Ok(id)
    }
}

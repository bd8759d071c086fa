//! The store's credit requests: asking, declining and listing, each on the
//! database (blocking: call them off the async runtime's threads).

use credits_core::{BalanceMember, CreditRequest};

use super::Store;
use crate::domain::requests::Ask;
use crate::persistence::db::requests::{self, Caller, Outcome};

impl Store {
    /// Asks for `ask` once per key (see `db::requests::ask`).
    pub fn ask_credits(
        &self,
        c: &Caller,
        ask: Ask,
        message: Option<&str>,
        since: i64,
    ) -> Result<Outcome, String> {
        let outcome = requests::ask(&mut self.conn(), c, ask, message, since);
        self.requests_changed(c, outcome.map_err(|e| e.to_string()))
    }

    /// Declines the pending request `id` once per key.
    pub fn decline_request(
        &self,
        c: &Caller,
        id: &str,
        note: Option<&str>,
    ) -> Result<Outcome, String> {
        let outcome = requests::decline(&mut self.conn(), c, id, note);
        self.requests_changed(c, outcome.map_err(|e| e.to_string()))
    }

    /// Tells the workspace's open streams when `outcome` asked or declined one.
    fn requests_changed(
        &self,
        c: &Caller,
        outcome: Result<Outcome, String>,
    ) -> Result<Outcome, String> {
        if let Ok(Outcome::Answered(..)) = outcome {
            self.hub.publish_requests(&c.workspace_id);
        }
        outcome
    }

    /// The newest requests (only `member_id`'s when given) and the pending count.
    pub fn credit_requests(
        &self,
        workspace_id: &str,
        member_id: Option<&str>,
        admins: &[BalanceMember],
    ) -> Result<(Vec<CreditRequest>, u64), String> {
        requests::list(&self.conn(), workspace_id, member_id, admins).map_err(|e| e.to_string())
    }
}

//! Where workspaces, members and their tokens live.
//!
//! In memory for now, behind this small interface so that a database can
//! take its place without the routes noticing. Reads hand out copies, so no
//! lock is held while a request is answered.

use std::collections::{BTreeMap, HashMap};
use std::sync::{PoisonError, RwLock};

use crate::model::{Member, Workspace};

/// A member as a workspace knows them, with the workspace as it is now.
#[derive(Debug, Clone)]
pub struct MemberView {
    pub member: Member,
    pub workspace: Workspace,
}

#[derive(Debug, Default)]
struct Data {
    workspaces: BTreeMap<String, Workspace>,
    /// Bearer token → member id.
    tokens: HashMap<String, String>,
}

#[derive(Debug, Default)]
pub struct Store {
    data: RwLock<Data>,
}

impl Store {
    /// No workspaces and no tokens: every workspace request is unauthorized.
    pub fn empty() -> Self {
        Store::default()
    }

    /// Workspaces, with the tokens of their members: `(token, member id)`.
    pub fn with(workspaces: Vec<Workspace>, tokens: Vec<(String, String)>) -> Self {
        let data = Data {
            workspaces: workspaces.into_iter().map(|w| (w.id.clone(), w)).collect(),
            tokens: tokens.into_iter().collect(),
        };
        Store {
            data: RwLock::new(data),
        }
    }

    /// The member a bearer token names, if any.
    pub fn member_id_for_token(&self, token: &str) -> Option<String> {
        self.read(|d| d.tokens.get(token).cloned())
    }

    /// The workspace as `member_id` sees it; `None` when it does not exist or they are not in it.
    pub fn member_view(&self, member_id: &str, workspace_id: &str) -> Option<MemberView> {
        self.read(|d| {
            let workspace = d.workspaces.get(workspace_id)?;
            let member = workspace.member(member_id)?.clone();
            Some(MemberView {
                member,
                workspace: workspace.clone(),
            })
        })
    }

    pub fn workspace_count(&self) -> usize {
        self.read(|d| d.workspaces.len())
    }

    fn read<T>(&self, f: impl FnOnce(&Data) -> T) -> T {
        // A panic elsewhere while writing must not take every later request down with it.
        let guard = self.data.read().unwrap_or_else(PoisonError::into_inner);
        f(&guard)
    }
}

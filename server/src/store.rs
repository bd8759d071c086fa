//! Where workspaces, members, tokens, the ledger and idempotency keys live.
//!
//! In memory for now, behind this small interface so that a database can
//! take its place without the routes noticing. Reads hand out copies, so no
//! lock is held while a request is answered; a spend holds the write lock
//! from its idempotency check to its ledger entry, so it is atomic.

use std::collections::{BTreeMap, HashMap};
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use credits_core::{GenerationResponse, UsageStatus};

use crate::model::{LedgerEntry, Member, Seed, Workspace};
use crate::spending;

/// A member as a workspace knows them, with the workspace as it is now.
#[derive(Debug, Clone)]
pub struct MemberView {
    pub member: Member,
    pub workspace: Workspace,
}

/// One `POST .../generations`, already validated and priced.
#[derive(Debug, Clone)]
pub struct SpendRequest<'a> {
    pub workspace_id: &'a str,
    pub member_id: &'a str,
    pub idempotency_key: &'a str,
    /// The request's canonical form: the same key must come with the same one.
    pub fingerprint: &'a str,
    pub action_id: &'a str,
    pub cost: u64,
    pub now: i64,
}

/// A spend that happened, now or (`replayed`) under the same key before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spent {
    pub answer: GenerationResponse,
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
struct Data {
    workspaces: BTreeMap<String, Workspace>,
    /// Bearer token → member id.
    tokens: HashMap<String, String>,
    ledger: Vec<LedgerEntry>,
    /// (workspace, key) → (fingerprint, answer).
    idempotency: HashMap<(String, String), (String, GenerationResponse)>,
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

    pub fn from_seed(seed: Seed) -> Self {
        let data = Data {
            workspaces: seed
                .workspaces
                .into_iter()
                .map(|w| (w.id.clone(), w))
                .collect(),
            tokens: seed.tokens.into_iter().collect(),
            ledger: seed.ledger,
            idempotency: HashMap::new(),
        };
        Store {
            data: RwLock::new(data),
        }
    }

    /// The member a bearer token names, if any.
    pub fn member_id_for_token(&self, token: &str) -> Option<String> {
        self.read().tokens.get(token).cloned()
    }

    /// The workspace as `member_id` sees it; `None` when it does not exist or they are not in it.
    pub fn member_view(&self, member_id: &str, workspace_id: &str) -> Option<MemberView> {
        let d = self.read();
        let workspace = d.workspaces.get(workspace_id)?;
        let member = workspace.member(member_id)?.clone();
        Some(MemberView {
            member,
            workspace: workspace.clone(),
        })
    }

    pub fn workspace_count(&self) -> usize {
        self.read().workspaces.len()
    }

    /// Spends `cost` once per idempotency key, atomically.
    pub fn spend(&self, req: &SpendRequest) -> Result<Spent, SpendRefusal> {
        let mut d = self.write();
        let key = (req.workspace_id.to_owned(), req.idempotency_key.to_owned());
        if let Some((fingerprint, answer)) = d.idempotency.get(&key) {
            return if fingerprint == req.fingerprint {
                Ok(Spent {
                    answer: answer.clone(),
                    replayed: true,
                })
            } else {
                Err(SpendRefusal::KeyConflict)
            };
        }
        let next_id = d.ledger.len() + 1;
        let Data {
            workspaces, ledger, ..
        } = &mut *d;
        let w = workspaces
            .get_mut(req.workspace_id)
            .ok_or(SpendRefusal::NoWorkspace)?;
        if spending::take(&mut w.grants, req.now, req.cost).is_none() {
            let (own, others) = cycle_spend(ledger, w, req.member_id);
            return Err(SpendRefusal::Short(Box::new(Shortfall {
                balance: w.balance(req.now),
                workspace: w.clone(),
                own_cycle_spend: own,
                others_cycle_spend: others,
            })));
        }
        w.updated_at = req.now;
        let answer = GenerationResponse {
            id: format!("gen_{next_id:08}"),
            credits_charged: req.cost,
            balance: w.balance(req.now),
        };
        ledger.push(LedgerEntry {
            id: answer.id.clone(),
            workspace_id: req.workspace_id.to_owned(),
            member_id: req.member_id.to_owned(),
            action: req.action_id.to_owned(),
            credits: req.cost,
            status: UsageStatus::Charged,
            at: req.now,
        });
        d.idempotency
            .insert(key, (req.fingerprint.to_owned(), answer.clone()));
        Ok(Spent {
            answer,
            replayed: false,
        })
    }

    fn read(&self) -> RwLockReadGuard<'_, Data> {
        // A panic elsewhere while writing must not take every later request down with it.
        self.data.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, Data> {
        self.data.write().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Credits spent this cycle by `member_id`, and by everyone else.
fn cycle_spend(ledger: &[LedgerEntry], w: &Workspace, member_id: &str) -> (u64, u64) {
    let since = w.cycle.map_or(i64::MIN, |c| c.started_at);
    ledger
        .iter()
        .filter(|e| e.workspace_id == w.id && e.at >= since && e.status.counts_as_spent())
        .fold((0, 0), |(own, others), e| {
            if e.member_id == member_id {
                (own + e.credits, others)
            } else {
                (own, others + e.credits)
            }
        })
}

//! The one place quote requests leave from: it answers from the cache when it
//! can, lets identical requests in flight share one fetch, gathers the
//! actions asked for in the same turn of the event loop into one batched
//! request, and aborts a fetch once nobody waits for it any more.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::time::Duration;

use credits_core::Action as CreditAction;
use futures::channel::oneshot;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::quote_cache::{Cached, Group, QuoteCache};
use crate::api::sleep;
use crate::{ClientError, CreditsClient};

/// Cached answers live 10 minutes; the price book version is checked with every answer.
const MAX_AGE_MS: f64 = 10.0 * 60_000.0;
const MAX_ENTRIES: usize = 512;

/// What one waiter gets: the answer for its action (a quote or the item's
/// problem), or why the request failed.
pub type Answer = Result<Cached, ClientError>;

/// Shared by every hook under one `CreditsProvider`. Cheap to clone.
#[derive(Clone)]
pub struct QuoteLoader(Rc<RefCell<Inner>>);

struct Inner {
    cache: QuoteCache,
    in_flight: HashMap<(Group, CreditAction), Rc<Batch>>,
    pending: Vec<Rc<Batch>>,
    /// Requests sent, for the hosts' and the tests' own counting.
    sent: u64,
}

/// One request's worth of actions, from gathering to answer.
struct Batch {
    client: CreditsClient,
    group: Group,
    actions: RefCell<Vec<CreditAction>>,
    senders: RefCell<HashMap<CreditAction, Vec<oneshot::Sender<Answer>>>>,
    waiters: Cell<usize>,
    controller: RefCell<Option<AbortController>>,
    done: Cell<bool>,
}

/// Keeps a batch alive: when the last guard of a batch is dropped before its
/// answer, the batch is dropped (not yet sent) or its fetch aborted.
pub struct Guard {
    batch: Rc<Batch>,
    loader: Weak<RefCell<Inner>>,
}

impl Default for QuoteLoader {
    fn default() -> Self {
        QuoteLoader(Rc::new(RefCell::new(Inner {
            cache: QuoteCache::new(MAX_AGE_MS, MAX_ENTRIES),
            in_flight: HashMap::new(),
            pending: Vec::new(),
            sent: 0,
        })))
    }
}

impl QuoteLoader {
    /// The kept answer for `action`, if any: no request needed.
    pub fn cached(&self, group: &Group, action: &CreditAction) -> Option<Cached> {
        let now = crate::primitives::now_ms();
        self.0.borrow().cache.get(group, action, now).cloned()
    }

    /// Forgets the kept answers for `workspace` (see [`QuoteCache::forget_workspace`]).
    pub fn forget_workspace(&self, workspace: &str) {
        self.0.borrow_mut().cache.forget_workspace(workspace);
    }

    /// Quote requests sent so far (a batch counts once).
    pub fn requests_sent(&self) -> u64 {
        self.0.borrow().sent
    }

    /// Asks for `action`'s quote: joins a request in flight for it, or adds it
    /// to the batch that leaves at the end of this turn of the event loop.
    pub fn load(
        &self,
        client: &CreditsClient,
        group: &Group,
        action: &CreditAction,
    ) -> (oneshot::Receiver<Answer>, Guard) {
        let (tx, rx) = oneshot::channel();
        let mut inner = self.0.borrow_mut();
        let key = (group.clone(), action.clone());
        let batch = match inner.in_flight.get(&key) {
            Some(batch) => batch.clone(),
            None => {
                let batch = match inner
                    .pending
                    .iter()
                    .find(|b| !b.done.get() && b.group == *group && b.client == *client)
                {
                    Some(b) => b.clone(),
                    None => {
                        let b = Rc::new(Batch {
                            client: client.clone(),
                            group: group.clone(),
                            actions: RefCell::new(Vec::new()),
                            senders: RefCell::new(HashMap::new()),
                            waiters: Cell::new(0),
                            controller: RefCell::new(None),
                            done: Cell::new(false),
                        });
                        if inner.pending.is_empty() {
                            self.schedule_flush();
                        }
                        inner.pending.push(b.clone());
                        b
                    }
                };
                batch.actions.borrow_mut().push(action.clone());
                inner.in_flight.insert(key, batch.clone());
                batch
            }
        };
        batch
            .senders
            .borrow_mut()
            .entry(action.clone())
            .or_default()
            .push(tx);
        batch.waiters.set(batch.waiters.get() + 1);
        let guard = Guard {
            batch,
            loader: Rc::downgrade(&self.0),
        };
        (rx, guard)
    }

    /// Sends the gathered batches after the current turn, so that every hook
    /// that reacts to the same change has added its actions first.
    fn schedule_flush(&self) {
        let loader = self.clone();
        spawn_local(async move {
            sleep(Duration::ZERO).await;
            let batches = std::mem::take(&mut loader.0.borrow_mut().pending);
            for batch in batches {
                if !batch.done.get() {
                    loader.send(batch);
                }
            }
        });
    }

    fn send(&self, batch: Rc<Batch>) {
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        *batch.controller.borrow_mut() = controller;
        self.0.borrow_mut().sent += 1;
        let loader = self.clone();
        spawn_local(async move {
            let actions = batch.actions.borrow().clone();
            let result = batch
                .client
                .quote_abortable(&batch.group.1, &actions, signal.as_ref())
                .await;
            loader.deliver(&batch, &actions, result);
        });
    }

    fn deliver(
        &self,
        batch: &Rc<Batch>,
        actions: &[CreditAction],
        result: Result<credits_core::QuoteResponse, ClientError>,
    ) {
        batch.done.set(true);
        let now = crate::primitives::now_ms();
        let answers: Vec<Answer> = match result {
            Ok(response) => response
                .items
                .into_iter()
                .map(|item| {
                    Ok(Cached {
                        item,
                        balance: response.balance,
                        price_book: response.price_book.clone(),
                        at_ms: now,
                    })
                })
                .collect(),
            Err(e) => vec![Err(e); actions.len()],
        };
        let mut inner = self.0.borrow_mut();
        for (action, answer) in actions.iter().zip(answers) {
            if let Ok(cached) = &answer {
                inner
                    .cache
                    .put(batch.group.clone(), action.clone(), cached.clone());
            }
            forget(&mut inner, batch, action);
            for tx in batch
                .senders
                .borrow_mut()
                .remove(action)
                .unwrap_or_default()
            {
                let _ = tx.send(answer.clone());
            }
        }
    }
}

/// Removes `action`'s in-flight entry if it still points at `batch`.
fn forget(inner: &mut Inner, batch: &Rc<Batch>, action: &CreditAction) {
    let key = (batch.group.clone(), action.clone());
    if inner
        .in_flight
        .get(&key)
        .is_some_and(|b| Rc::ptr_eq(b, batch))
    {
        inner.in_flight.remove(&key);
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let left = self.batch.waiters.get().saturating_sub(1);
        self.batch.waiters.set(left);
        if left > 0 || self.batch.done.get() {
            return;
        }
        // Nobody waits: superseded. Drop the batch and abort its fetch.
        self.batch.done.set(true);
        if let Some(inner) = self.loader.upgrade() {
            if let Ok(mut inner) = inner.try_borrow_mut() {
                for action in self.batch.actions.borrow().iter() {
                    forget(&mut inner, &self.batch, action);
                }
            }
        }
        if let Some(controller) = self.batch.controller.borrow().as_ref() {
            controller.abort();
        }
    }
}

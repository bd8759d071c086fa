use credits_core::estimate::{affordability as rule, Affordability as Fit};
use leptos::prelude::*;

use crate::{use_balance, use_quote, CreditAction, QuoteState};

/// Whether the workspace can do an action now, for the host's own Generate button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affordability {
    /// Not known yet (asking), or the quote could not be had: don't block on it.
    Unknown,
    /// The action costs nothing.
    Free,
    /// The balance covers `cost`; `after` is what remains, when the balance is known.
    Affordable { cost: u64, after: Option<u64> },
    /// `shortfall` more credits are needed for `cost`.
    Short { cost: u64, shortfall: u64 },
    /// The plan does not include the action.
    Blocked { required_plan: Option<String> },
}

impl Affordability {
    /// Whether generating should be refused before asking the server.
    pub fn refuses(&self) -> bool {
        matches!(
            self,
            Affordability::Short { .. } | Affordability::Blocked { .. }
        )
    }

    /// A stable word for `data-affordability`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Affordability::Unknown => "unknown",
            Affordability::Free => "free",
            Affordability::Affordable { .. } => "affordable",
            Affordability::Short { .. } => "short",
            Affordability::Blocked { .. } => "blocked",
        }
    }
}

/// Follows `action` and the shared balance: whether the workspace can afford it.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{use_affordability, CreditAction, ImageGenerate, Quality};
///
/// # fn host() -> impl IntoView {
/// let action = Signal::stored(CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 4)));
/// let fit = use_affordability(action);
/// view! { <button disabled=move || fit.get().refuses()>"Generate"</button> }
/// # }
/// ```
pub fn use_affordability(action: Signal<CreditAction>) -> Signal<Affordability> {
    let quote = use_quote(action);
    let balance = use_balance();
    Signal::derive(move || match quote.state.get() {
        QuoteState::Ready(q) if q.blocked.is_some() => Affordability::Blocked {
            required_plan: q.blocked.and_then(|b| b.required_plan),
        },
        QuoteState::Ready(q) if q.is_free() => Affordability::Free,
        QuoteState::Ready(q) => match balance.state.get().credits() {
            Some(b) => match rule(q.credits, b) {
                Fit::Affordable { after } => Affordability::Affordable {
                    cost: q.credits,
                    after: Some(after),
                },
                Fit::Short { shortfall } => Affordability::Short {
                    cost: q.credits,
                    shortfall,
                },
            },
            // The balance is not known yet: the quote's own verdict, without numbers.
            None if q.affordable => Affordability::Affordable {
                cost: q.credits,
                after: None,
            },
            None => Affordability::Unknown,
        },
        QuoteState::Loading | QuoteState::Failed(_) => Affordability::Unknown,
    })
}

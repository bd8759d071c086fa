//! What the cost estimator shows beside a cost: the alternatives worth
//! quoting, whether the balance covers the cost, and saving hints drawn from
//! the quoted numbers. Pure rules: the server quotes, these only compare.

mod alternatives;
mod draft;

pub use alternatives::{alternatives, Alternative, Change};
pub use draft::{DraftPlan, PlanCost};

use crate::Quality;

/// Whether a balance covers a cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affordability {
    /// Enough credits; `after` is the balance once it is spent.
    Affordable { after: u64 },
    /// Not enough: `shortfall` more credits are needed.
    Short { shortfall: u64 },
}

/// `cost` against `balance`: exactly enough is affordable, with 0 left.
pub fn affordability(cost: u64, balance: u64) -> Affordability {
    match balance.checked_sub(cost) {
        Some(after) => Affordability::Affordable { after },
        None => Affordability::Short {
            shortfall: cost - balance,
        },
    }
}

/// A saving the quoted numbers show, worded by the estimator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// A draft preview costs `preview` instead of `current`.
    DraftPreview { preview: u64, current: u64 },
    /// `change` costs `credits`, which the balance covers, while the current action does not fit.
    Fits { change: Change, credits: u64 },
    /// A lower quality tier costs `credits` instead of `current`.
    LowerQuality {
        quality: Quality,
        credits: u64,
        current: u64,
    },
}

/// Up to two hints from the quoted ladder: `quoted` pairs each alternative
/// with its credits (`None` where it could not be quoted or is blocked).
/// Hints only name savings that exist in these numbers, never generic advice.
pub fn hints(current: u64, balance: Option<u64>, quoted: &[(Change, Option<u64>)]) -> Vec<Hint> {
    let mut out = Vec::new();
    let cheaper = |c: &&(Change, Option<u64>)| matches!(c.1, Some(credits) if credits < current);
    let short = balance.is_some_and(|b| current > b);
    if short {
        let balance = balance.unwrap_or(0);
        // The fitting alternative closest to what the person asked for: the most expensive that fits.
        let best = quoted
            .iter()
            .filter(|(_, c)| matches!(c, Some(credits) if *credits <= balance && *credits > 0))
            .max_by_key(|(_, c)| c.unwrap_or(0));
        if let Some((change, Some(credits))) = best {
            out.push(Hint::Fits {
                change: *change,
                credits: *credits,
            });
        }
    }
    if let Some((_, Some(preview))) = quoted
        .iter()
        .filter(cheaper)
        .find(|(c, _)| *c == Change::DraftPreview)
    {
        out.push(Hint::DraftPreview {
            preview: *preview,
            current,
        });
    }
    if out.len() < 2 {
        let lower = quoted
            .iter()
            .filter(cheaper)
            .find_map(|(c, credits)| match c {
                Change::Quality(q) => credits.map(|credits| (*q, credits)),
                _ => None,
            });
        if let Some((quality, credits)) = lower {
            let already = out.iter().any(
                |h| matches!(h, Hint::Fits { change: Change::Quality(q), .. } if *q == quality),
            );
            if !already {
                out.push(Hint::LowerQuality {
                    quality,
                    credits,
                    current,
                });
            }
        }
    }
    out.truncate(2);
    out
}

#[cfg(test)]
#[path = "estimate_tests.rs"]
mod tests;

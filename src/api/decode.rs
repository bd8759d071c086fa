//! Reading the API's answers: unknown fields are ignored, and a missing or
//! mistyped required field is a [`ClientError::Decode`] naming its path
//! (found from the error's position, see [`super::json_path`]).
//! Pure Rust, so every decoder is fuzzed natively (`tests/decode_fuzz.rs`).
//!
//! serde_json decodes here rather than the browser's `JSON.parse` with
//! serde-wasm-bindgen: it is both smaller and faster for these bodies
//! (the README's "Client" section has the numbers).

use credits_core::{Blocked, BreakdownLine, Problem, Quote, QuoteItem, QuoteResponse};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::json_path::{object_path_at, offset_of, path_at};
use super::ClientError;

/// Decodes a 2xx body into `T`, naming the field at fault when it cannot.
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ClientError> {
    serde_json::from_str(body).map_err(|e| {
        let offset = offset_of(body, e.line(), e.column());
        let message = e.to_string();
        ClientError::Decode {
            field: field_at_fault(body, offset, &message),
            message,
        }
    })
}

/// The path of the value at fault. serde reports a missing field at the
/// closing brace of its object, so the field's own name is appended there.
fn field_at_fault(body: &str, offset: usize, message: &str) -> String {
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    match missing {
        Some(name) => {
            let parent = object_path_at(body, offset.saturating_sub(1));
            if parent.is_empty() {
                name.to_owned()
            } else {
                format!("{parent}.{name}")
            }
        }
        None => path_at(body, offset),
    }
}

/// The error for a non-2xx answer; its problem body is read leniently (a
/// proxy's HTML page still gives the status's variant).
pub fn error_for(status: u16, body: &str) -> ClientError {
    ClientError::from_answer(status, serde_json::from_str::<Problem>(body).ok())
}

/// A quote item as it travels: a problem, or a quote. Decoded field by field
/// (not as serde's untagged enum) so a bad quote names its field, e.g.
/// `items[2].credits`, instead of "did not match any variant".
#[derive(Deserialize)]
struct WireItem {
    #[serde(default)]
    error: Option<Problem>,
    #[serde(default)]
    credits: Option<u64>,
    #[serde(default)]
    breakdown: Option<Vec<BreakdownLine>>,
    #[serde(default)]
    affordable: Option<bool>,
    #[serde(default)]
    blocked: Option<Blocked>,
}

#[derive(Deserialize)]
struct WireQuotes {
    items: Vec<WireItem>,
    balance: u64,
    price_book: String,
}

/// Decodes a quotes answer for `asked` items: one item per action asked, in order.
pub fn decode_quotes(body: &str, asked: usize) -> Result<QuoteResponse, ClientError> {
    let wire: WireQuotes = decode(body)?;
    if wire.items.len() != asked {
        return Err(ClientError::Decode {
            field: "items".into(),
            message: format!("asked for {asked} quotes, got {}", wire.items.len()),
        });
    }
    let items = wire
        .items
        .into_iter()
        .enumerate()
        .map(|(i, item)| quote_item(i, item))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(QuoteResponse {
        items,
        balance: wire.balance,
        price_book: wire.price_book,
    })
}

fn quote_item(i: usize, item: WireItem) -> Result<QuoteItem, ClientError> {
    if let Some(error) = item.error {
        return Ok(QuoteItem::Invalid { error });
    }
    let missing = |name: &str| ClientError::Decode {
        field: format!("items[{i}].{name}"),
        message: format!("missing field `{name}`"),
    };
    Ok(QuoteItem::Quoted(Quote {
        credits: item.credits.ok_or_else(|| missing("credits"))?,
        breakdown: item.breakdown.ok_or_else(|| missing("breakdown"))?,
        affordable: item.affordable.ok_or_else(|| missing("affordable"))?,
        blocked: item.blocked,
    }))
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;

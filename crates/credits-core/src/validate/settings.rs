//! Reading one action's settings: typed, range-checked getters, and the
//! problems they answer with.

use std::ops::RangeInclusive;

use serde_json::{Map, Value};

use super::{COUNT, UNPROCESSABLE, UPSCALE_FACTORS};
use crate::{EditCount, Problem, Quality, Resolution};

/// The settings object of one action, with typed, range-checked getters.
pub(super) struct Settings<'a>(pub(super) &'a Map<String, Value>);

impl Settings<'_> {
    pub(super) fn required(&self, name: &str) -> Result<&Value, Problem> {
        self.0
            .get(name)
            .ok_or_else(|| missing(name, format!("{name} is required")))
    }

    pub(super) fn int(&self, name: &str, range: RangeInclusive<u32>) -> Result<u32, Problem> {
        whole_in(name, self.required(name)?, range)
    }

    pub(super) fn quality(&self) -> Result<Quality, Problem> {
        let v = self.required("quality")?;
        v.as_str().and_then(Quality::parse).ok_or_else(|| {
            invalid(
                "quality",
                format!("quality must be draft, standard or high, got {}", shown(v)),
            )
        })
    }

    pub(super) fn resolution(&self) -> Result<Resolution, Problem> {
        let v = self.required("resolution")?;
        let found = Resolution::ALL
            .into_iter()
            .find(|r| v.as_str() == Some(r.as_str()));
        found.ok_or_else(|| {
            invalid(
                "resolution",
                format!("resolution must be 480p, 720p or 1080p, got {}", shown(v)),
            )
        })
    }

    /// Optional; `null` counts as absent. Whether the price book knows it is for pricing to say.
    pub(super) fn model(&self) -> Result<Option<String>, Problem> {
        match self.0.get("model") {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(m)) if !m.is_empty() && m.len() <= 64 => Ok(Some(m.clone())),
            Some(v) => Err(invalid(
                "model",
                format!(
                    "model must be a model name (1-64 characters), got {}",
                    shown(v)
                ),
            )),
        }
    }

    pub(super) fn factor(&self) -> Result<u32, Problem> {
        let v = self.required("factor")?;
        let whole = match v {
            Value::Number(n) => whole_u64(n),
            _ => None,
        };
        match whole {
            Some(f) if UPSCALE_FACTORS.iter().any(|&ok| u64::from(ok) == f) => {
                u32::try_from(f).map_err(|_| bad_factor(&shown(v)))
            }
            _ => Err(bad_factor(&shown(v))),
        }
    }

    /// Optional `count` of the editing tools; `null` counts as absent.
    pub(super) fn edit_count(&self) -> Result<EditCount, Problem> {
        let count = match self.0.get("count") {
            None | Some(Value::Null) => None,
            Some(v) => Some(whole_in("count", v, COUNT)?),
        };
        Ok(EditCount { count })
    }
}

/// A non-negative whole number, also when written with a fraction of zero
/// (`4.0`): JSON Schema's `integer` counts it, so the contract does too.
pub(super) fn whole_u64(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u32::MAX as f64)
            .map(|f| f as u64)
    })
}

/// A whole number within `range`; anything else (text, 2.5, -1, 1e30, 2^64) is `invalid_setting`.
pub(super) fn whole_in(name: &str, v: &Value, range: RangeInclusive<u32>) -> Result<u32, Problem> {
    let Value::Number(n) = v else {
        return Err(invalid(
            name,
            format!(
                "{name} must be a whole number between {} and {}, got {}",
                range.start(),
                range.end(),
                shown(v)
            ),
        ));
    };
    if let Some(u) = whole_u64(n) {
        if let Ok(u) = u32::try_from(u) {
            if range.contains(&u) {
                return Ok(u);
            }
        }
        return Err(out_of_range(name, &range, &n.to_string()));
    }
    let whole = n.as_i64().is_some() || n.as_f64().is_some_and(|f| f.fract() == 0.0);
    if whole {
        Err(out_of_range(name, &range, &n.to_string()))
    } else {
        Err(invalid(
            name,
            format!(
                "{name} must be a whole number between {} and {}, got {n}",
                range.start(),
                range.end()
            ),
        ))
    }
}

pub(super) fn out_of_range(name: &str, range: &RangeInclusive<u32>, got: &str) -> Problem {
    invalid(
        name,
        format!(
            "{name} must be between {} and {}, got {got}",
            range.start(),
            range.end()
        ),
    )
}

pub(super) fn bad_factor(got: &str) -> Problem {
    invalid("factor", format!("factor must be 2 or 4, got {got}"))
}

/// A JSON value as the detail quotes it, cut short so a huge input gives a short message.
pub(super) fn shown(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

pub(super) fn problem(code: &str, title: &str, detail: String) -> Problem {
    Problem::new(UNPROCESSABLE, code, title, detail)
}

pub(super) fn invalid(field: &str, detail: String) -> Problem {
    problem("invalid_setting", "Invalid setting", detail).with_field(field)
}

pub(super) fn missing(field: &str, detail: String) -> Problem {
    problem("missing_setting", "Missing setting", detail).with_field(field)
}

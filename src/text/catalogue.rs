//! Catalogues from JSON: English for every key a file lacks or leaves blank,
//! and the checks a translator's file must pass.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::load::load;
use super::CreditsText;

/// A catalogue that is not JSON, or whose values have the wrong shape.
#[derive(Debug, thiserror::Error)]
#[error("the catalogue could not be read: {0}")]
pub struct CatalogueError(#[from] serde_json::Error);

/// What [`CreditsText::check_json`] finds in a translator's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueProblem {
    /// A key (dotted path) the file lacks or leaves blank: English is shown.
    Missing(String),
    /// A key English does not have: a typo, or a word this version lacks.
    Unknown(String),
    /// A `{placeholder}` the English template of `key` does not fill.
    Placeholder { key: String, placeholder: String },
}

const PLURAL_FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl CreditsText {
    /// A catalogue from JSON: the [`CreditsText`] field names as keys,
    /// sections as nested objects, counted phrases as objects of plural
    /// forms (`other` plus any of `zero`, `one`, `two`, `few`, `many`), and
    /// `actions` as an object of action id to name. A key the JSON lacks or
    /// leaves blank keeps its English word; debug builds say which in the
    /// console, once per key.
    pub fn from_json(json: &str) -> Result<CreditsText, CatalogueError> {
        let value: Value = serde_json::from_str(json)?;
        #[cfg(debug_assertions)]
        report_missing(&value);
        load(&value).map_err(|m| CatalogueError(serde::de::Error::custom(m)))
    }

    /// Every problem of a translator's file: missing and unknown keys, and
    /// placeholders the English template does not fill (those would be
    /// shown as written).
    pub fn check_json(json: &str) -> Result<Vec<CatalogueProblem>, CatalogueError> {
        let mut value: Value = serde_json::from_str(json)?;
        drop_blanks(&mut value);
        let english = serde_json::to_value(CreditsText::ENGLISH)?;
        let mut problems = Vec::new();
        compare(&english, &value, "", &mut problems);
        Ok(problems)
    }
}

/// Blank words, and counted phrases without an `other`, count as missing.
fn drop_blanks(value: &mut Value) {
    if let Value::Object(map) = value {
        map.retain(|_, v| match v {
            Value::String(s) => !s.trim().is_empty(),
            _ => true,
        });
        map.values_mut().for_each(drop_blanks);
        map.retain(|_, v| match v.as_object() {
            Some(o) if is_plural(o) => o.contains_key("other"),
            _ => true,
        });
    }
}

fn is_plural(o: &Map<String, Value>) -> bool {
    !o.is_empty() && o.keys().all(|k| PLURAL_FORMS.contains(&k.as_str()))
}

fn compare(english: &Value, theirs: &Value, path: &str, out: &mut Vec<CatalogueProblem>) {
    let (Some(en), Some(th)) = (english.as_object(), theirs.as_object()) else {
        return;
    };
    let at = |k: &str| {
        if path.is_empty() {
            k.to_owned()
        } else {
            format!("{path}.{k}")
        }
    };
    for (key, en_value) in en {
        match th.get(key) {
            None => out.push(CatalogueProblem::Missing(at(key))),
            Some(th_value)
                if en_value.as_object().is_some_and(is_plural) || en_value.is_string() =>
            {
                let allowed = placeholders(en_value);
                for p in placeholders(th_value).difference(&allowed) {
                    out.push(CatalogueProblem::Placeholder {
                        key: at(key),
                        placeholder: p.clone(),
                    });
                }
            }
            Some(_) if key == "actions" => {}
            Some(th_value) => compare(en_value, th_value, &at(key), out),
        }
    }
    let extra = th.keys().filter(|k| !en.contains_key(*k));
    out.extend(extra.map(|k| CatalogueProblem::Unknown(at(k))));
}

/// The `{names}` a word or a counted phrase's forms use (`{n}` is always filled).
fn placeholders(value: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut add = |s: &str| {
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            rest = &rest[open + 1..];
            if let Some(close) = rest.find('}') {
                let name = &rest[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    found.insert(name.to_owned());
                }
            }
        }
    };
    match value {
        Value::String(s) => add(s),
        Value::Object(o) => o.values().filter_map(Value::as_str).for_each(&mut add),
        _ => {}
    }
    if value.is_object() {
        found.insert("n".to_owned());
    }
    found
}

impl<'de> serde::Deserialize<'de> for CreditsText {
    /// As [`CreditsText::from_json`], from any self-describing format.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        load(&value).map_err(serde::de::Error::custom)
    }
}

#[cfg(debug_assertions)]
fn report_missing(value: &Value) {
    let mut value = value.clone();
    drop_blanks(&mut value);
    let value = &value;
    use std::sync::Mutex;
    static REPORTED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let Ok(english) = serde_json::to_value(CreditsText::ENGLISH) else {
        return;
    };
    let mut problems = Vec::new();
    compare(&english, value, "", &mut problems);
    let Ok(mut reported) = REPORTED.lock() else {
        return;
    };
    let new: Vec<String> = problems
        .into_iter()
        .filter_map(|p| match p {
            CatalogueProblem::Missing(key) => Some(key),
            _ => None,
        })
        .filter(|key| reported.insert(key.clone()))
        .collect();
    if !new.is_empty() {
        leptos::logging::warn!(
            "leptos-credits: the catalogue lacks {} words, shown in English: {}",
            new.len(),
            new.join(", ")
        );
    }
}

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;

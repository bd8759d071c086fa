use super::*;
use crate::text::fill;

const ENGLISH_FILE: &str = include_str!("../../locales/en.json");

fn english_json() -> String {
    let mut json = serde_json::to_string_pretty(&CreditsText::ENGLISH).unwrap_or_default();
    json.push('\n');
    json
}

/// `locales/en.json` is what translators start from: it must be exactly the
/// English catalogue. `UPDATE_LOCALES=1 cargo test` writes it again.
#[test]
fn locales_en_json_is_the_english_catalogue() {
    let json = english_json();
    if std::env::var_os("UPDATE_LOCALES").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.json");
        std::fs::write(path, &json).expect("write locales/en.json");
        return;
    }
    assert!(
        ENGLISH_FILE == json,
        "locales/en.json is stale: run UPDATE_LOCALES=1 cargo test -p leptos-credits --lib"
    );
    let read = CreditsText::from_json(ENGLISH_FILE).expect("en.json reads");
    assert_eq!(read, CreditsText::ENGLISH);
    assert_eq!(
        CreditsText::check_json(ENGLISH_FILE).expect("en.json is JSON"),
        vec![]
    );
}

#[test]
fn a_catalogue_missing_half_its_keys_keeps_english_for_those_keys() {
    let english: serde_json::Value = serde_json::from_str(ENGLISH_FILE).expect("JSON");
    let mut half = english.clone();
    let map = half.as_object_mut().expect("an object");
    let keys: Vec<String> = map.keys().cloned().collect();
    for (i, key) in keys.iter().enumerate() {
        match map.get_mut(key) {
            _ if i % 2 == 0 => drop(map.remove(key)),
            Some(serde_json::Value::String(s)) => *s = format!("[{s}]"),
            _ => {}
        }
    }
    let text = CreditsText::from_json(&half.to_string()).expect("reads");
    let shown = serde_json::to_value(&text).expect("serialises");
    for (i, key) in keys.iter().enumerate() {
        let (was, now) = (&english[key], &shown[key]);
        match was.as_str() {
            Some(word) if i % 2 == 1 => {
                assert_eq!(now.as_str(), Some(&*format!("[{word}]")), "{key}")
            }
            _ if i % 2 == 0 => assert_eq!(now, was, "{key} is English"),
            _ => {}
        }
    }
    let problems = CreditsText::check_json(&half.to_string()).expect("JSON");
    let missing = keys
        .iter()
        .step_by(2)
        .map(|k| CatalogueProblem::Missing(k.clone()));
    assert_eq!(problems, missing.collect::<Vec<_>>());
}

#[test]
fn blank_words_and_plurals_without_other_fall_back_to_english() {
    let json = r#"{"free": "  ", "retry": "Nochmal", "credits": {"one": "ein Credit"},
        "prompts": {"close": ""}, "actions": {"video.generate": "Video", "asset.view": ""}}"#;
    let text = CreditsText::from_json(json).expect("reads");
    assert_eq!(text.free, "Free");
    assert_eq!(text.retry, "Nochmal");
    assert_eq!(text.credits, CreditsText::ENGLISH.credits);
    assert_eq!(text.prompts.close, "Close");
    assert_eq!(text.action_name("video.generate"), "Video");
    assert_eq!(text.action_name("asset.view"), "View");
    assert_eq!(text.action_name("model.train"), "Model training");
    assert_eq!(text.action_name("new.thing"), "new.thing");
}

#[test]
fn a_wrong_shape_is_an_error_not_a_blank() {
    assert!(CreditsText::from_json("[1, 2]").is_err());
    assert!(CreditsText::from_json(r#"{"free": 3}"#).is_err());
    assert!(CreditsText::from_json("{\"free\": ").is_err());
}

#[test]
fn the_check_finds_a_placeholder_english_lacks_an_unknown_key_and_a_missing_one() {
    let json = r#"{"needs_plan": "Braucht {plan} für {workspace}", "fre": "Gratis",
        "credits": {"one": "{n} Credit", "other": "{n} Credits {x}"},
        "subscription": {"title": "Abo", "titel": "Abo"}}"#;
    let problems = CreditsText::check_json(json).expect("JSON");
    assert!(problems.contains(&CatalogueProblem::Placeholder {
        key: "needs_plan".into(),
        placeholder: "workspace".into()
    }));
    assert!(problems.contains(&CatalogueProblem::Placeholder {
        key: "credits".into(),
        placeholder: "x".into()
    }));
    assert!(problems.contains(&CatalogueProblem::Unknown("fre".into())));
    assert!(problems.contains(&CatalogueProblem::Unknown("subscription.titel".into())));
    assert!(problems.contains(&CatalogueProblem::Missing("free".into())));
    assert!(problems.contains(&CatalogueProblem::Missing("subscription.plan_label".into())));
    assert!(!problems.iter().any(
        |p| matches!(p, CatalogueProblem::Placeholder { key, .. } if key == "subscription.title")
    ));
}

/// Every placeholder a shipped translation uses is one its English template
/// fills, and no key is missing or unknown.
#[test]
fn the_shipped_german_and_arabic_catalogues_are_complete_and_use_only_english_placeholders() {
    for (name, json) in [
        ("de", crate::locales::GERMAN),
        ("ar", crate::locales::ARABIC),
    ] {
        let problems = CreditsText::check_json(json).expect("JSON");
        assert_eq!(problems, vec![], "locales/{name}.json");
        CreditsText::from_json(json).expect("reads");
    }
}

#[test]
fn every_arabic_counted_phrase_has_all_six_forms() {
    let ar: serde_json::Value = serde_json::from_str(crate::locales::ARABIC).expect("JSON");
    let mut plurals = Vec::new();
    collect_plurals(&ar, "", &mut plurals);
    assert!(plurals.len() >= 8, "found {plurals:?}");
    for (key, forms) in plurals {
        for form in PLURAL_FORMS {
            assert!(forms.contains(&form.to_owned()), "{key} lacks {form}");
        }
    }
}

fn collect_plurals(v: &serde_json::Value, path: &str, out: &mut Vec<(String, Vec<String>)>) {
    let Some(o) = v.as_object() else { return };
    for (k, v) in o {
        let at = if path.is_empty() {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        match v.as_object() {
            Some(inner) if is_plural(inner) => out.push((at, inner.keys().cloned().collect())),
            Some(_) if k != "actions" => collect_plurals(v, &at, out),
            _ => {}
        }
    }
}

#[test]
fn a_plan_named_with_a_placeholder_stays_literal() {
    let german = CreditsText::from_json(r#"{"prompts": {"upgrade": "Auf {plan} upgraden"}}"#)
        .expect("reads");
    assert_eq!(
        fill(&german.prompts.upgrade, &[("plan", "{plan} Pro")]),
        "Auf {plan} Pro upgraden"
    );
    assert_eq!(
        fill(
            &german.prompts.shared_top,
            &[("name", "{credits}"), ("credits", "9 credits")]
        ),
        "{credits} used the most: 9 credits."
    );
}

/// Every key of the catalogue is read: a file that changes every word gives
/// back exactly those words (a key the loader's table lacked would stay English).
#[test]
fn every_word_a_file_gives_is_read_into_its_key() {
    fn mark(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => *s = format!("«{s}»"),
            serde_json::Value::Object(o) => o.values_mut().for_each(mark),
            _ => {}
        }
    }
    let mut marked: serde_json::Value = serde_json::from_str(ENGLISH_FILE).expect("JSON");
    mark(&mut marked);
    let read = CreditsText::from_json(&marked.to_string()).expect("reads");
    assert_eq!(serde_json::to_value(&read).expect("serialises"), marked);
    let via_serde: CreditsText = serde_json::from_value(marked.clone()).expect("Deserialize");
    assert_eq!(via_serde, read);
}

//! Tests of `parse_action`: what it accepts, and the code and field of each refusal.

use serde_json::{json, Value};

use super::*;
use crate::Quality;

fn refused(v: Value) -> Problem {
    match parse_action(&v) {
        Ok(a) => panic!("{v} was accepted as {a:?}"),
        Err(p) => {
            assert_eq!(p.status, 422, "{p:?}");
            p
        }
    }
}

fn assert_code(v: Value, code: &str, field: Option<&str>) -> Problem {
    let p = refused(v.clone());
    assert_eq!(p.code, code, "{v}: {p:?}");
    assert_eq!(p.field.as_deref(), field, "{v}: {p:?}");
    assert!(p.detail.as_deref().is_some_and(|d| !d.is_empty()));
    p
}

fn image(count: Value) -> Value {
    json!({"action": "image.generate", "quality": "standard", "count": count, "width": 1024, "height": 1024})
}

#[test]
fn accepts_every_action_in_its_wire_form() {
    let ok = [
        image(json!(4)),
        json!({"action": "image.generate", "model": "aurora-2-xl", "quality": "high", "count": 1, "width": 2048, "height": 256}),
        json!({"action": "video.generate", "quality": "draft", "duration_s": 8, "resolution": "720p"}),
        json!({"action": "edit.upscale", "factor": 4}),
        json!({"action": "edit.remove_background"}),
        json!({"action": "edit.inpaint", "count": 3}),
        json!({"action": "edit.expand", "count": null}),
        json!({"action": "edit.relight", "count": 16}),
        json!({"action": "model.train", "images": 5, "steps": 5000}),
        json!({"action": "asset.upload"}),
        json!({"action": "asset.view"}),
        json!({"action": "asset.download"}),
    ];
    for v in ok {
        let a = parse_action(&v).unwrap_or_else(|p| panic!("{v} refused: {p:?}"));
        assert_eq!(a.id(), v["action"]);
        check_action(&a).unwrap();
    }
}

#[test]
fn parses_the_same_as_the_wire_type() {
    let v = json!({"action": "video.generate", "model": "reel-1", "quality": "high", "duration_s": 60, "resolution": "1080p"});
    let typed: Action = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(parse_action(&v).unwrap(), typed);
}

#[test]
fn not_an_object_is_an_invalid_request() {
    for v in [json!(5), json!("image.generate"), json!(null), json!([1])] {
        assert_code(v, "invalid_request", None);
    }
}

#[test]
fn action_must_be_a_known_string() {
    assert_code(json!({}), "missing_setting", Some("action"));
    assert_code(json!({"action": 3}), "missing_setting", Some("action"));
    assert_code(json!({"action": null}), "missing_setting", Some("action"));
    let p = assert_code(
        json!({"action": "image.generat"}),
        "unknown_action",
        Some("action"),
    );
    assert!(p.detail.unwrap().contains("image.generate"));
}

#[test]
fn a_typo_in_a_setting_is_an_unknown_setting_with_a_hint() {
    let v = json!({"action": "image.generate", "quailty": "high", "count": 1, "width": 1024, "height": 1024});
    let p = assert_code(v, "unknown_setting", Some("quailty"));
    assert!(p.detail.unwrap().contains("did you mean \"quality\""));
    assert_code(
        json!({"action": "asset.view", "count": 1}),
        "unknown_setting",
        Some("count"),
    );
}

#[test]
fn required_settings_must_be_present() {
    assert_code(
        json!({"action": "image.generate", "count": 1, "width": 1024, "height": 1024}),
        "missing_setting",
        Some("quality"),
    );
    assert_code(
        json!({"action": "video.generate", "quality": "high", "duration_s": 5}),
        "missing_setting",
        Some("resolution"),
    );
    assert_code(
        json!({"action": "edit.upscale"}),
        "missing_setting",
        Some("factor"),
    );
    assert_code(
        json!({"action": "model.train", "images": 10}),
        "missing_setting",
        Some("steps"),
    );
}

#[test]
fn huge_negative_and_fractional_numbers_are_invalid_settings() {
    for bad in [
        json!(0),
        json!(17),
        json!(10000),
        json!(-1),
        json!(2.5),
        json!(1e30),
        json!(4294967297u64),
        json!(u64::MAX),
        json!("4"),
        json!(null),
        json!(true),
    ] {
        assert_code(image(bad), "invalid_setting", Some("count"));
    }
    let big: Value = serde_json::from_str("18446744073709551616").unwrap();
    assert_code(image(big), "invalid_setting", Some("count"));
    let p = assert_code(image(json!(10000)), "invalid_setting", Some("count"));
    assert_eq!(
        p.detail.as_deref(),
        Some("count must be between 1 and 16, got 10000")
    );
}

#[test]
fn each_range_of_the_contract_is_enforced() {
    let cases = [
        (
            json!({"action": "image.generate", "quality": "high", "count": 1, "width": 255, "height": 1024}),
            "width",
        ),
        (
            json!({"action": "image.generate", "quality": "high", "count": 1, "width": 1024, "height": 2049}),
            "height",
        ),
        (
            json!({"action": "image.generate", "quality": "ultra", "count": 1, "width": 1024, "height": 1024}),
            "quality",
        ),
        (
            json!({"action": "image.generate", "model": 7, "quality": "high", "count": 1, "width": 1024, "height": 1024}),
            "model",
        ),
        (
            json!({"action": "video.generate", "quality": "high", "duration_s": 61, "resolution": "720p"}),
            "duration_s",
        ),
        (
            json!({"action": "video.generate", "quality": "high", "duration_s": 0, "resolution": "720p"}),
            "duration_s",
        ),
        (
            json!({"action": "video.generate", "quality": "high", "duration_s": 5, "resolution": "4k"}),
            "resolution",
        ),
        (json!({"action": "edit.upscale", "factor": 3}), "factor"),
        (json!({"action": "edit.upscale", "factor": 8}), "factor"),
        (json!({"action": "edit.inpaint", "count": 17}), "count"),
        (
            json!({"action": "model.train", "images": 4, "steps": 100}),
            "images",
        ),
        (
            json!({"action": "model.train", "images": 201, "steps": 100}),
            "images",
        ),
        (
            json!({"action": "model.train", "images": 5, "steps": 99}),
            "steps",
        ),
        (
            json!({"action": "model.train", "images": 5, "steps": 5001}),
            "steps",
        ),
    ];
    for (v, field) in cases {
        assert_code(v, "invalid_setting", Some(field));
    }
}

#[test]
fn check_action_applies_the_same_ranges_to_typed_actions() {
    let mut a = ImageGenerate::new(Quality::High, 16);
    assert!(check_action(&Action::ImageGenerate(a.clone())).is_ok());
    a.count = 10_000;
    let p = check_action(&Action::ImageGenerate(a)).unwrap_err();
    assert_eq!(
        (p.code.as_str(), p.field.as_deref()),
        ("invalid_setting", Some("count"))
    );
    let p = check_action(&Action::Upscale(Upscale { factor: 3 })).unwrap_err();
    assert_eq!(p.field.as_deref(), Some("factor"));
}

#[test]
fn a_huge_text_value_gives_a_short_detail() {
    let long = "x".repeat(100_000);
    let p = assert_code(
        json!({"action": "video.generate", "quality": long, "duration_s": 5, "resolution": "720p"}),
        "invalid_setting",
        Some("quality"),
    );
    assert!(p.detail.unwrap().len() < 200);
}

/// Found by the contract test: `275.0` is an integer to JSON Schema (and to
/// the OpenAPI document), but was refused as out of range.
#[test]
fn whole_numbers_written_with_a_zero_fraction_are_accepted() {
    let a = parse_action(&serde_json::json!({
        "action": "image.generate", "quality": "standard",
        "count": 2.0, "width": 275.0, "height": 2048
    }));
    assert!(
        matches!(
            a,
            Ok(Action::ImageGenerate(ImageGenerate {
                count: 2,
                width: 275,
                ..
            }))
        ),
        "{a:?}"
    );
    let up = parse_action(&serde_json::json!({"action": "edit.upscale", "factor": 4.0}));
    assert_eq!(up, Ok(Action::Upscale(Upscale { factor: 4 })));
    let bad = parse_action(&serde_json::json!({"action": "edit.upscale", "factor": 4.5}));
    assert!(bad.is_err());
    let bad = parse_action(
        &serde_json::json!({"action": "image.generate", "quality": "standard", "count": 2.5, "width": 256, "height": 256}),
    );
    assert!(bad.is_err());
}

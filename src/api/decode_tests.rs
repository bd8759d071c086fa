use super::*;

const QUOTES: &str = r#"{"items":[{"credits":8,"breakdown":[{"label":"4 images × 2 credits","credits":8}],"affordable":true,"blocked":null},{"error":{"type":"about:blank","title":"Invalid setting","status":422,"code":"invalid_setting","field":"items[1].count"}}],"balance":120,"price_book":"2026-11"}"#;

fn decode_error(result: Result<QuoteResponse, ClientError>) -> (String, String) {
    match result {
        Err(ClientError::Decode { field, message }) => (field, message),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn reads_quotes_and_item_problems_in_order() {
    let r = decode_quotes(QUOTES, 2).unwrap();
    assert_eq!(r.balance, 120);
    assert_eq!(r.price_book, "2026-11");
    assert!(matches!(&r.items[0], QuoteItem::Quoted(q) if q.credits == 8 && q.affordable));
    assert!(
        matches!(&r.items[1], QuoteItem::Invalid { error } if error.field.as_deref() == Some("items[1].count"))
    );
}

#[test]
fn unknown_fields_are_ignored_at_every_level() {
    let body = r#"{"future":{"x":[1,2]},"items":[{"credits":3,"new":true,"breakdown":[{"label":"a","credits":3,"note":"n"}],"affordable":false,"blocked":{"code":"feature_not_in_plan","required_plan":"pro","since":"2027"}}],"balance":1,"price_book":"p","currency_hint":"EUR"}"#;
    let r = decode_quotes(body, 1).unwrap();
    let QuoteItem::Quoted(q) = &r.items[0] else {
        panic!("a quote")
    };
    assert_eq!(q.credits, 3);
    assert_eq!(
        q.blocked.as_ref().and_then(|b| b.required_plan.as_deref()),
        Some("pro")
    );
}

#[test]
fn a_missing_field_is_named_with_its_path() {
    let body = r#"{"items":[{"credits":1,"breakdown":[],"affordable":true,"blocked":null},{"breakdown":[],"affordable":true,"blocked":null}],"balance":1,"price_book":"p"}"#;
    let (field, _) = decode_error(decode_quotes(body, 2));
    assert_eq!(field, "items[1].credits");
    let (field, message) = decode_error(decode_quotes(r#"{"items":[],"balance":1}"#, 0));
    assert_eq!(field, "price_book");
    assert!(message.contains("missing field"), "{message}");
}

#[test]
fn a_mistyped_field_is_named_with_its_path() {
    let body = r#"{"items":[{"credits":"8","breakdown":[],"affordable":true,"blocked":null}],"balance":1,"price_book":"p"}"#;
    assert_eq!(decode_error(decode_quotes(body, 1)).0, "items[0].credits");
    let body = r#"{"items":[{"credits":8,"breakdown":[{"label":"x","credits":-1}],"affordable":true,"blocked":null}],"balance":1,"price_book":"p"}"#;
    assert_eq!(
        decode_error(decode_quotes(body, 1)).0,
        "items[0].breakdown[0].credits"
    );
    let huge = r#"{"items":[],"balance":18446744073709551616,"price_book":"p"}"#;
    assert_eq!(decode_error(decode_quotes(huge, 0)).0, "balance");
}

#[test]
fn a_wrong_item_count_is_an_error_on_items() {
    let (field, message) = decode_error(decode_quotes(QUOTES, 3));
    assert_eq!(field, "items");
    assert_eq!(message, "asked for 3 quotes, got 2");
}

#[test]
fn garbage_truncation_and_deep_nesting_are_errors_not_panics() {
    for body in [
        "",
        "null",
        "<html>502</html>",
        &QUOTES[..QUOTES.len() / 2],
        r#"{"items":[{"error":{"status":"\uD800"}}]}"#,
        &format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        &format!(r#"{{"items":{}1{}}}"#, "[".repeat(5000), "]".repeat(5000)),
    ] {
        assert!(decode_quotes(body, 1).is_err());
    }
}

#[test]
fn error_bodies_are_read_leniently() {
    let e = error_for(
        402,
        r#"{"type":"about:blank","title":"t","status":402,"code":"insufficient_credits","needed":160,"balance":120,"reason":"shared_pool_exhausted","resets_at":null,"suggested_plan":"enterprise","extra":1}"#,
    );
    assert_eq!(e.kind(), "insufficient_credits");
    assert_eq!(e.problem().and_then(|p| p.needed), Some(160));
    assert_eq!(error_for(502, "<html>bad gateway</html>").kind(), "server");
    assert_eq!(error_for(422, "{\"status\":").kind(), "refused");
}

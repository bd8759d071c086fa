//! Reading a line this client cannot word: it keeps its label.

use serde_json::{from_value, json, to_value, Value};

use crate::{BreakdownKind, BreakdownLine};

#[test]
fn a_line_this_client_cannot_word_keeps_its_label_as_unknown() {
    let read = |v: Value| from_value::<BreakdownLine>(v).unwrap();
    let unknown = |label: &str, credits| BreakdownLine {
        label: label.into(),
        credits,
        kind: BreakdownKind::Unknown,
    };
    // A server from before kinds.
    assert_eq!(
        read(json!({"label": "4 images × 2 credits", "credits": 8})),
        unknown("4 images × 2 credits", 8)
    );
    // A kind a newer server adds.
    assert_eq!(
        read(json!({"label": "Priority", "credits": 5, "kind": "priority", "level": 2})),
        unknown("Priority", 5)
    );
    // A known kind without one of its numbers, and a tool this client does not know.
    assert_eq!(
        read(json!({"label": "x", "credits": 4, "kind": "per_image", "count": 4})),
        unknown("x", 4)
    );
    assert_eq!(
        read(
            json!({"label": "y", "credits": 2, "kind": "per_edit", "tool": "colorize", "count": 1, "unit": 2})
        ),
        unknown("y", 2)
    );
    // An unknown line goes out as it came, without a kind.
    assert_eq!(
        to_value(unknown("z", 1)).unwrap(),
        json!({"label": "z", "credits": 1})
    );
    // A wrong type is still an error, at its field.
    let err = from_value::<BreakdownLine>(
        json!({"label": "x", "credits": 1, "kind": "upscale", "factor": "4"}),
    );
    assert!(err.unwrap_err().to_string().contains("invalid type"));
}

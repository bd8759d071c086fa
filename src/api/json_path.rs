//! The path (`items[2].credits`) of the value at a byte offset of a JSON
//! text. serde_json reports where decoding failed as a line and column; this
//! turns that into the field at fault, so the client does not need a
//! path-tracking deserializer (serde_path_to_error cost 25 KB of wasm).

enum Frame {
    /// An object, with the last key read in it.
    Object(Option<String>),
    /// An array, with the index of the current element.
    Array(usize),
}

/// The path of the value being read at byte `offset` of `text`: object keys
/// joined by `.`, array indices in brackets; empty at the top level.
/// Never fails: on text that is not JSON it names whatever it has seen.
pub fn path_at(text: &str, offset: usize) -> String {
    render(&frames_at(text, offset))
}

/// The path of the innermost object open at byte `offset` (where serde
/// reports a missing field: at the object's closing brace).
pub fn object_path_at(text: &str, offset: usize) -> String {
    let mut stack = frames_at(text, offset);
    while let Some(Frame::Array(_)) = stack.last() {
        stack.pop();
    }
    stack.pop();
    render(&stack)
}

fn frames_at(text: &str, offset: usize) -> Vec<Frame> {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expect_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(_)) => expect_key = true,
                None => {}
            },
            b'"' => {
                let (string, next) = read_string(bytes, i + 1);
                if expect_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(string);
                    }
                    expect_key = false;
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// The string starting after an opening quote at `start`, and the index
/// after its closing quote. Escapes are kept as written: keys are plain words.
fn read_string(bytes: &[u8], start: usize) -> (String, usize) {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => break,
            _ => i += 1,
        }
    }
    let close = i.min(bytes.len());
    let s = String::from_utf8_lossy(&bytes[start.min(close)..close]).into_owned();
    (s, close + 1)
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// The byte offset of a 1-based line and column as serde_json reports them.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap_or(text.len()))
    }

    #[test]
    fn names_keys_and_indices() {
        let t = r#"{"items":[{"credits":1},{"credits":"x","b":[1,{"c":2}]}],"z":0}"#;
        assert_eq!(at(t, r#""x""#), "items[1].credits");
        assert_eq!(at(t, "2}"), "items[1].b[1].c");
        assert_eq!(at(t, "0}"), "z");
        assert_eq!(path_at(t, 0), "");
    }

    #[test]
    fn quotes_and_brackets_inside_strings_do_not_count() {
        let t = r#"{"a":"}],{\"","b":[ "x,y", 5 ]}"#;
        assert_eq!(at(t, "5"), "b[1]");
    }

    #[test]
    fn a_missing_field_is_named_at_its_object() {
        let t = r#"{"items":[{"a":1},{"b":[1],"c":2}],"z":0}"#;
        assert_eq!(object_path_at(t, t.find("2}").unwrap() + 1), "items[1]");
        assert_eq!(object_path_at(t, t.len() - 1), "");
    }

    #[test]
    fn garbage_never_panics() {
        for t in ["", "\"", "\"\\", "{\"a", "]]]", "{\"é\":[", "\u{0}{,,,"] {
            for i in 0..=t.len() + 2 {
                let _ = path_at(t, i);
                let _ = object_path_at(t, i);
            }
        }
    }

    #[test]
    fn lines_and_columns_become_offsets() {
        assert_eq!(offset_of("ab\ncd", 2, 1), 4);
        assert_eq!(offset_of("ab", 9, 9), 2);
    }
}

//! What HTTP lets a header carry (RFC 9110 §5): checked before the browser sees it,
//! because the browser's `Headers` throws a JS exception on anything else.

/// A field name: one or more `tchar`s.
pub(crate) fn name_ok(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A field value: visible ASCII, Latin-1 (`obs-text`), spaces and tabs;
/// never CR, LF, NUL, another control character, or anything above U+00FF
/// (which a browser cannot turn into a byte).
pub(crate) fn value_ok(value: &str) -> bool {
    value
        .chars()
        .all(|c| c == '\t' || (' '..='~').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_http_tokens() {
        for ok in [
            "Authorization",
            "X-Test-Client",
            "x_trace.id",
            "a!#$%&'*+-.^_`|~9",
        ] {
            assert!(name_ok(ok), "{ok:?}");
        }
        for bad in ["", "X Trace", "X-Trace:", "X\r\nEvil", "é", "(x)", "a/b"] {
            assert!(!name_ok(bad), "{bad:?}");
        }
    }

    #[test]
    fn values_refuse_line_breaks_nul_controls_and_wide_characters() {
        for ok in ["Bearer tok_pro_admin", "", "a\tb", "caf\u{e9}", "~!@#"] {
            assert!(value_ok(ok), "{ok:?}");
        }
        for bad in [
            "a\rb", "a\nb", "a\0b", "a\u{1}b", "a\u{7f}b", "\u{100}", "€", "😀",
        ] {
            assert!(!value_ok(bad), "{bad:?}");
        }
    }
}

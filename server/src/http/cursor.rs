//! The usage history's opaque page cursor: where the last page ended, for
//! which filter, tamper-evident.
//!
//! 36 lowercase hex digits: the entry's time and sequence number (8 bytes
//! each) and a 2-byte check of both and of the filter's key
//! ([`Filter::key`](crate::persistence::db::usage::Filter::key), empty for
//! none, so unfiltered cursors are as before). A cursor read with another
//! filter than it was made for fails its check: like anything else not
//! written here, it is refused as `invalid_cursor`.

use crate::domain::hash::fnv1a;
use crate::persistence::db::usage::After;

/// The cursor that continues after `position` under the filter keyed `filter`.
pub fn encode(position: After, filter: &str) -> String {
    let mut bytes = Vec::with_capacity(18);
    bytes.extend_from_slice(&position.at.to_be_bytes());
    bytes.extend_from_slice(&position.seq.to_be_bytes());
    let check = check(&bytes, filter);
    bytes.extend_from_slice(&check.to_be_bytes());
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn check(body: &[u8], filter: &str) -> u16 {
    let mut bytes = body.to_vec();
    bytes.extend_from_slice(filter.as_bytes());
    (fnv1a(&bytes) & 0xffff) as u16
}

/// The position a cursor names; `None` for anything [`encode`] did not write
/// for this `filter`.
pub fn decode(cursor: &str, filter: &str) -> Option<After> {
    if cursor.len() != 36
        || !cursor
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        return None;
    }
    let bytes: Vec<u8> = (0..18)
        .map(|i| u8::from_str_radix(cursor.get(2 * i..2 * i + 2)?, 16).ok())
        .collect::<Option<_>>()?;
    let (body, given) = bytes.split_at(16);
    let expected = check(body, filter);
    if given != expected.to_be_bytes() {
        return None;
    }
    let at = i64::from_be_bytes(body[..8].try_into().ok()?);
    let seq = i64::from_be_bytes(body[8..].try_into().ok()?);
    Some(After { at, seq })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_edits() {
        let p = After {
            at: 1_795_550_400,
            seq: 42,
        };
        let c = encode(p, "");
        assert_eq!(c.len(), 36);
        assert_eq!(decode(&c, ""), Some(p));
        assert_eq!(
            c, "000000006b05ecc0000000000000002ac37b",
            "as before filters"
        );
        let mut edited = c.clone().into_bytes();
        edited[15] = if edited[15] == b'0' { b'1' } else { b'0' };
        assert_eq!(decode(&String::from_utf8(edited).unwrap(), ""), None);
        for bad in [
            "",
            "abc",
            &c.to_uppercase(),
            &format!("{c}0"),
            &"z".repeat(36),
        ] {
            assert_eq!(decode(bad, ""), None, "{bad}");
        }
    }

    #[test]
    fn a_cursor_is_bound_to_its_filter() {
        let p = After { at: 7, seq: 3 };
        let kim = encode(p, "u_kim\nfailed");
        assert_eq!(decode(&kim, "u_kim\nfailed"), Some(p));
        for other in ["", "u_kim\n", "u_lea\nfailed", "u_kim\ncharged,failed"] {
            assert_eq!(decode(&kim, other), None, "{other:?}");
        }
        assert_eq!(decode(&encode(p, ""), "u_kim\nfailed"), None);
    }
}

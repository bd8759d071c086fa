//! `CreditsClient`'s builder: identities, replaced and refused headers.

use super::*;

#[test]
fn identity_tells_members_apart_without_holding_the_token() {
    let a = CreditsClient::new("/api").with_token("tok_a");
    let b = CreditsClient::new("/api").with_token("tok_b");
    assert_ne!(a.identity(), b.identity());
    assert_eq!(
        a.identity(),
        a.clone().with_timeout(Duration::from_secs(1)).identity()
    );
    assert_ne!(
        a.identity(),
        a.clone().with_header("X-Test-Client", "1").identity()
    );
    assert!(!format!("{a:?}").contains("tok_a"));
}

/// Issue 11.7: such a token made gloo throw a JS exception out of Rust.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_token_or_header_http_cannot_carry_is_refused_with_a_typed_error() {
    use crate::ClientError;

    let refused = |c: CreditsClient| {
        futures::executor::block_on(c.plans())
            .map(|_| ())
            .unwrap_err()
    };
    for token in [
        "tok\r\nX-Evil: 1",
        "tok\n",
        "tok\0",
        "tok\u{7f}",
        "tök\u{100}",
        "tok€",
    ] {
        let c = CreditsClient::new("/api").with_token(token);
        assert_eq!(c.token, None, "{token:?}");
        assert_eq!(
            refused(c),
            ClientError::InvalidHeader {
                name: "Authorization".into()
            },
            "{token:?}"
        );
    }
    let c = CreditsClient::new("/api").with_header("X-Trace", "a\rb");
    assert_eq!(
        refused(c),
        ClientError::InvalidHeader {
            name: "X-Trace".into()
        }
    );
    let c = CreditsClient::new("/api").with_header("X Trace\n", "1");
    assert_eq!(
        refused(c),
        ClientError::InvalidHeader {
            name: "(unnamed)".into()
        }
    );
    // Latin-1 and tabs are legal header text: not refused as a header
    // (natively the request stops at the browser-only check instead).
    let fine = CreditsClient::new("/api").with_token("tok_\u{e9}\tx");
    assert_eq!(refused(fine), ClientError::NotInBrowser);
}

#[test]
fn a_header_of_the_same_name_is_replaced() {
    let c = CreditsClient::new("/api")
        .with_header("X-Trace", "1")
        .with_header("x-trace", "2");
    assert_eq!(c.headers, vec![("x-trace".to_owned(), "2".to_owned())]);
}

//! Which links from the API may be followed: the rule the components and the
//! server share, decided by a WHATWG URL parser, as a browser would read the
//! link, never by looking at its text. [`is_safe_href`] needs the `links`
//! feature (the `url` crate); the browser build of the components asks the
//! browser's own `URL` the same questions, against the same tables.

/// Whether `href`, read against the page's `base`, is safe to follow: written
/// as an absolute `https:` URL (any host), or resolving to `base`'s own
/// origin. Everything else is refused, in particular the forms a browser turns
/// into another host (`//evil.example`, `/\evil.example`, `\\evil.example`, a
/// tab or a line break between the slashes), other schemes (`javascript:`,
/// `data:`, `http:`), and an empty link. A `base` that is not an absolute URL
/// refuses every relative link.
#[cfg(feature = "links")]
pub fn is_safe_href(href: &str, base: &str) -> bool {
    use url::Url;

    if href.trim().is_empty() {
        return false;
    }
    if let Ok(absolute) = Url::parse(href) {
        return absolute.scheme() == "https";
    }
    let Ok(base) = Url::parse(base) else {
        return false;
    };
    match base.join(href) {
        Ok(resolved) => resolved.origin() == base.origin() && base.origin().is_tuple(),
        Err(_) => false,
    }
}

/// The page base the table tests read links against.
#[doc(hidden)]
pub const TEST_BASE: &str = "https://app.example/studio/";

/// Links that must be followed, against [`TEST_BASE`].
#[doc(hidden)]
pub const SAFE_HREFS: &[&str] = &[
    "https://billing.example/upgrade",
    "HTTPS://billing.example/upgrade",
    " https://billing.example/upgrade ",
    "/settings/subscription",
    "plans?x=1",
    "../settings#plans",
    "?plan=pro",
    "#plans",
    "https://app.example/settings",
    // Written as https, so followed wherever it points (the rule's first half).
    "https:/\\evil.example",
    // A path of this origin: the encoded slashes stay in the path.
    "%2F%2Fevil.example",
];

/// Links that must be refused, against [`TEST_BASE`]: each goes to another
/// host, another scheme, or nowhere (at least 20 hostile forms).
#[doc(hidden)]
pub const HOSTILE_HREFS: &[&str] = &[
    "",
    "   ",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "\u{1}//evil.example",
    "\u{0}//evil.example",
    " //evil.example",
    "http://evil.example",
    "HTTP://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u{1}javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://evil.example",
    "blob:https://evil.example/x",
    "//%65vil.example",
    "/\\%65vil.example",
    "wss://evil.example",
    "mailto:owner@evil.example",
];

#[cfg(all(test, feature = "links"))]
mod tests {
    use super::*;

    #[test]
    fn https_links_and_same_origin_links_are_followed() {
        for href in SAFE_HREFS {
            assert!(is_safe_href(href, TEST_BASE), "{href:?}");
        }
    }

    #[test]
    fn links_a_browser_sends_to_another_host_or_scheme_are_refused() {
        assert!(HOSTILE_HREFS.len() >= 20);
        for href in HOSTILE_HREFS {
            assert!(!is_safe_href(href, TEST_BASE), "{href:?}");
        }
    }

    #[test]
    fn a_relative_link_is_refused_without_a_page_to_resolve_it() {
        assert!(!is_safe_href("/settings", "not a url"));
        assert!(!is_safe_href("/settings", "data:text/plain,x"));
        assert!(is_safe_href("https://billing.example/", "not a url"));
    }
}

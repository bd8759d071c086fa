/// Links the component follows: https, or relative to the page. Never
/// `javascript:`, `data:` or plain http to another host.
pub fn is_safe_href(href: &str) -> bool {
    let h = href.trim();
    if h.starts_with("//") {
        return false;
    }
    match h.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            scheme.eq_ignore_ascii_case("https")
        }
        _ => !h.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_and_relative_links_are_followed() {
        for ok in [
            "https://billing.example/upgrade",
            "/settings/subscription",
            "plans?x=1",
            "HTTPS://x.example",
        ] {
            assert!(is_safe_href(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "http://x.example",
            "//evil.example",
            "",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
    }
}

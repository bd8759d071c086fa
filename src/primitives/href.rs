//! Links from the API, followed only when the URL parser says so.

/// Whether a link from the API may be followed on this page: written as an
/// absolute `https:` URL, or resolving to the page's own origin (the rule of
/// [`credits_core::links`], which the server applies to plan links too).
/// The browser's `URL` parser reads it against `document.baseURI`, exactly
/// as the browser would follow it; natively there is no page, so only
/// absolute `https:` links pass.
pub fn is_safe_href(href: &str) -> bool {
    safe_against(href, &page_base().unwrap_or_default())
}

#[cfg(target_arch = "wasm32")]
fn page_base() -> Option<String> {
    if !super::in_browser() {
        return None;
    }
    web_sys::window()?.document()?.base_uri().ok().flatten()
}

#[cfg(not(target_arch = "wasm32"))]
fn page_base() -> Option<String> {
    None
}

#[cfg(target_arch = "wasm32")]
fn safe_against(href: &str, base: &str) -> bool {
    use web_sys::Url;
    if href.trim().is_empty() {
        return false;
    }
    if let Ok(absolute) = Url::new(href) {
        return absolute.protocol() == "https:";
    }
    let Ok(page) = Url::new(base) else {
        return false;
    };
    let origin = page.origin();
    match Url::new_with_base(href, base) {
        Ok(resolved) => origin != "null" && resolved.origin() == origin,
        Err(_) => false,
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn safe_against(href: &str, base: &str) -> bool {
    credits_core::links::is_safe_href(href, base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use credits_core::links::{HOSTILE_HREFS, SAFE_HREFS, TEST_BASE};

    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    /// Issue 11.2: `/\evil.example`, `\\evil.example`, a tab or a line break
    /// between the slashes, or a control character before `//` passed the old
    /// text check, and a browser follows each to another host.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn links_that_a_browser_sends_to_another_host_are_refused() {
        for href in HOSTILE_HREFS {
            assert!(!safe_against(href, TEST_BASE), "{href:?}");
        }
        for href in SAFE_HREFS {
            assert!(safe_against(href, TEST_BASE), "{href:?}");
        }
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn on_the_page_relative_links_of_its_origin_pass_and_protocol_relative_ones_do_not() {
        if page_base().is_none() {
            // Natively there is no page: only absolute https links.
            assert!(is_safe_href("https://billing.example/"));
            assert!(!is_safe_href("/settings"));
            return;
        }
        assert!(is_safe_href("/settings/subscription"));
        assert!(!is_safe_href("/\\evil.example"));
        assert!(!is_safe_href("//evil.example"));
    }
}

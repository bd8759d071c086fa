//! Light, dark or the system's: the `data-lc-theme` switch of `tokens.css`.

use leptos::prelude::*;

/// Which palette the components below use.
///
/// The same choice is open to a host without Rust: `data-lc-theme="light"`,
/// `"dark"` or `"auto"` on any ancestor element, e.g. `<html>`.
///
/// Precedence: the nearest ancestor that carries `data-lc-theme` decides,
/// because every such element declares its whole palette again. `Auto`, like
/// no mark at all, follows `prefers-color-scheme`; `Light` and `Dark` ignore
/// it. A host rule that sets a colour token outside any layer beats every
/// theme; to recolour one theme only, scope it, e.g.
/// `[data-lc-theme="dark"] { --lc-accent: … }`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// The light palette, whatever the system prefers.
    Light,
    /// The dark palette, whatever the system prefers.
    Dark,
    /// Follows `prefers-color-scheme` (the default).
    #[default]
    Auto,
}

impl Theme {
    /// The value of `data-lc-theme`: `light`, `dark` or `auto`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// `view` inside `<div class="lc-theme" data-lc-theme=…>`, a wrapper with
/// `display: contents` (no box of its own, so the host's layout is
/// unchanged), or `view` alone when there is no `theme`. This is what
/// `CreditsProvider`'s `theme` prop renders.
pub fn theme_scope(theme: Option<Signal<Theme>>, view: AnyView) -> AnyView {
    match theme {
        Some(theme) => view! {
            <div class="lc-theme" data-lc-theme=move || theme.get().as_str()>
                {view}
            </div>
        }
        .into_any(),
        None => view,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_is_the_default_and_names_match_the_css() {
        assert_eq!(Theme::default(), Theme::Auto);
        let names = [Theme::Light, Theme::Dark, Theme::Auto].map(Theme::as_str);
        assert_eq!(names, ["light", "dark", "auto"]);
        for name in names {
            assert!(
                super::super::TOKENS.contains(&format!("[data-lc-theme=\"{name}\"]")),
                "{name}"
            );
        }
    }
}

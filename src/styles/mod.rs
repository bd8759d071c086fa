//! The components' CSS, shipped inside the crate.
//!
//! The files in `style/` are the source; this module includes them,
//! minified by the build script, as strings, one per surface, and [`ALL`] of
//! them in one. Most hosts render
//! [`CreditsStyles`] once and are done. A host that bundles its CSS itself
//! can write these strings into its own stylesheet instead.
//!
//! Every rule sits in the cascade layer `leptos-credits`, so a host rule
//! outside any layer wins over it without `!important`, whatever either
//! selector's specificity. Colours, sizes and radii come from `--lc-*`
//! custom properties (listed at the top of [`TOKENS`]); the theme is light,
//! dark, or `auto` (the system's `prefers-color-scheme`), chosen by
//! `data-lc-theme` on any ancestor or by [`CreditsProvider`]'s `theme` prop
//! (see [`Theme`]).
//!
//! [`CreditsProvider`]: crate::CreditsProvider

mod component;
#[cfg(all(target_arch = "wasm32", not(feature = "ssr")))]
mod dom;
mod theme;

pub use component::{CreditsStyles, STYLE_ID};
pub use theme::{theme_scope, Theme};

/// The `--lc-*` custom properties of both themes, the theme switch and the
/// shared helper classes. Every other surface needs them.
pub const TOKENS: &str = include_str!(concat!(env!("OUT_DIR"), "/tokens.css"));
/// `CostBadge`.
pub const COST_BADGE: &str = include_str!(concat!(env!("OUT_DIR"), "/cost_badge.css"));
/// `CostEstimator` (the trigger and its popover).
pub const COST_ESTIMATOR: &str = include_str!(concat!(env!("OUT_DIR"), "/cost_estimator.css"));
/// `GenerateButton`.
pub const GENERATE_BUTTON: &str = include_str!(concat!(env!("OUT_DIR"), "/generate_button.css"));
/// `LowBalanceBanner`.
pub const LOW_BALANCE: &str = include_str!(concat!(env!("OUT_DIR"), "/low_balance.css"));
/// `OutOfCreditsPrompt`.
pub const OUT_OF_CREDITS: &str = include_str!(concat!(env!("OUT_DIR"), "/out_of_credits.css"));
/// `SubscriptionBalance`, `UsageHistory` and `PlanComparison`.
pub const SUBSCRIPTION: &str = include_str!(concat!(env!("OUT_DIR"), "/subscription.css"));

/// Every surface, tokens first: what `<CreditsStyles/>` renders by default.
pub const ALL: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/tokens.css")),
    include_str!(concat!(env!("OUT_DIR"), "/cost_badge.css")),
    include_str!(concat!(env!("OUT_DIR"), "/cost_estimator.css")),
    include_str!(concat!(env!("OUT_DIR"), "/generate_button.css")),
    include_str!(concat!(env!("OUT_DIR"), "/low_balance.css")),
    include_str!(concat!(env!("OUT_DIR"), "/out_of_credits.css")),
    include_str!(concat!(env!("OUT_DIR"), "/subscription.css")),
);

/// One stylesheet of the library: the tokens, or one component's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    Tokens,
    CostBadge,
    CostEstimator,
    GenerateButton,
    LowBalance,
    OutOfCredits,
    /// `SubscriptionBalance`, `UsageHistory` and `PlanComparison`.
    Subscription,
}

impl Surface {
    /// Every surface, in the order [`ALL`] has them.
    pub const EVERY: [Surface; 7] = [
        Surface::Tokens,
        Surface::CostBadge,
        Surface::CostEstimator,
        Surface::GenerateButton,
        Surface::LowBalance,
        Surface::OutOfCredits,
        Surface::Subscription,
    ];

    /// This surface's CSS.
    pub const fn css(self) -> &'static str {
        match self {
            Surface::Tokens => TOKENS,
            Surface::CostBadge => COST_BADGE,
            Surface::CostEstimator => COST_ESTIMATOR,
            Surface::GenerateButton => GENERATE_BUTTON,
            Surface::LowBalance => LOW_BALANCE,
            Surface::OutOfCredits => OUT_OF_CREDITS,
            Surface::Subscription => SUBSCRIPTION,
        }
    }

    /// A short name, e.g. `cost-badge`; it ends the `<style>` id of a subset.
    pub const fn slug(self) -> &'static str {
        match self {
            Surface::Tokens => "tokens",
            Surface::CostBadge => "cost-badge",
            Surface::CostEstimator => "cost-estimator",
            Surface::GenerateButton => "generate-button",
            Surface::LowBalance => "low-balance",
            Surface::OutOfCredits => "out-of-credits",
            Surface::Subscription => "subscription",
        }
    }
}

/// The CSS of `surfaces` plus the tokens, in [`ALL`]'s order, each once.
pub fn css_for(surfaces: &[Surface]) -> String {
    Surface::EVERY
        .iter()
        .filter(|s| **s == Surface::Tokens || surfaces.contains(s))
        .map(|s| s.css())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_every_surface_in_order() {
        assert_eq!(ALL, css_for(&Surface::EVERY));
        assert_eq!(
            ALL,
            css_for(&[
                Surface::Subscription,
                Surface::CostBadge,
                Surface::CostEstimator,
                Surface::GenerateButton,
                Surface::LowBalance,
                Surface::OutOfCredits
            ])
        );
    }

    #[test]
    fn a_subset_keeps_the_tokens_first() {
        assert_eq!(
            css_for(&[Surface::CostBadge]),
            format!("{TOKENS}{COST_BADGE}")
        );
    }

    #[test]
    fn every_surface_is_in_the_layer_and_has_no_physical_sides() {
        for surface in Surface::EVERY {
            let css = surface.css();
            assert!(css.contains("@layer leptos-credits {"), "{surface:?}");
            for physical in ["-left", "-right", "left:", "right:", ": left", ": right"] {
                assert!(!css.contains(physical), "{surface:?} has `{physical}`");
            }
            assert!(!css.contains("!important"), "{surface:?}");
        }
    }
}

//! Every public component rendered to HTML on the server (Leptos `ssr`, as
//! leptos_axum renders each request), inside a `CreditsProvider` and outside
//! one: nothing panics, no browser API is touched, each shows its loading
//! state with its landmarks, and the same page renders the same markup (and
//! ARIA ids) every time, so the browser can hydrate it.
//!
//! `cargo test -p leptos-credits --features ssr --test ssr_render`
#![cfg(all(not(target_arch = "wasm32"), feature = "ssr"))]
#![recursion_limit = "256"]

#[path = "common/ssr.rs"]
mod ssr;

use leptos::prelude::*;
use leptos_credits::*;
use ssr::{provided, render};

fn images() -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(Quality::High, 4))
}

fn short_refusal() -> Refusal {
    Refusal {
        why: credits_core::prompt::Why::Short(credits_core::Reason::MonthlyLimitReached),
        needed: Some(64),
        balance: Some(12),
        resets_at: Some("2026-12-28T00:00:00Z".into()),
        suggested_plan: Some(PlanId::Pro),
        required_plan: None,
        action: Some(images()),
        decided_locally: false,
    }
}

#[test]
fn the_cost_badge_renders_its_loading_state_and_no_number() {
    let html = render(|| provided(|| view! { <CostBadge action=images() /> }));
    assert!(html.contains("lc-cost-badge"), "{html}");
    assert!(html.contains("role=\"status\""), "{html}");
    assert!(html.contains("data-state=\"loading\""), "{html}");
    assert!(html.contains("aria-busy=\"true\""), "{html}");
    assert!(html.contains("Estimating"), "{html}");
    assert!(
        !html.chars().any(|c| c.is_ascii_digit()),
        "a number it does not know: {html}"
    );
}

#[test]
fn the_cost_badge_outside_a_provider_renders_its_error_and_no_number() {
    let html = render(|| view! { <CostBadge action=images() /> });
    assert!(html.contains("data-state=\"error\""), "{html}");
    assert!(html.contains("lc-cost-badge__retry"), "{html}");
    assert!(!html.chars().any(|c| c.is_ascii_digit()), "{html}");
}

#[test]
fn the_estimator_trigger_renders_closed_with_its_aria_attributes() {
    for html in [
        render(|| provided(|| view! { <CostEstimator action=images() /> })),
        render(|| view! { <CostEstimator action=images() /> }),
    ] {
        assert!(html.contains("lc-cost-estimator__trigger"), "{html}");
        assert!(html.contains("aria-haspopup=\"dialog\""), "{html}");
        assert!(html.contains("aria-expanded=\"false\""), "{html}");
        assert!(!html.contains("aria-controls"), "only while open: {html}");
        assert!(html.contains("aria-label=\"Cost estimate\""), "{html}");
        assert!(
            !html.contains("role=\"dialog\""),
            "closed on the server: {html}"
        );
    }
}

#[test]
fn the_generate_button_renders_without_a_cost_it_does_not_know() {
    for html in [
        render(|| {
            provided(
                || view! { <GenerateButton action=images() on_generate=Callback::new(|_| {}) /> },
            )
        }),
        render(|| view! { <GenerateButton action=images() on_generate=Callback::new(|_| {}) /> }),
    ] {
        assert!(html.contains("<button"), "{html}");
        assert!(html.contains("lc-generate__button"), "{html}");
        assert!(html.contains("Generate"), "{html}");
        assert!(html.contains("data-affordability=\"unknown\""), "{html}");
        assert!(!html.contains("lc-generate__cost"), "{html}");
    }
}

#[test]
fn the_finish_button_renders_its_words_without_a_cost_and_nothing_without_a_plan() {
    fn finish() -> impl IntoView {
        let plan = DraftPlan::for_action(&images());
        view! { <FinishButton plan=Signal::stored(plan) on_finish=Callback::new(|_| {}) /> }
    }
    for html in [render(|| provided(finish)), render(finish)] {
        assert!(html.contains("lc-finish"), "{html}");
        assert!(html.contains("data-affordability=\"unknown\""), "{html}");
        assert!(!html.contains("lc-generate__cost"), "{html}");
    }
    let inside = render(|| provided(finish));
    assert!(inside.contains("Finish at High quality"), "{inside}");
    let none = render(|| {
        provided(
            || view! { <FinishButton plan={None::<DraftPlan>} on_finish=Callback::new(|_| {}) /> },
        )
    });
    assert!(!none.contains("<button"), "no plan, no button: {none}");
}

#[test]
fn the_low_balance_banner_renders_empty_until_the_balance_is_known() {
    for html in [
        render(|| provided(|| view! { <LowBalanceBanner next_cost=64u64 /> })),
        render(|| view! { <LowBalanceBanner /> }),
    ] {
        assert!(html.contains("lc-low-balance"), "{html}");
        assert!(html.contains("role=\"status\""), "{html}");
        assert!(!html.contains("lc-low-balance__text"), "{html}");
    }
}

#[test]
fn the_subscription_view_renders_its_heading_and_loading_state() {
    let inside = render(|| provided(|| view! { <SubscriptionBalance /> }));
    assert!(inside.contains("<h2"), "{inside}");
    assert!(inside.contains("Subscription"), "{inside}");
    assert!(inside.contains("data-state=\"loading\""), "{inside}");
    assert!(inside.contains("aria-busy=\"true\""), "{inside}");
    assert!(
        inside.contains("aria-labelledby=\"lc-subscription-h"),
        "{inside}"
    );
    assert!(
        !inside.contains("lc-subscription__balance-value"),
        "{inside}"
    );
    let outside = render(|| view! { <SubscriptionBalance /> });
    assert!(outside.contains("lc-subscription"), "{outside}");
    assert!(outside.contains("role=\"alert\""), "{outside}");
}

#[test]
fn the_history_and_the_plans_render_their_headings_and_loading_states() {
    let inside = render(|| provided(|| view! { <UsageHistory /> <PlanComparison /> }));
    assert!(inside.contains("lc-usage-history__title"), "{inside}");
    assert!(inside.contains("lc-plans__title"), "{inside}");
    // Loading notes, not live regions: a page load speaks none of them.
    let words = CreditsText::default().subscription;
    assert!(inside.contains(words.history_loading.as_ref()), "{inside}");
    assert!(inside.contains(words.loading.as_ref()), "{inside}");
    // The only live region is the plans' purchase line, empty until a purchase.
    assert_eq!(inside.matches("role=\"status\"").count(), 1, "{inside}");
    assert!(
        inside.contains("<p role=\"status\" class=\"lc-plans__bought\"><!></p>"),
        "{inside}"
    );
    assert!(!inside.contains("lc-usage-history__row"), "{inside}");
    assert!(!inside.contains("lc-plans__plan"), "{inside}");
    let outside = render(|| view! { <UsageHistory /> <PlanComparison /> });
    assert_eq!(outside.matches("role=\"alert\"").count(), 2, "{outside}");
}

#[test]
fn an_open_prompt_renders_as_a_labelled_modal_dialog() {
    for html in [
        render(|| {
            provided(|| {
                view! { <OutOfCreditsPrompt refusal=Some(short_refusal()) on_close=Callback::new(|()| {}) /> }
            })
        }),
        render(|| {
            view! { <OutOfCreditsPrompt refusal=Some(short_refusal()) on_close=Callback::new(|()| {}) /> }
        }),
    ] {
        assert!(html.contains("role=\"dialog\""), "{html}");
        assert!(html.contains("aria-modal=\"true\""), "{html}");
        assert!(
            html.contains("aria-labelledby=\"lc-prompt-title-h"),
            "{html}"
        );
        assert!(
            html.contains("data-reason=\"monthly_limit_reached\""),
            "{html}"
        );
    }
    let closed = render(|| {
        provided(
            || view! { <OutOfCreditsPrompt refusal=Signal::stored(None) on_close=Callback::new(|()| {}) /> },
        )
    });
    assert!(!closed.contains("role=\"dialog\""), "{closed}");
}

#[test]
fn the_hooks_stay_unknown_on_the_server() {
    let html = render(|| {
        provided(|| {
            let quote = use_quote(Signal::stored(images()));
            let quotes = use_quotes(Signal::stored(vec![images()]));
            let balance = use_balance();
            let fit = use_affordability(Signal::stored(images()));
            let words = format!(
                "{}/{}/{}/{}",
                matches!(quote.state.get_untracked(), QuoteState::Loading),
                matches!(quotes.state.get_untracked(), QuotesState::Loading),
                balance.state.get_untracked().as_str(),
                fit.get_untracked().as_str(),
            );
            balance.refresh.run(());
            view! { <p>{words}</p> }
        })
    });
    assert!(html.contains("true/true/loading/unknown"), "{html}");
}

#[test]
fn a_page_renders_the_same_markup_and_ids_on_every_request() {
    let page = || {
        provided(|| {
            view! {
                <CostBadge action=images() />
                <CostEstimator action=images() />
                <GenerateButton action=images() on_generate=Callback::new(|_| {}) />
                <LowBalanceBanner />
                <SubscriptionBalance />
                <PlanComparison />
                <UsageHistory />
                <OutOfCreditsPrompt refusal=Some(short_refusal()) on_close=Callback::new(|()| {}) />
            }
        })
    };
    let first = render(page);
    let second = render(page);
    assert_eq!(first, second);
    assert!(first.contains("id=\"lc-subscription-h"), "{first}");
}

#[test]
fn the_client_refuses_to_fetch_on_the_server_with_a_typed_error() {
    let client = CreditsClient::new("http://127.0.0.1:1/api").with_token("tok_pro_admin");
    let answer = futures::executor::block_on(client.plans());
    assert_eq!(answer.err(), Some(ClientError::NotInBrowser));
}

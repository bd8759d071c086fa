//! Every surface in German and in Arabic, against the live reference server:
//! no English word left, numbers, dates and money in the locale, Arabic's six
//! plural forms, and a catalogue missing half its keys.
#![cfg(target_arch = "wasm32")]

mod common;

use std::time::Duration;

use common::hooks::fork_workspace;
use common::i18n::{assert_no_english, mount_in, Lang, ARABIC, GERMAN};
use common::*;
use credits_core::time::parse_rfc3339;
use leptos::prelude::*;
use leptos_credits::intl::{format_day, format_moment, format_money};
use leptos_credits::{
    use_balance, BalanceAnswer, CostBadge, CostEstimator, CreditAction, CreditRequests,
    CreditsProvider, CreditsText, GenerateButton, ImageGenerate, LowBalanceBanner,
    OutOfCreditsPrompt, PlanComparison, Quality, Refusal, SubscriptionBalance, UsageHistory,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const WAIT: Duration = Duration::from_secs(10);
/// What ws_basic_limit's member and workspace are called: data, not words.
const BASIC_DATA: &[&str] = &["Harbor Lane Photo", "Sofía Romero"];
const PRO_DATA: &[&str] = &[
    "Northwind Studio",
    "Jonas Weber",
    "Léa Martin",
    "Ari",
    "Kim",
];

fn images(quality: Quality, count: u32) -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(quality, count))
}

/// The generation bar as a host wires it: banner, badge, estimator, Generate,
/// and the prompt Generate's refusal opens.
#[component]
fn Bar(action: CreditAction) -> impl IntoView {
    let refusal = RwSignal::new(None::<Refusal>);
    let refused = common::shop::refuse_into(use_balance(), refusal, Signal::stored(action.clone()));
    view! {
        <LowBalanceBanner next_cost=40u64 />
        <CostBadge action=action.clone() />
        <CostEstimator action=action.clone() />
        <GenerateButton action=action on_generate=Callback::new(|_| {}) on_refused=refused />
        <OutOfCreditsPrompt refusal=refusal on_close=Callback::new(move |()| refusal.set(None)) />
    }
}

async fn the_bar_speaks(lang: &'static Lang) {
    let m = mount_in(
        lang,
        live_client("tok_basic_owner"),
        "ws_basic_limit",
        || {
            view! { <Bar action=images(Quality::High, 4) /> }
        },
    );
    let forty = lang.credits(40);
    let badge = wait_for("the badge's cost", WAIT, || {
        let shown = query_text(&m.root, ".lc-cost-badge__value");
        (shown == forty).then_some(shown)
    })
    .await;
    assert_eq!(badge, forty, "{}", lang.tag);
    let banner = wait_for("the banner", WAIT, || query(&m.root, ".lc-low-balance")).await;
    let want = lang
        .text()
        .prompts
        .low_for_next
        .replace("{balance}", &lang.credits(6))
        .replace("{needed}", &forty);
    wait_for_text_containing(&banner, &[&want], WAIT).await;

    let popover = common::estimator::open_ladder(&m).await;
    wait_for_text_containing(
        &popover,
        &[&lang.credits(6), &lang.counted(&lang.text().shortfall, 34)],
        WAIT,
    )
    .await;
    assert_no_english(&m.root, lang, BASIC_DATA);
    press("Escape").expect("Escape closes the estimator");

    let generate: HtmlElement = wait_for("a short Generate", WAIT, || {
        let state = query(&m.root, ".lc-generate")?.get_attribute("data-affordability")?;
        (state == "short").then_some(())?;
        query(&m.root, ".lc-generate__button")?.dyn_into().ok()
    })
    .await;
    focus(&generate).expect("Generate takes focus");
    click(&generate).expect("Generate is clickable");
    let prompt = wait_for("the prompt", WAIT, || query(&m.root, ".lc-prompt__dialog")).await;
    let needs = lang
        .text()
        .prompts
        .needed_vs_left
        .replace("{needed}", &forty)
        .replace("{balance}", &lang.credits(6));
    wait_for_text_containing(&prompt, &[&needs, &lang.text().prompts.monthly_title], WAIT).await;
    wait_for("the prompt's ways out", WAIT, || {
        query(&prompt, "[data-way-out]")
    })
    .await;
    assert_no_english(&m.root, lang, BASIC_DATA);
}

#[wasm_bindgen_test]
async fn the_generation_bar_estimator_banner_and_prompt_in_german_have_no_english_and_german_numbers(
) {
    the_bar_speaks(&GERMAN).await;
}

#[wasm_bindgen_test]
async fn the_generation_bar_estimator_banner_and_prompt_in_arabic_have_no_latin_text_and_arabic_numbers(
) {
    the_bar_speaks(&ARABIC).await;
}

async fn the_settings_page_speaks(lang: &'static Lang) {
    let workspace = fork_workspace("ws_pro_team").await;
    let plans = live_client("tok_pro_admin")
        .plans()
        .await
        .expect("the plans")
        .plans;
    let workspace_id = workspace.clone();
    let m = mount_in(lang, live_client("tok_pro_admin"), workspace, || {
        view! {
            <SubscriptionBalance />
            <CreditRequests />
            <UsageHistory page_size=5u32 />
            <PlanComparison />
        }
    });
    let balance = wait_for("the balance", WAIT, || {
        query(&m.root, ".lc-subscription__balance-value")
    })
    .await;
    assert_eq!(text(&balance), lang.number(120), "{}", lang.tag);
    wait_for_text_containing(&m.root, &[&lang.number(5000)], WAIT).await;
    let rows = wait_for("the history's rows", WAIT, || {
        let rows = query_all(&m.root, ".lc-usage-history__row");
        (rows.len() == 5).then_some(rows)
    })
    .await;
    for row in rows {
        let time = query(&row, "time").expect("a time");
        let at = time
            .get_attribute("datetime")
            .and_then(|d| parse_rfc3339(&d))
            .expect("a datetime");
        assert_eq!(
            text(&time),
            format_moment(at, Some(lang.tag)),
            "{}",
            lang.tag
        );
    }
    wait_for("every plan's card", WAIT, || {
        (query_all(&m.root, ".lc-plans__plan").len() == plans.len()).then_some(())
    })
    .await;
    for plan in plans.iter() {
        let card = query(
            &m.root,
            &format!(".lc-plans__plan[data-plan=\"{}\"]", plan.id.as_str()),
        )
        .expect("a card");
        if let Some(price) = &plan.price {
            let money = format_money(price.amount_minor, &price.currency, Some(lang.tag));
            assert!(
                query_text(&card, ".lc-plans__price").contains(&money),
                "{} in {}",
                money,
                lang.tag
            );
        }
        assert_eq!(
            query_text(&card, ".lc-plans__name"),
            lang.text().plan_name(plan.id),
            "{}",
            lang.tag
        );
    }
    let figures = match live_client("tok_pro_admin")
        .balance(&workspace_id, None, None)
        .await
    {
        Ok(BalanceAnswer::Fresh { balance, .. }) => *balance,
        other => panic!("the fork's balance: {other:?}"),
    };
    let resets_at = figures
        .cycle
        .as_ref()
        .and_then(|c| parse_rfc3339(&c.resets_at))
        .expect("a cycle");
    wait_for_text_containing(&m.root, &[&format_day(resets_at, Some(lang.tag))], WAIT).await;
    wait_for("the requests' heading", WAIT, || {
        query(&m.root, ".lc-requests__title")
    })
    .await;
    // Prices are Intl's words ("US$"), not the catalogue's.
    let prices: Vec<String> = plans
        .iter()
        .filter_map(|p| p.price.as_ref())
        .map(|p| format_money(p.amount_minor, &p.currency, Some(lang.tag)))
        .collect();
    let data: Vec<&str> = PRO_DATA
        .iter()
        .copied()
        .chain(prices.iter().map(String::as_str))
        .collect();
    assert_no_english(&m.root, lang, &data);
}

#[wasm_bindgen_test]
async fn the_subscription_view_history_plans_and_requests_in_german_have_no_english_and_german_dates_and_money(
) {
    the_settings_page_speaks(&GERMAN).await;
}

#[wasm_bindgen_test]
async fn the_subscription_view_history_plans_and_requests_in_arabic_have_no_latin_text_and_arabic_dates_and_money(
) {
    the_settings_page_speaks(&ARABIC).await;
}

/// Intl.PluralRules("ar") puts 0, 1, 2, 3, 11 and 100 in six different
/// categories; each badge reads its own form of the Arabic catalogue.
#[wasm_bindgen_test]
async fn arabic_credits_take_their_six_plural_forms_for_0_1_2_3_11_and_100() {
    let lang = &ARABIC;
    let cases: [(u64, &str); 6] = [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (3, "few"),
        (11, "many"),
        (100, "other"),
    ];
    let forms = lang.text().credits;
    for (n, category) in cases {
        assert_eq!(lang.category(n), category, "Intl.PluralRules('ar') for {n}");
        let own = match category {
            "zero" => &forms.zero,
            "one" => &forms.one,
            "two" => &forms.two,
            "few" => &forms.few,
            "many" => &forms.many,
            _ => &None,
        };
        assert!(
            category == "other" || own.is_some(),
            "ar.json's credits has a {category} form"
        );
    }
    // A form is chosen by its category: one of the six taken away, its count
    // would read differently (so the render below does use each form).
    assert_ne!(
        forms.one.as_deref(),
        Some(&*forms.other),
        "one differs from other"
    );
    assert_ne!(
        forms.two.as_deref(),
        Some(&*forms.other),
        "two differs from other"
    );
    assert_ne!(
        forms.few.as_deref(),
        Some(&*forms.other),
        "few differs from other"
    );

    // 1, 2, 3 and 11 draft images cost that many credits; 10 high-quality ones cost 100.
    let actions = [
        (1, images(Quality::Draft, 1)),
        (2, images(Quality::Draft, 2)),
        (3, images(Quality::Draft, 3)),
        (11, images(Quality::Draft, 11)),
        (100, images(Quality::High, 10)),
    ];
    let m = mount_in(
        lang,
        live_client("tok_pro_admin"),
        "ws_pro_team",
        move || {
            actions
                .into_iter()
                .map(|(n, action)| {
                    view! {
                        <p data-n=n><CostBadge action=action /></p>
                    }
                })
                .collect_view()
        },
    );
    for n in [1u64, 2, 3, 11, 100] {
        let want = lang.credits(n);
        let selector = format!("[data-n=\"{n}\"] .lc-cost-badge__value");
        wait_for(&format!("the badge for {n}"), WAIT, || {
            (query_text(&m.root, &selector) == want).then_some(())
        })
        .await;
    }
    drop(m);
    // Nothing costs 0 credits (free actions say so in words); an empty balance does.
    let empty = mount_in(lang, live_client("tok_free_owner"), "ws_free_empty", || {
        view! { <LowBalanceBanner /> }
    });
    let want = lang
        .text()
        .prompts
        .low_balance
        .replace("{balance}", &lang.credits(0));
    let banner = wait_for("the banner", WAIT, || query(&empty.root, ".lc-low-balance")).await;
    wait_for_text_containing(&banner, &[&want], WAIT).await;
}

/// A translation that lacks every other key still renders every surface:
/// English for the keys it lacks, its own words for the rest.
#[wasm_bindgen_test]
async fn a_catalogue_missing_half_its_keys_shows_english_for_those_and_german_for_the_rest() {
    let mut german: serde_json::Value = serde_json::from_str(GERMAN.json).expect("JSON");
    let top = german.as_object_mut().expect("an object");
    let keys: Vec<String> = top.keys().cloned().collect();
    // Every other key, starting so that `generate` is among those dropped.
    let start = keys.iter().position(|k| k == "generate").unwrap_or(0) % 2;
    let dropped: Vec<String> = keys.iter().skip(start).step_by(2).cloned().collect();
    for k in &dropped {
        top.remove(k);
    }
    let half = CreditsText::from_json(&german.to_string()).expect("half a catalogue reads");
    let (full, english) = (GERMAN.text(), CreditsText::ENGLISH);
    let is_dropped = |key: &str| dropped.iter().any(|d| d == key);
    let pick = |key: &str, de: &str, en: &str| {
        if is_dropped(key) {
            en.to_owned()
        } else {
            de.to_owned()
        }
    };
    let checked = [
        "generate",
        "estimate_title",
        "credits",
        "options_title",
        "balance_after",
    ];
    let gone = checked.iter().filter(|k| is_dropped(k)).count();
    assert!(
        gone > 0 && gone < checked.len(),
        "the checks see a dropped key and a kept one: {dropped:?}"
    );

    let text = half.clone();
    let client = live_client("tok_pro_admin");
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace="ws_pro_team" locale="de-DE" text=text>
                <CostEstimator action=images(Quality::Standard, 2) />
                <GenerateButton action=images(Quality::Standard, 2) on_generate=Callback::new(|_| {}) />
            </CreditsProvider>
        }
    });
    let generate = pick("generate", &full.generate, &english.generate);
    wait_for_text(&m.root, &generate, WAIT).await;
    let title = pick(
        "estimate_title",
        &full.estimate_title,
        &english.estimate_title,
    );
    let trigger = common::estimator::trigger(&m.root);
    assert_eq!(
        trigger.get_attribute("aria-label").as_deref(),
        Some(title.as_str())
    );
    let popover = common::estimator::open_ladder(&m).await;
    let credits = if is_dropped("credits") {
        &english.credits
    } else {
        &full.credits
    };
    let options = pick("options_title", &full.options_title, &english.options_title);
    let after = pick("balance_after", &full.balance_after, &english.balance_after);
    wait_for_text_containing(
        &popover,
        &[&GERMAN.counted(credits, 8), &options, &after],
        WAIT,
    )
    .await;
    assert_eq!(
        query_text(&popover, ".lc-cost-estimator__subtitle"),
        options
    );
}

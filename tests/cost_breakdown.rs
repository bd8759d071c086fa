//! The estimator's breakdown lines, worded by the client from each line's
//! data (`kind` and its numbers): in a German catalogue with German number
//! formatting, and in English exactly as the server's labels say it.
//! Headless Chromium against the live reference server.
#![cfg(target_arch = "wasm32")]

mod common;

use common::estimator::{breakdown_costing, server_labels, trigger};
use common::*;
use leptos::prelude::*;
use leptos_credits::{
    BreakdownText, CostEstimator, CreditAction, CreditsProvider, CreditsText, EditCount,
    ImageGenerate, ModelTrain, PluralText, Quality, Resolution, Upscale,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A host's German catalogue: the breakdown's words and the credit amounts.
fn german() -> CreditsText {
    let plural = PluralText::one_other;
    CreditsText {
        credits: plural("{n} Credit", "{n} Credits"),
        breakdown: BreakdownText {
            times: "{count} zu je {unit}".into(),
            with_notes: "{line} ({notes})".into(),
            note_separator: "; ".into(),
            images: plural("{n} Bild", "{n} Bilder"),
            seconds: plural("{n} Sekunde", "{n} Sekunden"),
            megapixels: plural("{n} Megapixel", "{n} Megapixel"),
            resolution: "Auflösung {resolution}".into(),
            model: "Modell {model}".into(),
            remove_background: "Hintergrund entfernen".into(),
            inpaint: "Bereich füllen".into(),
            expand: "Erweitern".into(),
            relight: "Neu beleuchten".into(),
            upscale: "{factor}-fach vergrößert".into(),
            training_setup: "Einrichtung des Trainings".into(),
            training_steps: "{images} × {steps}".into(),
            steps: plural("{n} Schritt", "{n} Schritte"),
        },
        ..CreditsText::default()
    }
}

fn training(images: u32, steps: u32) -> CreditAction {
    CreditAction::ModelTrain(ModelTrain { images, steps })
}

/// Two high-quality 2048 × 2048 images (4 MP each) on the XL model: 10 × 4 × 2 = 80 each.
fn xl_images() -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate {
        model: Some("aurora-2-xl".into()),
        width: 2048,
        height: 2048,
        ..ImageGenerate::new(Quality::High, 2)
    })
}

fn draft_image() -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(Quality::Draft, 1))
}

fn relight(count: u32) -> CreditAction {
    CreditAction::Relight(EditCount { count: Some(count) })
}

fn upscale(factor: u32) -> CreditAction {
    CreditAction::Upscale(Upscale { factor })
}

type Case = (
    CreditAction,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// Opens the estimator on the first case's action, then sets each case's
/// action as a host does and checks the popover's cost and breakdown lines.
async fn check_cases(locale: &'static str, text: CreditsText, cases: Vec<Case>) {
    let action = RwSignal::new(cases[0].0.clone());
    let client = live_client("tok_ent_owner");
    let m = mount(move || {
        view! {
            <CreditsProvider client=client workspace="ws_enterprise" locale=locale text=text>
                <CostEstimator action=action on_pick=Callback::new(move |p| action.set(p)) />
            </CreditsProvider>
        }
    });
    trigger(&m.root).click();
    for (next, cost, want) in cases {
        action.set(next.clone());
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(words, credits)| (words.to_string(), credits.to_string()))
            .collect();
        assert_eq!(breakdown_costing(&m, cost).await, want, "{next:?}");
    }
}

#[wasm_bindgen_test]
async fn every_kind_of_breakdown_line_reads_in_the_german_catalogue_with_german_numbers() {
    let cases: Vec<Case> = vec![
        (
            training(200, 5000),
            "1.100 Credits",
            &[
                ("Einrichtung des Trainings", "100 Credits"),
                ("200 Bilder × 5.000 Schritte", "1.000 Credits"),
            ],
        ),
        (
            video_of(Quality::High, 60, Resolution::P1080),
            "2.700 Credits",
            &[(
                "60 Sekunden zu je 45 Credits (Auflösung 1080p)",
                "2.700 Credits",
            )],
        ),
        (
            xl_images(),
            "160 Credits",
            &[(
                "2 Bilder zu je 80 Credits (4 Megapixel; Modell aurora-2-xl)",
                "160 Credits",
            )],
        ),
        (
            draft_image(),
            "1 Credit",
            &[("1 Bild zu je 1 Credit", "1 Credit")],
        ),
        (
            relight(3),
            "6 Credits",
            &[("3 Bilder zu je 2 Credits (Neu beleuchten)", "6 Credits")],
        ),
        (
            upscale(4),
            "5 Credits",
            &[("4-fach vergrößert", "5 Credits")],
        ),
    ];
    check_cases("de-DE", german(), cases).await;
}

#[wasm_bindgen_test]
async fn in_english_each_breakdown_line_reads_as_the_servers_label() {
    let cases: Vec<Case> = vec![
        (
            training(20, 500),
            "110 credits",
            &[
                ("Training setup", "100 credits"),
                ("20 images × 500 steps", "10 credits"),
            ],
        ),
        (
            video_of(Quality::Standard, 8, Resolution::P720),
            "96 credits",
            &[("8 s × 12 credits (720p)", "96 credits")],
        ),
        (
            xl_images(),
            "160 credits",
            &[("2 images × 80 credits (4 MP, aurora-2-xl)", "160 credits")],
        ),
        (
            draft_image(),
            "1 credit",
            &[("1 image × 1 credit", "1 credit")],
        ),
        (
            relight(3),
            "6 credits",
            &[("3 images × 2 credits (relight)", "6 credits")],
        ),
        (upscale(2), "2 credits", &[("Upscale 2×", "2 credits")]),
    ];
    for (action, _, want) in &cases {
        let words: Vec<&str> = want.iter().map(|(w, _)| *w).collect();
        assert_eq!(server_labels(action).await, words, "the server's labels");
    }
    check_cases(TEST_LOCALE, CreditsText::default(), cases).await;
}

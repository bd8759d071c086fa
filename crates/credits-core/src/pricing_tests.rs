//! The contract's price rules ("Rules the price book must keep", docs/api.md),
//! checked on the price book the reference server ships.

use super::*;
use crate::{EditCount, ImageGenerate, ModelTrain, Upscale, VideoGenerate};
use crate::{Quality, Resolution};

const SHIPPED: &str = include_str!("../../../server/data/price-book.toml");

fn book() -> PriceBook {
    toml::from_str(SHIPPED).expect("server/data/price-book.toml parses as a PriceBook")
}

fn credits(a: &Action) -> u64 {
    price(&book(), a)
        .unwrap_or_else(|p| panic!("{a:?}: {p:?}"))
        .0
}

fn image(quality: Quality, count: u32) -> Action {
    Action::ImageGenerate(ImageGenerate::new(quality, count))
}

fn video(quality: Quality, duration_s: u32, resolution: Resolution) -> Action {
    Action::VideoGenerate(VideoGenerate {
        model: None,
        quality,
        duration_s,
        resolution,
    })
}

fn edits(count: Option<u32>) -> [Action; 4] {
    let e = EditCount { count };
    [
        Action::RemoveBackground(e),
        Action::Inpaint(e),
        Action::Expand(e),
        Action::Relight(e),
    ]
}

#[test]
fn the_shipped_book_keeps_its_own_rules() {
    let b = book();
    assert_eq!(b.version, "2026-11");
    b.check_rules().unwrap();
}

#[test]
fn count_multiplies() {
    for q in Quality::ALL {
        let one = credits(&image(q, 1));
        for n in 1..=16 {
            assert_eq!(credits(&image(q, n)), one * u64::from(n), "{q:?} × {n}");
        }
    }
    for n in 1..=16 {
        for (one, many) in edits(None).iter().zip(edits(Some(n)).iter()) {
            assert_eq!(credits(many), credits(one) * u64::from(n), "{many:?}");
        }
    }
}

#[test]
fn draft_costs_less_than_standard_less_than_high() {
    for n in [1, 4, 16] {
        let [d, s, h] = Quality::ALL.map(|q| credits(&image(q, n)));
        assert!(d < s && s < h, "images: {d} {s} {h}");
    }
    for r in Resolution::ALL {
        for secs in [1, 8, 60] {
            let [d, s, h] = Quality::ALL.map(|q| credits(&video(q, secs, r)));
            assert!(d < s && s < h, "video {secs} s {r:?}: {d} {s} {h}");
        }
    }
}

#[test]
fn longer_video_and_higher_resolution_never_cost_less() {
    for q in Quality::ALL {
        for r in Resolution::ALL {
            for secs in 1..60 {
                assert!(credits(&video(q, secs, r)) <= credits(&video(q, secs + 1, r)));
            }
        }
        for secs in 1..=60 {
            let [lo, mid, hi] = Resolution::ALL.map(|r| credits(&video(q, secs, r)));
            assert!(lo <= mid && mid <= hi, "{q:?} {secs} s: {lo} {mid} {hi}");
        }
    }
}

#[test]
fn bigger_images_never_cost_less() {
    let mut last = 0;
    for side in (256..=2048).step_by(64) {
        let mut a = ImageGenerate::new(Quality::Standard, 1);
        (a.width, a.height) = (side, side);
        let c = credits(&Action::ImageGenerate(a));
        assert!(c >= last, "{side} px: {c} < {last}");
        last = c;
    }
}

#[test]
fn asset_actions_cost_zero_with_an_empty_breakdown() {
    for a in [
        Action::AssetUpload,
        Action::AssetView,
        Action::AssetDownload,
    ] {
        assert_eq!(price(&book(), &a).unwrap(), (0, Vec::new()));
        assert!(a.is_always_free());
    }
}

#[test]
fn the_same_request_always_gets_the_same_answer() {
    let samples = [
        image(Quality::High, 7),
        video(Quality::Standard, 8, Resolution::P720),
        Action::ModelTrain(ModelTrain {
            images: 20,
            steps: 1500,
        }),
    ];
    for a in samples {
        let first = price(&book(), &a).unwrap();
        for _ in 0..5 {
            assert_eq!(price(&book(), &a).unwrap(), first);
        }
    }
}

#[test]
fn breakdown_lines_add_up_and_read_well() {
    let b = book();
    let (c, lines) = price(&b, &image(Quality::Standard, 4)).unwrap();
    assert_eq!((c, lines[0].label.as_str()), (16, "4 images × 4 credits"));
    let (c, lines) = price(&b, &image(Quality::Draft, 1)).unwrap();
    assert_eq!((c, lines[0].label.as_str()), (1, "1 image × 1 credit"));
    let (c, lines) = price(&b, &video(Quality::Standard, 8, Resolution::P720)).unwrap();
    assert_eq!(
        (c, lines[0].label.as_str()),
        (96, "8 s × 12 credits (720p)")
    );
    let mut big = ImageGenerate::new(Quality::High, 2);
    (big.width, big.height, big.model) = (2048, 1536, Some("aurora-2-xl".into()));
    let (c, lines) = price(&b, &Action::ImageGenerate(big)).unwrap();
    assert_eq!(
        (c, lines[0].label.as_str()),
        (2 * 10 * 3 * 2, "2 images × 60 credits (3 MP, aurora-2-xl)")
    );
    let (c, lines) = price(
        &b,
        &Action::ModelTrain(ModelTrain {
            images: 20,
            steps: 1001,
        }),
    )
    .unwrap();
    assert_eq!(c, 100 + 21);
    assert_eq!(lines.iter().map(|l| l.credits).sum::<u64>(), c);
}

#[test]
fn the_numbers_of_the_shipped_book() {
    let up = |factor| credits(&Action::Upscale(Upscale { factor }));
    assert_eq!((up(2), up(4)), (2, 5));
    let [rb, inp, exp, rel] = edits(Some(3)).map(|a| credits(&a));
    assert_eq!([rb, inp, exp, rel], [3, 9, 9, 6]);
    assert_eq!(credits(&video(Quality::High, 10, Resolution::P1080)), 450);
    let t = ModelTrain {
        images: 200,
        steps: 5000,
    };
    assert_eq!(credits(&Action::ModelTrain(t)), 1100);
}

#[test]
fn an_unknown_model_is_an_invalid_setting() {
    let mut a = ImageGenerate::new(Quality::High, 1);
    a.model = Some("dall-o".into());
    let p = price(&book(), &Action::ImageGenerate(a)).unwrap_err();
    assert_eq!((p.status, p.code.as_str()), (422, "invalid_setting"));
    assert_eq!(p.field.as_deref(), Some("model"));
    assert!(p.detail.unwrap().contains("aurora-2-xl"));
}

#[test]
fn out_of_range_actions_and_absurd_books_refuse_instead_of_overflowing() {
    let p = price(&book(), &image(Quality::High, 10_000)).unwrap_err();
    assert_eq!(p.field.as_deref(), Some("count"));
    let mut absurd = book();
    absurd.image.quality.high = u64::MAX;
    let p = price(&absurd, &image(Quality::High, 16)).unwrap_err();
    assert_eq!((p.status, p.code.as_str()), (422, "invalid_setting"));
}

#[test]
fn check_rules_names_what_a_bad_book_breaks() {
    let mut bad = book();
    bad.video.quality.high = 1;
    bad.video.default_model = "nope".into();
    bad.train.image_steps_per_credit = 0;
    let why = bad.check_rules().unwrap_err();
    assert!(why.contains("video.quality"), "{why}");
    assert!(why.contains("default_model"), "{why}");
    assert!(why.contains("image_steps_per_credit"), "{why}");
    assert!(toml::from_str::<PriceBook>(&SHIPPED.replace("relight", "relite")).is_err());
}

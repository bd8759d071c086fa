use super::*;
use crate::{Action, EditCount, ImageGenerate, Resolution, VideoGenerate};

fn images(quality: Quality, count: u32) -> Action {
    Action::ImageGenerate(ImageGenerate::new(quality, count))
}

#[test]
fn image_ladder_has_every_tier_in_cost_order_then_counts_then_preview() {
    let changes: Vec<Change> = alternatives(&images(Quality::Standard, 4))
        .into_iter()
        .map(|a| a.change)
        .collect();
    assert_eq!(
        changes,
        vec![
            Change::Quality(Quality::Draft),
            Change::Quality(Quality::Standard),
            Change::Quality(Quality::High),
            Change::Count(2),
            Change::Count(8),
            Change::DraftPreview,
        ]
    );
}

#[test]
fn ladder_stays_within_the_settings_ranges() {
    let at_max = alternatives(&images(Quality::High, 16));
    assert!(
        !at_max.iter().any(|a| a.change == Change::Count(32)),
        "never more than 16 images"
    );
    let single_draft = alternatives(&images(Quality::Draft, 1));
    assert!(
        !single_draft
            .iter()
            .any(|a| a.change == Change::DraftPreview),
        "a single draft is already the preview"
    );
    assert!(!single_draft
        .iter()
        .any(|a| matches!(a.change, Change::Count(_)) && a.action == images(Quality::Draft, 1)));
}

#[test]
fn video_ladder_varies_quality_length_and_resolution() {
    let v = Action::VideoGenerate(VideoGenerate {
        model: None,
        quality: Quality::High,
        duration_s: 60,
        resolution: Resolution::P1080,
    });
    let changes: Vec<Change> = alternatives(&v).into_iter().map(|a| a.change).collect();
    assert!(changes.contains(&Change::Duration(30)));
    assert!(!changes
        .iter()
        .any(|c| matches!(c, Change::Duration(d) if *d > 60)));
    assert!(changes.contains(&Change::Resolution(Resolution::P480)));
    assert!(changes.contains(&Change::DraftPreview));
}

#[test]
fn free_and_fixed_actions_have_no_ladder() {
    assert!(alternatives(&Action::AssetView).is_empty());
    assert!(alternatives(&Action::Upscale(crate::Upscale { factor: 2 })).is_empty());
    let batch = alternatives(&Action::Inpaint(EditCount { count: Some(3) }));
    assert_eq!(batch.len(), 1);
    assert_eq!(batch[0].change, Change::Count(1));
}

fn changes(action: &Action) -> Vec<Change> {
    alternatives(action).into_iter().map(|a| a.change).collect()
}

fn training(images: u32, steps: u32) -> Action {
    Action::ModelTrain(crate::ModelTrain { images, steps })
}

#[test]
fn training_ladder_halves_and_doubles_steps_then_images_within_the_ranges() {
    assert_eq!(
        changes(&training(20, 1000)),
        vec![
            Change::Steps(500),
            Change::Steps(2000),
            Change::TrainingImages(10),
            Change::TrainingImages(40),
        ]
    );
    // At the edges (5-200 images, 100-5000 steps) the ladder clamps or drops the step.
    assert_eq!(
        changes(&training(5, 5000)),
        vec![Change::Steps(2500), Change::TrainingImages(10)]
    );
    assert!(
        DraftPlan::for_action(&training(20, 1000)).is_none(),
        "no draft of a training"
    );
}

#[test]
fn affordability_edges() {
    assert_eq!(
        affordability(16, 120),
        Affordability::Affordable { after: 104 }
    );
    assert_eq!(
        affordability(120, 120),
        Affordability::Affordable { after: 0 },
        "exactly enough is enough"
    );
    assert_eq!(
        affordability(160, 120),
        Affordability::Short { shortfall: 40 }
    );
    assert_eq!(affordability(0, 0), Affordability::Affordable { after: 0 });
    assert_eq!(
        affordability(u64::MAX, 0),
        Affordability::Short {
            shortfall: u64::MAX
        }
    );
}

#[test]
fn hints_come_from_the_numbers() {
    let ladder = [
        (Change::Quality(Quality::Draft), Some(4)),
        (Change::Quality(Quality::Standard), Some(16)),
        (Change::Quality(Quality::High), Some(40)),
        (Change::DraftPreview, Some(1)),
    ];
    assert_eq!(
        hints(16, Some(500), &ladder),
        vec![
            Hint::DraftPreview {
                preview: 1,
                current: 16
            },
            Hint::LowerQuality {
                quality: Quality::Draft,
                credits: 4,
                current: 16
            }
        ]
    );
    // Short: the most useful fitting alternative comes first.
    assert_eq!(
        hints(40, Some(20), &ladder),
        vec![
            Hint::Fits {
                change: Change::Quality(Quality::Standard),
                credits: 16
            },
            Hint::DraftPreview {
                preview: 1,
                current: 40
            }
        ]
    );
}

#[test]
fn no_hint_without_a_real_saving() {
    let ladder = [
        (Change::Quality(Quality::Draft), Some(4)),
        (Change::DraftPreview, None),
    ];
    assert!(
        hints(4, Some(100), &ladder).is_empty(),
        "nothing is cheaper than the cheapest"
    );
    assert!(hints(0, Some(0), &[]).is_empty());
    let nothing_fits = [(Change::Quality(Quality::Draft), Some(50))];
    assert_eq!(
        hints(80, Some(10), &nothing_fits),
        vec![Hint::LowerQuality {
            quality: Quality::Draft,
            credits: 50,
            current: 80
        }]
    );
}

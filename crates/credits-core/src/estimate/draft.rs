//! Draft first, then finish: one draft-quality preview, then the person's own settings.

use super::alternatives::{alternatives, Change};
use crate::{Action, Quality};

/// A preview at draft quality, then the action as the person set it. The
/// estimator offers it for an action whose ladder has a draft preview; the
/// host generates `draft`, keeps its settings, and offers `finish` next.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DraftPlan {
    /// The cheap preview: the ladder's draft preview of `finish`.
    pub draft: Action,
    /// The person's own settings, unchanged.
    pub finish: Action,
}

impl DraftPlan {
    /// The plan for `action`; `None` where its ladder has no draft preview
    /// (a single draft image already is one; training, edits and free actions have none).
    pub fn for_action(action: &Action) -> Option<Self> {
        alternatives(action)
            .into_iter()
            .find(|a| a.change == Change::DraftPreview)
            .map(|a| DraftPlan {
                draft: a.action,
                finish: action.clone(),
            })
    }

    /// The quality the finish runs at, for "Finish at High quality".
    pub fn finish_quality(&self) -> Option<Quality> {
        match &self.finish {
            Action::ImageGenerate(i) => Some(i.quality),
            Action::VideoGenerate(v) => Some(v.quality),
            _ => None,
        }
    }
}

/// What a [`DraftPlan`] costs, from the server's quotes of its two halves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanCost {
    pub draft: u64,
    pub finish: u64,
    /// `draft + finish`.
    pub total: u64,
}

impl PlanCost {
    /// `None` when the sum does not fit in a `u64` (no number is better than a wrong one).
    pub fn new(draft: u64, finish: u64) -> Option<Self> {
        draft.checked_add(finish).map(|total| PlanCost {
            draft,
            finish,
            total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ImageGenerate, Resolution, VideoGenerate};

    fn images(quality: Quality, count: u32) -> Action {
        Action::ImageGenerate(ImageGenerate::new(quality, count))
    }

    #[test]
    fn a_draft_plan_keeps_the_settings_as_its_finish_and_drafts_one_cheap_preview() {
        let high = images(Quality::High, 4);
        let plan = DraftPlan::for_action(&high).expect("a plan for four high images");
        assert_eq!(plan.finish, high, "the finish is the person's own settings");
        assert_eq!(plan.draft, images(Quality::Draft, 1));
        assert_eq!(plan.finish_quality(), Some(Quality::High));
        assert!(
            DraftPlan::for_action(&images(Quality::Draft, 1)).is_none(),
            "a single draft is its own preview"
        );
        let video = Action::VideoGenerate(VideoGenerate {
            model: None,
            quality: Quality::Standard,
            duration_s: 10,
            resolution: Resolution::P1080,
        });
        let plan = DraftPlan::for_action(&video).expect("a plan for a video");
        assert_eq!(plan.finish, video);
        assert!(matches!(plan.draft, Action::VideoGenerate(ref v)
            if v.quality == Quality::Draft && v.duration_s == 4 && v.resolution == Resolution::P480));
    }

    #[test]
    fn a_plan_costs_draft_plus_finish_or_nothing_when_it_overflows() {
        assert_eq!(
            PlanCost::new(1, 16),
            Some(PlanCost {
                draft: 1,
                finish: 16,
                total: 17
            })
        );
        assert_eq!(PlanCost::new(u64::MAX, 1), None);
    }
}

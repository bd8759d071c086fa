//! Words with numbers in them, in the provider's locale.

use leptos::prelude::*;

use credits_core::estimate::{DraftPlan, PlanCost};
use credits_core::Quality;

use super::fill;
use crate::intl::{format_count, plural_category};
use crate::{CreditsContext, CreditsText, PluralText};

impl CreditsContext {
    /// A counted phrase of the host's text ("4 images"), number and plural form from `Intl`.
    pub fn counted(&self, pick: fn(&CreditsText) -> &PluralText, n: u64) -> String {
        let locale = self.locale.get();
        let formatted = format_count(n, locale.as_deref());
        let category = plural_category(n, locale.as_deref());
        self.text
            .with_value(|t| pick(t).render(&category, &formatted))
    }

    /// A bare whole number as the locale writes it ("1,600", "1.600").
    pub fn number(&self, n: u64) -> String {
        format_count(n, self.locale.get().as_deref())
    }

    /// A quality tier's name ("High quality").
    pub fn quality(&self, q: Quality) -> String {
        match q {
            Quality::Draft => self.word(|t| &t.quality_draft),
            Quality::Standard => self.word(|t| &t.quality_standard),
            Quality::High => self.word(|t| &t.quality_high),
        }
    }

    /// Both costs of a draft-then-finish plan: "draft 1 + final 16 = 17 credits".
    pub fn plan_cost(&self, cost: PlanCost) -> String {
        fill(
            self.word(|t| &t.draft_plan),
            &[
                ("draft", &self.number(cost.draft)),
                ("finish", &self.number(cost.finish)),
                ("total", &self.credits(cost.total)),
            ],
        )
    }

    /// The finish button's words: "Finish at High quality" (the Generate word
    /// for a plan without a quality tier).
    pub fn finish_label(&self, plan: &DraftPlan) -> String {
        match plan.finish_quality() {
            Some(q) => fill(
                self.word(|t| &t.finish_at),
                &[("quality", &self.quality(q))],
            ),
            None => self.word(|t| &t.generate),
        }
    }
}

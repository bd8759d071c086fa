//! The generation bar's settings for each mode, the action they describe,
//! and the fields that edit them.

use leptos::prelude::*;
use leptos_credits::primitives::dynamic;
use leptos_credits::{CreditAction, ImageGenerate, ModelTrain, Quality, Resolution, VideoGenerate};

use crate::mode_switch::Mode;

/// Every setting of every mode: switching modes keeps each mode's own.
#[derive(Clone, Copy)]
pub struct Settings {
    pub mode: RwSignal<Mode>,
    /// Images and video share the quality tier.
    pub quality: RwSignal<Quality>,
    pub count: RwSignal<u32>,
    pub duration_s: RwSignal<u32>,
    pub resolution: RwSignal<Resolution>,
    pub train_images: RwSignal<u32>,
    pub steps: RwSignal<u32>,
}

impl Settings {
    pub fn new() -> Self {
        Settings {
            mode: RwSignal::new(Mode::Image),
            quality: RwSignal::new(Quality::Standard),
            count: RwSignal::new(4),
            duration_s: RwSignal::new(5),
            resolution: RwSignal::new(Resolution::P720),
            train_images: RwSignal::new(10),
            steps: RwSignal::new(1000),
        }
    }

    /// What the current mode's settings ask for (tracked).
    pub fn action(&self) -> CreditAction {
        match self.mode.get() {
            Mode::Image => CreditAction::ImageGenerate(ImageGenerate::new(
                self.quality.get(),
                self.count.get(),
            )),
            Mode::Video => CreditAction::VideoGenerate(VideoGenerate {
                model: None,
                quality: self.quality.get(),
                duration_s: self.duration_s.get(),
                resolution: self.resolution.get(),
            }),
            Mode::Train => CreditAction::ModelTrain(ModelTrain {
                images: self.train_images.get(),
                steps: self.steps.get(),
            }),
        }
    }

    /// Takes the settings of an alternative the estimator or the prompt offered.
    pub fn adopt(&self, picked: CreditAction) {
        match picked {
            CreditAction::ImageGenerate(s) => {
                self.quality.set(s.quality);
                self.count.set(s.count);
            }
            CreditAction::VideoGenerate(v) => {
                self.quality.set(v.quality);
                self.duration_s.set(v.duration_s);
                self.resolution.set(v.resolution);
            }
            CreditAction::ModelTrain(t) => {
                self.train_images.set(t.images);
                self.steps.set(t.steps);
            }
            _ => {}
        }
    }
}

/// The fields of the current mode.
#[component]
pub fn ModeFields(settings: Settings) -> impl IntoView {
    let s = settings;
    dynamic(move || {
        match s.mode.get() {
        Mode::Image => view! {
            <QualityField quality=s.quality />
            <NumberField label="Images" min=1 max=16 value=s.count />
        }
        .into_any(),
        Mode::Video => view! {
            <QualityField quality=s.quality />
            <NumberField label="Seconds" min=1 max=60 value=s.duration_s />
            <label class="demo-field" lang="en">
                <span>"Resolution"</span>
                <select
                    prop:value=move || s.resolution.get().as_str()
                    on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(r) = Resolution::ALL.into_iter().find(|r| r.as_str() == picked) {
                            s.resolution.set(r);
                        }
                    }
                >
                    {Resolution::ALL
                        .map(|r| view! { <option value=r.as_str()>{r.as_str()}</option> })
                        .collect_view()}
                </select>
            </label>
        }
        .into_any(),
        Mode::Train => view! {
            <NumberField label="Training images" min=5 max=200 value=s.train_images />
            <NumberField label="Steps" min=100 max=5000 value=s.steps />
        }
        .into_any(),
    }
    })
}

#[component]
fn QualityField(quality: RwSignal<Quality>) -> impl IntoView {
    view! {
        <label class="demo-field" lang="en">
            <span>"Quality"</span>
            <select
                prop:value=move || quality.get().as_str()
                on:change=move |ev| {
                    if let Some(q) = Quality::parse(&event_target_value(&ev)) {
                        quality.set(q);
                    }
                }
            >
                <option value="draft">"Draft"</option>
                <option value="standard">"Standard"</option>
                <option value="high">"High"</option>
            </select>
        </label>
    }
}

#[component]
fn NumberField(label: &'static str, min: u32, max: u32, value: RwSignal<u32>) -> impl IntoView {
    view! {
        <label class="demo-field" lang="en">
            <span>{label}</span>
            <input
                type="number"
                min=min
                max=max
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    // Keep the last valid number while the person is mid-edit.
                    if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                        if (min..=max).contains(&n) {
                            value.set(n);
                        }
                    }
                }
            />
        </label>
    }
}

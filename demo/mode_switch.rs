//! What the generation bar makes: images, video or a trained model, chosen
//! with a labelled radio group (arrow keys move between the modes, Tab leaves it).

use leptos::prelude::*;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Image,
    Video,
    Train,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Image, Mode::Video, Mode::Train];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Image => "image",
            Mode::Video => "video",
            Mode::Train => "train",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mode::Image => "Image",
            Mode::Video => "Video",
            Mode::Train => "Train",
        }
    }
}

/// Native radios in a fieldset: the platform gives the group its name (the
/// legend), one Tab stop, and arrow keys that move and select.
#[component]
pub fn ModeSwitch(mode: RwSignal<Mode>) -> impl IntoView {
    view! {
        <fieldset class="gen-modes" role="radiogroup" lang="en">
            <legend class="gen-modes__legend">"Mode"</legend>
            {Mode::ALL
                .into_iter()
                .map(|m| {
                    view! {
                        <label class="gen-modes__option">
                            <input
                                type="radio"
                                name="gen-mode"
                                value=m.as_str()
                                prop:checked=move || mode.get() == m
                                on:change=move |_| mode.set(m)
                            />
                            <span>{m.label()}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

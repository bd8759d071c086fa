use leptos::prelude::*;
use leptos_credits::primitives::dynamic;
use leptos_credits::{CostBadge, CreditAction, EditCount, GenerateButton, Refusal, Upscale};

use crate::spend::{use_refused, use_spend, DemoPrompt};

struct Tool {
    name: &'static str,
    description: &'static str,
    action: CreditAction,
    /// The button's word.
    verb: &'static str,
}

const APPLY: &str = "Apply";

fn tools() -> Vec<Tool> {
    vec![
        Tool {
            name: "Upscale 2×",
            description: "Sharper, twice the pixels",
            action: CreditAction::Upscale(Upscale { factor: 2 }),
            verb: APPLY,
        },
        Tool {
            name: "Upscale 4×",
            description: "Print-ready detail",
            action: CreditAction::Upscale(Upscale { factor: 4 }),
            verb: APPLY,
        },
        Tool {
            name: "Remove background",
            description: "Cut out the subject",
            action: CreditAction::RemoveBackground(EditCount::default()),
            verb: APPLY,
        },
        Tool {
            name: "Inpaint",
            description: "Repaint a selected area",
            action: CreditAction::Inpaint(EditCount::default()),
            verb: APPLY,
        },
        Tool {
            name: "Expand",
            description: "Extend past the frame",
            action: CreditAction::Expand(EditCount::default()),
            verb: APPLY,
        },
        Tool {
            name: "Relight",
            description: "Change the lighting",
            action: CreditAction::Relight(EditCount::default()),
            verb: APPLY,
        },
        // Uploading, viewing and downloading are free: the badge says so, with no number.
        Tool {
            name: "Upload",
            description: "Add an image from your device",
            action: CreditAction::AssetUpload,
            verb: "Upload",
        },
        Tool {
            name: "View",
            description: "Open at full size",
            action: CreditAction::AssetView,
            verb: "View",
        },
        Tool {
            name: "Download",
            description: "Full-resolution PNG",
            action: CreditAction::AssetDownload,
            verb: "Download",
        },
    ]
}

/// The host's editing tools for a selected image: each with its cost beside its own button.
#[component]
pub fn EditingTools() -> impl IntoView {
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<Refusal>);
    let spend = use_spend(status, busy, refusal);
    view! {
        <section class="edit-tools" aria-labelledby="edit-tools-title">
            <h2 id="edit-tools-title" class="edit-tools__title">"Edit selected image"</h2>
            <ul class="edit-tools__list">
                {tools()
                    .into_iter()
                    .map(|tool| {
                        let refused = use_refused(refusal, Signal::stored(tool.action.clone()));
                        view! {
                            <li class="edit-tool">
                                <div class="edit-tool__text">
                                    <span class="edit-tool__name">{tool.name}</span>
                                    <span class="edit-tool__description">{tool.description}</span>
                                </div>
                                <CostBadge action=tool.action.clone() />
                                <GenerateButton
                                    action=tool.action
                                    on_generate=spend
                                    on_refused=refused
                                    busy=busy
                                    label=tool.verb
                                    hide_cost=true
                                    class="edit-tool__run"
                                />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="edit-tools__status" role="status">{dynamic(move || status.get().into_any())}</p>
            <DemoPrompt refusal=refusal status=status />
        </section>
    }
}

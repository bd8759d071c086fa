use leptos::prelude::*;
use leptos_credits::primitives::dynamic;
use leptos_credits::{CostBadge, CreditAction, EditCount, GenerateButton, Refusal, Upscale};

use crate::language::Language;
use crate::spend::{use_refused, use_spend, DemoPrompt};

struct Tool {
    name: &'static str,
    description: &'static str,
    action: CreditAction,
    /// The button's word.
    verb: Verb,
}

/// The words the demo hands to the tools' buttons, so in the page's language.
#[derive(Clone, Copy)]
enum Verb {
    Apply,
    Upload,
    View,
    Download,
}

impl Verb {
    fn word(self, language: Language) -> &'static str {
        use Language::*;
        match (self, language) {
            (Verb::Apply, English) => "Apply",
            (Verb::Apply, German) => "Anwenden",
            (Verb::Apply, Arabic) => "تطبيق",
            (Verb::Upload, English) => "Upload",
            (Verb::Upload, German) => "Hochladen",
            (Verb::Upload, Arabic) => "رفع",
            (Verb::View, English) => "View",
            (Verb::View, German) => "Ansehen",
            (Verb::View, Arabic) => "عرض",
            (Verb::Download, English) => "Download",
            (Verb::Download, German) => "Herunterladen",
            (Verb::Download, Arabic) => "تنزيل",
        }
    }
}

fn tools() -> Vec<Tool> {
    vec![
        Tool {
            name: "Upscale 2×",
            description: "Sharper, twice the pixels",
            action: CreditAction::Upscale(Upscale { factor: 2 }),
            verb: Verb::Apply,
        },
        Tool {
            name: "Upscale 4×",
            description: "Print-ready detail",
            action: CreditAction::Upscale(Upscale { factor: 4 }),
            verb: Verb::Apply,
        },
        Tool {
            name: "Remove background",
            description: "Cut out the subject",
            action: CreditAction::RemoveBackground(EditCount::default()),
            verb: Verb::Apply,
        },
        Tool {
            name: "Inpaint",
            description: "Repaint a selected area",
            action: CreditAction::Inpaint(EditCount::default()),
            verb: Verb::Apply,
        },
        Tool {
            name: "Expand",
            description: "Extend past the frame",
            action: CreditAction::Expand(EditCount::default()),
            verb: Verb::Apply,
        },
        Tool {
            name: "Relight",
            description: "Change the lighting",
            action: CreditAction::Relight(EditCount::default()),
            verb: Verb::Apply,
        },
        // Uploading, viewing and downloading are free: the badge says so, with no number.
        Tool {
            name: "Upload",
            description: "Add an image from your device",
            action: CreditAction::AssetUpload,
            verb: Verb::Upload,
        },
        Tool {
            name: "View",
            description: "Open at full size",
            action: CreditAction::AssetView,
            verb: Verb::View,
        },
        Tool {
            name: "Download",
            description: "Full-resolution PNG",
            action: CreditAction::AssetDownload,
            verb: Verb::Download,
        },
    ]
}

/// The host's editing tools for a selected image: each with its cost beside its own button.
#[component]
pub fn EditingTools(language: Language) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<Refusal>);
    let spend = use_spend(status, busy, refusal);
    view! {
        <section class="edit-tools" aria-labelledby="edit-tools-title">
            <h2 id="edit-tools-title" class="edit-tools__title" lang="en">"Edit selected image"</h2>
            <ul class="edit-tools__list">
                {tools()
                    .into_iter()
                    .map(|tool| {
                        let refused = use_refused(refusal, Signal::stored(tool.action.clone()));
                        view! {
                            <li class="edit-tool">
                                <div class="edit-tool__text" lang="en">
                                    <span class="edit-tool__name">{tool.name}</span>
                                    <span class="edit-tool__description">{tool.description}</span>
                                </div>
                                <CostBadge action=tool.action.clone() />
                                <GenerateButton
                                    action=tool.action
                                    on_generate=spend
                                    on_refused=refused
                                    busy=busy
                                    label=tool.verb.word(language)
                                    hide_cost=true
                                    class="edit-tool__run"
                                />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="edit-tools__status" role="status" lang="en">{dynamic(move || status.get().into_any())}</p>
            <DemoPrompt refusal=refusal status=status />
        </section>
    }
}

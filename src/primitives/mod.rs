//! Small building blocks the components share: the gate to the browser,
//! controlled/uncontrolled state, unique ids, dismissal of floating content, the page behind a modal made inert, and the modal's focus handling.

mod browser;
mod controllable;
mod dismiss;
mod dynamic;
mod effect;
mod href;
mod ids;
mod inert;
mod live;
mod modal;
mod purchase;
mod shell;

pub use browser::{active_element, in_browser, now_ms, now_s};
pub use controllable::use_controllable;
pub use dismiss::use_dismiss;
pub use dynamic::{dynamic, Dynamic};
pub use effect::effect;
pub use href::is_safe_href;
pub use ids::unique_id;
pub use inert::use_inert_outside;
pub use live::use_politeness;
pub use modal::{use_modal, use_opener, Modal, Opener};
pub use purchase::{bought_line, purchase_button, purchase_failure};
pub use shell::{merge_class, no_provider};

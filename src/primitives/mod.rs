//! Small building blocks the components share: controlled/uncontrolled state,
//! unique ids, and dismissal of floating content.

mod controllable;
mod dismiss;
mod href;
mod ids;

pub use controllable::use_controllable;
pub use dismiss::use_dismiss;
pub use href::is_safe_href;
pub use ids::unique_id;

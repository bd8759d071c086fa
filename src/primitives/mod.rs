//! Small building blocks the components share: controlled/uncontrolled state,
//! unique ids, and dismissal of floating content.

mod controllable;
mod dismiss;
mod ids;

pub use controllable::use_controllable;
pub use dismiss::use_dismiss;
pub use ids::unique_id;

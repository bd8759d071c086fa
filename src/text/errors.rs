//! The words a person reads for each kind of failure.

use crate::{ClientError, CreditsContext, CreditsText};

/// What to tell a person about `error`, in the host's words (English outside a provider).
pub fn error_message(ctx: Option<CreditsContext>, error: &ClientError) -> String {
    let pick: fn(&CreditsText) -> &std::borrow::Cow<'static, str> = match error {
        ClientError::Offline(_) => |t| &t.error_offline,
        ClientError::TimedOut { .. } => |t| &t.error_timed_out,
        ClientError::Unauthorized(_) => |t| &t.error_unauthorized,
        _ => |t| &t.error_generic,
    };
    match ctx {
        Some(c) => c.word(pick),
        None => pick(&CreditsText::default()).to_string(),
    }
}

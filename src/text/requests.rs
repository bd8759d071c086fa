//! The words of credit requests: the member's "Ask an admin" in the
//! out-of-credits prompt, and the `CreditRequests` list (an admin's pending
//! requests, a member's own); `CreditsText::requests` holds them.

use std::borrow::Cow;

use serde::Serialize;

use credits_core::{CreditRequest, RequestStatus};

use super::{fill, PluralText};

type Text = Cow<'static, str>;

/// Credit requests' words. `{admins}` is a list of names ("Jonas Weber and
/// Ari"), `{name}` one person, `{credits}` an amount ("500 credits"),
/// `{plan}` a plan's name, `{when}` a date and time, `{note}` and `{message}`
/// what people wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestsText {
    /// The label of the prompt's optional message field.
    pub message_label: Text,
    pub sending: Text,
    /// `{admins}`.
    pub sent_to: Text,
    /// Without names to give.
    pub sent: Text,
    /// More requests than the hour allows (429).
    pub limited: Text,
    pub failed: Text,
    /// `{name}` answered the member's request with credits or a plan.
    pub granted_by: Text,
    /// `{name}` declined, without a note.
    pub declined_by: Text,
    /// `{name}` declined with `{note}`.
    pub declined_note: Text,
    /// The list's heading for owners and admins: the pending count.
    pub pending_count: PluralText,
    /// The list's heading for owners and admins until the count is known.
    pub title: Text,
    /// The list's heading for a member.
    pub mine_title: Text,
    pub none: Text,
    /// What a request asks for: `{plan}`.
    pub asks_plan: Text,
    /// `{name}` asks for `{what}` (`{credits}` or `asks_plan`).
    pub asked_by: Text,
    /// `{when}`.
    pub asked_at: Text,
    pub pending: Text,
    /// `{credits}`.
    pub top_up: Text,
    /// `{plan}`.
    pub upgrade: Text,
    pub decline: Text,
    /// `{name}`: the label of the decline's note.
    pub note_label: Text,
    pub decline_send: Text,
    pub cancel: Text,
    /// Announced after a decline.
    pub declined_done: Text,
    /// Announced after a grant: `{credits}` bought.
    pub granted_done: Text,
    /// The request was answered meanwhile (409).
    pub answered_meanwhile: Text,
    /// The list could not be read.
    pub load_failed: Text,
    /// An owner's or admin's list: `{name}` granted it.
    pub granted_line: Text,
    /// An owner's or admin's list: `{name}` declined it.
    pub declined_line: Text,
}

impl RequestsText {
    /// The English words: what `default()` gives.
    pub const ENGLISH: RequestsText = RequestsText {
        message_label: Cow::Borrowed("Message (optional)"),
        sending: Cow::Borrowed("Sending…"),
        sent_to: Cow::Borrowed("Request sent to {admins}"),
        sent: Cow::Borrowed("Request sent"),
        limited: Cow::Borrowed("You've sent several requests this hour. Try again later."),
        failed: Cow::Borrowed("The request didn't go through. Try again."),
        granted_by: Cow::Borrowed("{name} answered your request: the credits are in."),
        declined_by: Cow::Borrowed("{name} declined your request."),
        declined_note: Cow::Borrowed("{name} declined your request: {note}"),
        pending_count: PluralText::fixed("{n} request", "{n} requests"),
        title: Cow::Borrowed("Credit requests"),
        mine_title: Cow::Borrowed("Your requests"),
        none: Cow::Borrowed("No requests."),
        asks_plan: Cow::Borrowed("the {plan} plan"),
        asked_by: Cow::Borrowed("{name} asks for {what}"),
        asked_at: Cow::Borrowed("Asked {when}"),
        pending: Cow::Borrowed("Waiting for an answer"),
        top_up: Cow::Borrowed("Top up {credits}"),
        upgrade: Cow::Borrowed("Upgrade to {plan}"),
        decline: Cow::Borrowed("Decline"),
        note_label: Cow::Borrowed("Note for {name} (optional)"),
        decline_send: Cow::Borrowed("Decline request"),
        cancel: Cow::Borrowed("Cancel"),
        declined_done: Cow::Borrowed("Request declined."),
        granted_done: Cow::Borrowed("Request granted: {credits} added."),
        answered_meanwhile: Cow::Borrowed("Someone answered this request already."),
        load_failed: Cow::Borrowed("Couldn't load the requests."),
        granted_line: Cow::Borrowed("Granted by {name}"),
        declined_line: Cow::Borrowed("Declined by {name}"),
    };

    /// What became of `r`, told to the member who asked: "Ari declined your
    /// request: not this month"; empty while pending.
    pub fn answer_to_member(&self, r: &CreditRequest) -> String {
        let name = r
            .answered_by
            .as_ref()
            .map(|m| m.name.as_str())
            .unwrap_or("");
        match (r.status, &r.note) {
            (RequestStatus::Granted, _) => fill(&self.granted_by, &[("name", name)]),
            (RequestStatus::Declined, Some(note)) => {
                fill(&self.declined_note, &[("name", name), ("note", note)])
            }
            (RequestStatus::Declined, None) => fill(&self.declined_by, &[("name", name)]),
            _ => String::new(),
        }
    }
}

impl Default for RequestsText {
    fn default() -> Self {
        Self::ENGLISH
    }
}

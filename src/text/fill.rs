//! Placeholders in the host's words, filled in one pass.

/// `template` with each `{key}` replaced by its value, in one pass, so a
/// value from the API that itself contains `{...}` is never expanded.
pub(crate) fn fill(template: impl AsRef<str>, pairs: &[(&str, &str)]) -> String {
    let template = template.as_ref();
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let key = &after[..close];
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (close, *v))
        });
        match hit {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_in_one_pass() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "2")]),
            "{b} and 2"
        );
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(
            fill(
                "Resets {date} — {in_days}",
                &[("date", "Dec 1"), ("in_days", "in 6 days")]
            ),
            "Resets Dec 1 — in 6 days"
        );
    }

    #[test]
    fn a_value_that_names_a_later_placeholder_is_not_expanded() {
        assert_eq!(
            fill(
                "Ask {admins} to top up {workspace}.",
                &[("workspace", "{admins}"), ("admins", "Ari")]
            ),
            "Ask Ari to top up {admins}."
        );
    }

    /// Issue 11.3: the prompt filled `{workspace}` and then `{admins}`, so a
    /// workspace named `{admins}` showed the admins' names in its place.
    #[test]
    fn placeholder_injection_a_workspace_named_admins_is_shown_as_written() {
        let template = crate::CreditsText::default().prompts.ask_admin_named;
        assert_eq!(
            fill(&template, &[("workspace", "{admins}"), ("admins", "Ari and Kim")]),
            "Only an owner or admin of {admins} can upgrade or top up. Ask Ari and Kim to add credits."
        );
        assert_eq!(
            fill(&template, &[("workspace", "Northwind"), ("admins", "{workspace}")]),
            "Only an owner or admin of Northwind can upgrade or top up. Ask {workspace} to add credits."
        );
    }

    #[test]
    fn unknown_and_unclosed_braces_stay_as_written() {
        assert_eq!(fill("{nope} {plan", &[("plan", "Pro")]), "{nope} {plan");
        assert_eq!(fill("{}{{plan}}", &[("plan", "Pro")]), "{}{Pro}");
    }
}

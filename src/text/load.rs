//! Reading a catalogue's JSON into [`CreditsText`] through one table of its
//! keys, rather than serde's derive over every section (which cost the demo
//! about 30 KB of wasm for the same work). Unknown keys are skipped; blank
//! words, and counted phrases without `other`, keep their English.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::{CreditsText, PluralText};

type Word = Cow<'static, str>;

/// `Some(&mut field)` for the key among the listed fields of `$t`.
macro_rules! slots {
    ($t:expr, $key:ident; $($field:ident),* $(,)?) => {
        match $key {
            $(stringify!($field) => Some(&mut $t.$field),)*
            _ => None,
        }
    };
}

/// The word at `section.key` (`section` is empty at the top level).
pub(super) fn word<'a>(t: &'a mut CreditsText, section: &str, key: &str) -> Option<&'a mut Word> {
    match section {
        "" => slots!(t, key;
            free, estimating, cost_label, cost_over_balance, error_offline,
            error_generic, error_timed_out, error_unauthorized, setting_invalid, retry, buying,
            purchase_failed, purchase_not_allowed, purchase_error, needs_plan,
            generate, estimate_title, balance_now, balance_after, balance_stale,
            refresh, get_more_credits, options_title, current_option, quality_draft,
            quality_standard, quality_high, video_resolution, draft_preview,
            draft_plan, finish_at, hint_draft_preview, hint_fits,
            hint_lower_quality, plan_free, plan_basic, plan_pro, plan_enterprise,
            plan_other
        ),
        "subscription" => slots!(t.subscription, key;
            title, balance_label, workspace_label, plan_label, status_free,
            status_trialing, status_active, status_past_due, status_expired,
            status_canceled, status_unknown, plan_and_status, standing_low,
            standing_empty_until_reset, standing_empty, standing_expired,
            standing_past_due, allocation_label, allocation_value, resets,
            reset_was_due, no_reset, grants_title, grant_monthly, grant_trial,
            grant_top_up, grant_promo, grant_other, grant_left, grant_expires,
            grant_expired, grant_never_expires, pending_change, purchases_title,
            purchase_top_up, purchase_upgrade, purchase_downgrade, purchase_renewal,
            purchase_payment_fixed, purchase_other, purchase_by, as_of, live,
            live_connecting, loading, team_title, team_member, team_credits,
            team_chart_label, team_chart_item, team_empty, trouble_title,
            trouble_refresh, cycle_date, payment_label, payment_ok, payment_missing,
            payment_failing, payment_unknown, plan_status_label, advice_fix_payment,
            advice_renew, advice_add_payment, advice_wait_for_reset, advice_resync,
            advice_no_monthly_credits, trouble_locked, locked_workspace,
            locked_plan, locked_needs, locked_none, resync, resyncing,
            history_title, col_time, col_member, col_action, col_credits,
            col_status, usage_charged, usage_failed, usage_refunded, usage_unknown,
            load_more, history_empty, history_loading, history_empty_filtered,
            filter_member, filter_all_members, filter_status, filter_all_statuses,
            filter_failed, history_totals, you, named_you, plans_title, per_month,
            per_year, contact_sales, monthly_credits, seats_unlimited,
            features_label, current_plan, plan_ended, upgrade, ask_admin,
            ask_admin_named, renew, fix_payment, remedy_ask_named, remedy_ask,
            bought, link_refused
        ),
        "prompts" => slots!(t.prompts, key;
            close, not_now, needed_vs_left, comes_back, monthly_title, monthly_body,
            expired_title, expired_body, expired_when, renew, shared_title,
            shared_body, shared_top, trial_title, trial_body, trial_short,
            trial_unused, trial_plans, plan_monthly, feature_title, feature_body,
            feature_any_plan, feature_locked, resync, resyncing,
            resync_still_locked, resync_unlocked, payment_title, payment_body,
            fix_payment, unknown_title, unknown_body, upgrade, upgrade_adds, top_up,
            contact_sales, ask_admin_body, ask_admin_named, ask_admin,
            recommend_why, alternative, use_alternative, low_balance, low_for_next,
            dismiss
        ),
        "requests" => slots!(t.requests, key;
            message_label, sending, sent_to, sent, limited, failed, granted_by,
            declined_by, declined_note, title, mine_title, none, asks_plan,
            asked_by, asked_at, pending, top_up, upgrade, decline, note_label,
            decline_send, cancel, declined_done, granted_done, answered_meanwhile,
            load_failed, granted_line, declined_line
        ),
        "breakdown" => slots!(t.breakdown, key;
            times, with_notes, note_separator, resolution, model, remove_background,
            inpaint, expand, relight, upscale, training_setup, training_steps
        ),
        _ => None,
    }
}

/// The counted phrase at `section.key`.
pub(super) fn plural<'a>(
    t: &'a mut CreditsText,
    section: &str,
    key: &str,
) -> Option<&'a mut PluralText> {
    match section {
        "" => slots!(t, key;
            credits, shortfall, image_count, video_seconds, train_steps,
            train_images
        ),
        "subscription" => slots!(t.subscription, key;
            live_polling, generations, seats
        ),
        "requests" => slots!(t.requests, key;
            pending_count
        ),
        "breakdown" => slots!(t.breakdown, key;
            images, seconds, megapixels, steps
        ),
        _ => None,
    }
}

const SECTIONS: [&str; 4] = ["subscription", "prompts", "requests", "breakdown"];

/// English with every word `value` gives put in its place.
pub(super) fn load(value: &Value) -> Result<CreditsText, String> {
    let top = value.as_object().ok_or("a catalogue is a JSON object")?;
    let mut text = CreditsText::ENGLISH;
    for (key, v) in top {
        match v.as_object() {
            Some(o) if key == "actions" => text.actions = actions(o)?,
            Some(o) if SECTIONS.contains(&key.as_str()) => {
                for (inner, v) in o {
                    put(&mut text, key, inner, v)?;
                }
            }
            _ => put(&mut text, "", key, v)?,
        }
    }
    Ok(text)
}

fn put(text: &mut CreditsText, section: &str, key: &str, v: &Value) -> Result<(), String> {
    let at = || {
        format!(
            "{section}{}{key}",
            if section.is_empty() { "" } else { "." }
        )
    };
    if let Some(slot) = word(text, section, key) {
        let s = v
            .as_str()
            .ok_or_else(|| format!("{} is a word: a string", at()))?;
        if !s.trim().is_empty() {
            *slot = Cow::Owned(s.to_owned());
        }
    } else if let Some(slot) = plural(text, section, key) {
        let o = v
            .as_object()
            .ok_or_else(|| format!("{} is an object of plural forms", at()))?;
        if let Some(forms) =
            plural_forms(o).map_err(|form| format!("{}.{form} is a string", at()))?
        {
            *slot = forms;
        }
    }
    Ok(())
}

/// The forms given, or `None` without a usable `other`; `Err` names a form that is not a string.
fn plural_forms(o: &Map<String, Value>) -> Result<Option<PluralText>, &'static str> {
    let form = |name: &'static str| match o.get(name) {
        None => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(Cow::Owned(s.clone()))),
        Some(_) => Err(name),
    };
    let Some(other) = form("other")? else {
        return Ok(None);
    };
    Ok(Some(PluralText {
        zero: form("zero")?,
        one: form("one")?,
        two: form("two")?,
        few: form("few")?,
        many: form("many")?,
        other,
    }))
}

fn actions(o: &Map<String, Value>) -> Result<Cow<'static, [(Word, Word)]>, String> {
    let mut pairs = Vec::new();
    for (id, name) in o {
        let name = name
            .as_str()
            .ok_or_else(|| format!("actions.{id} is a string"))?;
        if !name.trim().is_empty() {
            pairs.push((Cow::Owned(id.clone()), Cow::Owned(name.to_owned())));
        }
    }
    Ok(Cow::Owned(pairs))
}

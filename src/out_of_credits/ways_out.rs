//! The ways out of the prompt, by the member's role and the reason.

use credits_core::prompt::Why;
use credits_core::{BalanceResponse, Plan, Reason, Role};
use leptos::prelude::*;

use super::words::{locale, word, Pick};
use super::PromptHooks;
use crate::intl::format_list_or;
use crate::primitives::is_safe_href;
use crate::text::fill;
use crate::CreditsContext;

/// The buttons and links that get the person out: ask an admin, fix the
/// payment, upgrade or renew, top up; each only when its hook (or a safe
/// `upgrade_url`) is there.
pub(super) fn ways_out(
    ctx: Option<CreditsContext>,
    why: Why,
    f: Option<BalanceResponse>,
    plan: Option<Plan>,
    hooks: PromptHooks,
    on_close: Callback<()>,
) -> Vec<AnyView> {
    let w = move |pick: Pick| word(ctx, pick);
    let role = f.as_ref().map(|f| f.member.role).unwrap_or(Role::Unknown);
    let mut out: Vec<AnyView> = Vec::new();
    if !role.can_change_plan() && f.is_some() {
        let name = f
            .as_ref()
            .map(|f| f.workspace.name.clone())
            .unwrap_or_default();
        let admins: Vec<String> = f
            .as_ref()
            .map(|f| f.admins.iter().map(|a| a.name.clone()).collect())
            .unwrap_or_default();
        let ask = if admins.is_empty() {
            fill(w(|t| &t.prompts.ask_admin_body), &[("workspace", &name)])
        } else {
            let who = format_list_or(&admins, locale(ctx).as_deref());
            fill(
                w(|t| &t.prompts.ask_admin_named),
                &[("workspace", &name), ("admins", &who)],
            )
        };
        out.push(view! { <p class="lc-prompt__ask">{ask}</p> }.into_any());
        if let Some(ask) = hooks.on_ask_admin {
            out.push(primary(
                w(|t| &t.prompts.ask_admin),
                move || ask.run(()),
                on_close,
            ));
        }
    } else {
        if why == Why::Short(Reason::PaymentFailed) {
            if let Some(fix) = hooks.on_fix_payment {
                out.push(primary(
                    w(|t| &t.prompts.fix_payment),
                    move || fix.run(()),
                    on_close,
                ));
            } else if let Some(p) = plan.as_ref().filter(|p| is_safe_href(&p.upgrade_url)) {
                out.push(link(w(|t| &t.prompts.fix_payment), p.upgrade_url.clone()));
            }
        } else if let Some(p) = plan {
            let template: Pick = if why == Why::Short(Reason::SubscriptionExpired) {
                |t| &t.prompts.renew
            } else {
                |t| &t.prompts.upgrade
            };
            let label = fill(w(template), &[("plan", &p.name)]);
            match hooks.on_upgrade {
                Some(up) => {
                    let id = p.id;
                    out.push(primary(label, move || up.run(id), on_close));
                }
                None if is_safe_href(&p.upgrade_url) => out.push(link(label, p.upgrade_url)),
                None => {}
            }
        }
        if let Some(top) = hooks.on_top_up {
            if !matches!(
                why,
                Why::FeatureNotInPlan
                    | Why::Short(Reason::SubscriptionExpired | Reason::PaymentFailed)
            ) {
                let label = w(|t| &t.prompts.top_up);
                out.push(
                    view! {
                        <button type="button" class="lc-prompt__action" on:click=move |_| {
                            top.run(());
                            on_close.run(());
                        }>{label}</button>
                    }
                    .into_any(),
                );
            }
        }
    }
    out
}

fn primary(
    label: String,
    run: impl Fn() + Send + Sync + 'static,
    on_close: Callback<()>,
) -> AnyView {
    view! {
        <button
            type="button"
            class="lc-prompt__action lc-prompt__action--primary"
            on:click=move |_| {
                run();
                on_close.run(());
            }
        >
            {label}
        </button>
    }
    .into_any()
}

fn link(label: String, href: String) -> AnyView {
    view! { <a class="lc-prompt__action lc-prompt__action--primary" href=href>{label}</a> }
        .into_any()
}

//! The prompt's ways out as buttons: the host's hook when it gave one, else
//! the checkout through the provider's client.

use credits_core::ways_out::{WayOut, WaysOut};
use credits_core::{BalanceResponse, Plan, PlanId};
use leptos::prelude::*;

use super::buying::{buy_button, hook_button, Look};
use super::words::{credits, locale, word, Pick};
use super::PromptHooks;
use crate::hooks::{CheckoutHandle, Order};
use crate::intl::format_list_or;
use crate::primitives::is_safe_href;
use crate::text::fill;
use crate::CreditsContext;

/// What every way out is drawn with.
#[derive(Clone, Copy)]
pub(super) struct Tools {
    pub ctx: Option<CreditsContext>,
    pub hooks: PromptHooks,
    pub checkout: CheckoutHandle,
    pub on_close: Callback<()>,
}

/// The main way out, then the second: a line and buttons.
pub(super) fn ways_out(
    t: Tools,
    ways: WaysOut,
    f: Option<&BalanceResponse>,
    plans: &[Plan],
) -> Vec<AnyView> {
    let mut out = way(t, ways.primary, Look::Primary, f, plans);
    if let Some(second) = ways.secondary {
        out.extend(way(t, second, Look::Plain, f, plans));
    }
    out
}

fn way(
    t: Tools,
    way: WayOut,
    look: Look,
    f: Option<&BalanceResponse>,
    plans: &[Plan],
) -> Vec<AnyView> {
    let w = move |pick: Pick| word(t.ctx, pick);
    let name = |id: PlanId| super::words::name_of(plans, id);
    let h = t.hooks;
    let one = |v: Option<AnyView>| v.into_iter().collect::<Vec<_>>();
    match way {
        WayOut::AskAdmin => ask_admin(t, f),
        WayOut::FixPayment => one(Some(match h.on_fix_payment {
            Some(fix) => hook_button(t, look, way, w(|t| &t.prompts.fix_payment), move || {
                fix.run(())
            }),
            None => buy_button(
                t,
                look,
                way,
                w(|t| &t.prompts.fix_payment),
                Order::FixPayment,
            ),
        })),
        WayOut::Renew(id) => {
            let label = fill(w(|t| &t.prompts.renew), &[("plan", &name(id))]);
            one(Some(match h.on_upgrade {
                Some(up) => hook_button(t, look, way, label, move || up.run(id)),
                None => buy_button(t, look, way, label, Order::Renew),
            }))
        }
        WayOut::Upgrade(id) => {
            let label = fill(w(|t| &t.prompts.upgrade), &[("plan", &name(id))]);
            one(Some(match h.on_upgrade {
                Some(up) => hook_button(t, look, way, label, move || up.run(id)),
                None => buy_button(t, look, way, label, Order::ChangePlan(id)),
            }))
        }
        WayOut::ContactSales(id) => {
            let label = w(|t| &t.prompts.contact_sales);
            let href = plans
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.upgrade_url.trim().to_owned())
                .filter(|u| is_safe_href(u));
            one(match (h.on_upgrade, href) {
                (Some(up), _) => Some(hook_button(t, look, way, label, move || up.run(id))),
                (None, Some(href)) => Some(link(look, way, label, href)),
                (None, None) => None,
            })
        }
        WayOut::TopUp { credits: n } => {
            let label = fill(w(|t| &t.prompts.top_up), &[("credits", &credits(t.ctx, n))]);
            one(Some(match h.on_top_up {
                Some(top) => hook_button(t, look, way, label, move || top.run(n)),
                None => buy_button(t, look, way, label, Order::TopUp { credits: n }),
            }))
        }
        // The prompt already says when the credits come back.
        WayOut::WaitForReset { .. } => Vec::new(),
        // Every self-serve plan above this one, the cheapest as the main way.
        WayOut::SeePlans => {
            let current = f.map(|f| f.plan);
            plans
                .iter()
                .filter(|p| current.is_none_or(|c| p.id > c))
                .filter(|p| !p.sold_by_contact() && p.monthly_credits > 0)
                .enumerate()
                .flat_map(|(i, p)| {
                    let look = if i == 0 { look } else { Look::Plain };
                    self::way(t, WayOut::Upgrade(p.id), look, f, plans)
                })
                .collect()
        }
    }
}

/// "Ask Jonas Weber or Ari to add credits", and the host's Ask button.
fn ask_admin(t: Tools, f: Option<&BalanceResponse>) -> Vec<AnyView> {
    let w = move |pick: Pick| word(t.ctx, pick);
    let Some(f) = f else {
        return Vec::new();
    };
    let workspace = f.workspace.name.clone();
    let admins: Vec<String> = f.admins.iter().map(|a| a.name.clone()).collect();
    let ask = if admins.is_empty() {
        fill(
            w(|t| &t.prompts.ask_admin_body),
            &[("workspace", &workspace)],
        )
    } else {
        let who = format_list_or(&admins, locale(t.ctx).as_deref());
        fill(
            w(|t| &t.prompts.ask_admin_named),
            &[("workspace", &workspace), ("admins", &who)],
        )
    };
    let mut out = vec![view! { <p class="lc-prompt__ask">{ask}</p> }.into_any()];
    if let Some(ask) = t.hooks.on_ask_admin {
        let label = w(|t| &t.prompts.ask_admin);
        out.push(hook_button(
            t,
            Look::Primary,
            WayOut::AskAdmin,
            label,
            move || ask.run(()),
        ));
    }
    out
}

fn link(look: Look, way: WayOut, label: String, href: String) -> AnyView {
    view! {
        <a class=look.class() data-way-out=way.as_str() href=href>
            {label}
        </a>
    }
    .into_any()
}

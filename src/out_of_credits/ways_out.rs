//! The prompt's ways out as buttons: the host's hook when it gave one, else
//! the checkout through the provider's client. What a way out shows is
//! decided first ([`drawn`]), so the view redraws a button only when that changes.

use credits_core::ways_out::WayOut;
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
    /// The refusal shown, for what "Ask an admin" asks for.
    pub refusal: Option<Memo<super::Refusal>>,
    pub hooks: PromptHooks,
    pub checkout: CheckoutHandle,
    pub on_close: Callback<()>,
}

/// One thing a way out shows: a line, or a button (a link with `href`).
#[derive(Clone, PartialEq, Eq)]
pub(super) enum Drawn {
    Line(String),
    Way {
        way: WayOut,
        look: Look,
        label: String,
        href: Option<String>,
    },
}

/// What `way` shows, drawn with `look`.
pub(super) fn drawn(
    t: Tools,
    way: WayOut,
    look: Look,
    f: Option<&BalanceResponse>,
    plans: &[Plan],
) -> Vec<Drawn> {
    let w = move |pick: Pick| word(t.ctx, pick);
    let name = |id: PlanId| super::words::name_of(plans, id);
    let button = |label: String| Drawn::Way {
        way,
        look,
        label,
        href: None,
    };
    match way {
        WayOut::AskAdmin => ask_admin(t, f),
        WayOut::FixPayment => vec![button(w(|t| &t.prompts.fix_payment))],
        WayOut::Renew(id) => vec![button(fill(
            w(|t| &t.prompts.renew),
            &[("plan", &name(id))],
        ))],
        WayOut::Upgrade(id) => vec![button(fill(
            w(|t| &t.prompts.upgrade),
            &[("plan", &name(id))],
        ))],
        WayOut::ContactSales(id) => {
            let href = plans
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.upgrade_url.trim().to_owned())
                .filter(|u| is_safe_href(u));
            if t.hooks.on_upgrade.is_none() && href.is_none() {
                return Vec::new();
            }
            vec![Drawn::Way {
                way,
                look,
                label: w(|t| &t.prompts.contact_sales),
                href,
            }]
        }
        WayOut::TopUp { credits: n } => vec![button(fill(
            w(|t| &t.prompts.top_up),
            &[("credits", &credits(t.ctx, n))],
        ))],
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
                    drawn(t, WayOut::Upgrade(p.id), look, f, plans)
                })
                .collect()
        }
    }
}

/// "Ask Jonas Weber or Ari to add credits", and the host's Ask button.
fn ask_admin(t: Tools, f: Option<&BalanceResponse>) -> Vec<Drawn> {
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
    let mut out = vec![Drawn::Line(ask)];
    // Sent through the API inside a provider; only the host's hook outside one.
    if t.ctx.is_some() || t.hooks.on_ask_admin.is_some() {
        out.push(Drawn::Way {
            way: WayOut::AskAdmin,
            look: Look::Primary,
            label: w(|t| &t.prompts.ask_admin),
            href: None,
        });
    }
    out
}

/// The nodes for `d`: the host's hook when it gave one, else the checkout.
pub(super) fn draw(t: Tools, d: Drawn) -> AnyView {
    let (way, look, label, href) = match d {
        Drawn::Line(said) => return view! { <p class="lc-prompt__ask">{said}</p> }.into_any(),
        Drawn::Way {
            way,
            look,
            label,
            href,
        } => (way, look, label, href),
    };
    let h = t.hooks;
    let hook = |run: Callback<()>| hook_button(t, look, way, label.clone(), move || run.run(()));
    let upgrade = |id: PlanId| h.on_upgrade.map(|up| Callback::new(move |()| up.run(id)));
    let (hooked, order) = match way {
        WayOut::FixPayment => (h.on_fix_payment, Some(Order::FixPayment)),
        WayOut::Renew(id) => (upgrade(id), Some(Order::Renew)),
        WayOut::Upgrade(id) => (upgrade(id), Some(Order::ChangePlan(id))),
        WayOut::ContactSales(id) => (upgrade(id), None),
        WayOut::TopUp { credits: n } => (
            h.on_top_up.map(|top| Callback::new(move |()| top.run(n))),
            Some(Order::TopUp { credits: n }),
        ),
        WayOut::AskAdmin if t.ctx.is_some() => return super::asking::ask_view(t, look, label),
        WayOut::AskAdmin => (h.on_ask_admin, None),
        WayOut::WaitForReset { .. } | WayOut::SeePlans => (None, None),
    };
    match (hooked, order, href) {
        (Some(run), _, _) => hook(run),
        (None, Some(order), _) => buy_button(t, look, way, label, order),
        (None, None, Some(href)) => view! {
            <a class=look.class() data-way-out=way.as_str() href=href>
                {label}
            </a>
        }
        .into_any(),
        (None, None, None) => ().into_any(),
    }
}

//! The prompt's ways out as buttons: the host's hook when it gave one, else
//! the checkout through the provider's client. What a way out shows is
//! decided first ([`drawn`], from `credits_core`'s offers), so the view
//! redraws a button only when that changes.

use credits_core::prompt_ways::Offer;
use credits_core::ways_out::WayOut;
use credits_core::PlanId;
use leptos::prelude::*;

use super::buying::{buy_button, hook_button, Look};
use super::plans::PromptData;
use super::say::{say, way_label};
use super::PromptHooks;
use crate::hooks::{CheckoutHandle, Order};
use crate::primitives::is_safe_href;
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
    pub data: PromptData,
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

/// What `offers` show in words. "Contact sales" needs the host's hook or a
/// safe page to link to; asking needs the API (inside a provider) or the
/// host's hook.
pub(super) fn drawn(t: Tools, offers: Vec<Offer>) -> Vec<Drawn> {
    offers
        .into_iter()
        .filter_map(|offer| match offer {
            Offer::Say(line) => Some(Drawn::Line(say(t.ctx, &line))),
            Offer::Way { way, primary, url } => {
                let href = url.filter(|u| is_safe_href(u));
                let shown = match way {
                    WayOut::ContactSales(_) => t.hooks.on_upgrade.is_some() || href.is_some(),
                    WayOut::AskAdmin => t.ctx.is_some() || t.hooks.on_ask_admin.is_some(),
                    _ => true,
                };
                shown.then(|| Drawn::Way {
                    way,
                    look: Look::of(primary),
                    label: way_label(t.ctx, way),
                    href,
                })
            }
        })
        .collect()
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

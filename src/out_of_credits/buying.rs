//! The prompt's buttons: a host hook's, and a purchase's through the checkout
//! (`primitives::purchase_button`) with its progress and, when it fails, why.

use credits_core::ways_out::WayOut;
use leptos::prelude::*;

use super::ways_out::Tools;
use crate::hooks::Order;
use crate::primitives::{purchase_button, purchase_failure};

/// The main way out, or another.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Look {
    Primary,
    Plain,
}

impl Look {
    pub fn of(primary: bool) -> Look {
        if primary {
            Look::Primary
        } else {
            Look::Plain
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Look::Primary => "lc-prompt__action lc-prompt__action--primary",
            Look::Plain => "lc-prompt__action",
        }
    }
}

/// Runs the host's hook and closes the prompt: the host takes it from there.
pub(super) fn hook_button(
    t: Tools,
    look: Look,
    way: WayOut,
    label: String,
    run: impl Fn() + Send + Sync + 'static,
) -> AnyView {
    view! {
        <button
            type="button"
            class=look.class()
            data-way-out=way.as_str()
            on:click=move |_| {
                run();
                t.on_close.run(());
            }
        >
            {label}
        </button>
    }
    .into_any()
}

/// Orders through the checkout; the prompt closes once the purchase is done.
pub(super) fn buy_button(
    t: Tools,
    look: Look,
    way: WayOut,
    label: String,
    order: Order,
) -> AnyView {
    purchase_button(t.ctx, t.checkout, look.class(), way.as_str(), label, order)
}

/// Why the last order failed, announced.
pub(super) fn failure(t: Tools) -> impl IntoView {
    purchase_failure(t.ctx, t.checkout, "lc-prompt__failed")
}

//! The element table: each element's attributes, properties and events.

use super::{Attribute, Element, Event, Kind, Property};

const fn attr(name: &'static str, kind: Kind, live: bool, doc: &'static str) -> Attribute {
    Attribute {
        name,
        kind,
        live,
        doc,
    }
}

const fn event(name: &'static str, detail: &'static str, doc: &'static str) -> Event {
    Event {
        name,
        detail,
        cancelable: false,
        doc,
    }
}

const fn cancelable(name: &'static str, detail: &'static str, doc: &'static str) -> Event {
    Event {
        name,
        detail,
        cancelable: true,
        doc,
    }
}

const ACTION: Property = Property {
    name: "action",
    ts: "CreditAction",
    doc: "The action whose cost to show, as the API spells it.",
};
const ERROR: Event = event(
    "credits-error",
    "CreditsErrorDetail",
    "A property had the wrong shape; the last good value stays.",
);
const CHECKOUT: Attribute = attr(
    "builtin-checkout",
    Kind::Flag,
    false,
    "Buy through the API's checkout instead of sending the events to the host.",
);
const UPGRADE: Event = event(
    "credits-upgrade",
    "{ plan: PlanId }",
    "The person chose a plan.",
);
const FIX_PAYMENT: Event = event(
    "credits-fix-payment",
    "null",
    "The person wants to update a failing payment method.",
);
const PICK: Event = event(
    "credits-pick",
    "{ action: CreditAction }",
    "The person picked this alternative; set it as the `action`.",
);

pub const ELEMENTS: &[Element] = &[
    Element {
        tag: "credits-provider",
        interface: "CreditsProviderElement",
        doc: "Shares the API, the member, the workspace, one balance and one quote cache with the elements inside it.",
        attributes: &[
            attr("base-url", Kind::Text, true, "The API's base URL, e.g. `/api`."),
            attr("workspace", Kind::Text, true, "The workspace id, e.g. `ws_pro_team`."),
            attr("locale", Kind::Text, true, "A BCP 47 tag for numbers, dates and plurals; the browser's when absent."),
            attr("theme", Kind::Text, true, "`light`, `dark` or `auto` (follows `prefers-color-scheme`)."),
        ],
        properties: &[
            Property {
                name: "token",
                ts: "string | null",
                doc: "The member's token, sent only in the Authorization header; never an attribute.",
            },
            Property {
                name: "text",
                ts: "Partial<CreditsCatalogue> | null",
                doc: "Replacement words, keyed as `locales/en.json`; English for every key left out.",
            },
        ],
        events: &[ERROR],
    },
    Element {
        tag: "credits-cost-badge",
        interface: "CreditsCostBadgeElement",
        doc: "What the action costs, in credits.",
        attributes: &[],
        properties: &[ACTION],
        events: &[ERROR],
    },
    Element {
        tag: "credits-cost-estimator",
        interface: "CreditsCostEstimatorElement",
        doc: "The cost, the balance after it, and cheaper settings, behind a button.",
        attributes: &[
            attr(
                "subscription-href",
                Kind::Text,
                false,
                "Where \"Get more credits\" leads (https or relative); without it, that button sends `credits-short`.",
            ),
            attr("draft-first", Kind::Flag, false, "Offer a draft preview first; picking it sends `credits-draft-first`."),
        ],
        properties: &[ACTION],
        events: &[
            PICK,
            cancelable("credits-short", "{ shortfall: number; action: CreditAction }", "\"Get more credits\" was pressed (without `subscription-href`); unless prevented, the provider's `<credits-out-of-credits>` opens."),
            event("credits-draft-first", "{ draft: CreditAction; finish: CreditAction }", "The person chose the draft preview first."),
            event("credits-open-change", "{ open: boolean }", "The popover opened or closed."),
            ERROR,
        ],
    },
    Element {
        tag: "credits-generate-button",
        interface: "CreditsGenerateButtonElement",
        doc: "Generate, with the cost on it; refuses what the balance or plan does not cover.",
        attributes: &[
            attr("label", Kind::Text, true, "The button's words; the catalogue's \"Generate\" when absent."),
            attr("hide-cost", Kind::Flag, false, "Leave the cost off the button (e.g. beside a badge)."),
            attr("busy", Kind::Flag, true, "Disable the button while the host's job runs."),
        ],
        properties: &[ACTION],
        events: &[
            event("credits-generate", "{ action: CreditAction }", "The balance covers the action (or is not known): start it."),
            cancelable("credits-refused", "{ affordability: Affordability; action: CreditAction }", "Refused; unless prevented, the provider's `<credits-out-of-credits>` opens."),
            ERROR,
        ],
    },
    Element {
        tag: "credits-low-balance",
        interface: "CreditsLowBalanceElement",
        doc: "A banner when the balance runs low or out.",
        attributes: &[attr("next-cost", Kind::Number, true, "The next action's cost, when the host knows it.")],
        properties: &[],
        events: &[event("credits-dismiss", "null", "The person dismissed the banner.")],
    },
    Element {
        tag: "credits-subscription",
        interface: "CreditsSubscriptionElement",
        doc: "Settings → Subscription: balance, allowance, grants and usage by member.",
        attributes: &[CHECKOUT],
        properties: &[],
        events: &[
            event("credits-renew", "null", "The person wants to renew an expired or canceled subscription."),
            FIX_PAYMENT,
        ],
    },
    Element {
        tag: "credits-usage-history",
        interface: "CreditsUsageHistoryElement",
        doc: "What was spent, by whom, filterable, a page at a time.",
        attributes: &[attr("page-size", Kind::Number, false, "Items per page (1 to 100); 50 when absent.")],
        properties: &[],
        events: &[],
    },
    Element {
        tag: "credits-plans",
        interface: "CreditsPlansElement",
        doc: "The plans side by side, with the current one marked.",
        attributes: &[CHECKOUT],
        properties: &[],
        events: &[UPGRADE],
    },
    Element {
        tag: "credits-out-of-credits",
        interface: "CreditsOutOfCreditsElement",
        doc: "The prompt that explains a refusal and offers the ways out; opens on a refusal under the same provider.",
        attributes: &[CHECKOUT],
        properties: &[],
        events: &[
            event("credits-close", "null", "The prompt closed."),
            UPGRADE,
            event("credits-top-up", "{ credits: number }", "The person chose a pack of this many credits."),
            event("credits-ask-admin", "null", "A member's credit request was sent."),
            FIX_PAYMENT,
            PICK,
            event("credits-purchase", "{ balance: number; [key: string]: unknown }", "The built-in checkout bought something."),
        ],
    },
];

//! The provider that hands the client, the workspace, the locale and the
//! words to every component below it, through context rather than globals.

use leptos::prelude::*;

use crate::balance::{refresh_on_return, BalanceStore};
use crate::hooks::QuoteLoader;
use crate::intl::{format_count, plural_category};
use crate::primitives::effect;
use crate::styles::{theme_scope, Theme};
use crate::{CreditsClient, CreditsText};

/// What [`CreditsProvider`] shares with the components. `Copy`: pass it freely.
#[derive(Clone, Copy)]
pub struct CreditsContext {
    /// Who asks, and where the API is. Changing it refetches what depends on it.
    pub client: Signal<CreditsClient>,
    /// The workspace whose credits are shown.
    pub workspace: Signal<String>,
    /// A BCP 47 tag for `Intl`; `None` uses the browser's.
    pub locale: Signal<Option<String>>,
    pub text: StoredValue<CreditsText>,
    /// The quote cache and request batching every quote hook below shares.
    pub quotes: StoredValue<QuoteLoader, LocalStorage>,
    /// The workspace's balance, shared by every component below.
    pub balance: BalanceStore,
    /// Counts [`CreditsContext::forget_quotes`]: the quote hooks follow it
    /// and ask again.
    pub(crate) quotes_forgotten: RwSignal<u64>,
}

impl CreditsContext {
    /// "16 credits", in the locale's digits and plural form.
    pub fn credits(&self, n: u64) -> String {
        let locale = self.locale.get();
        let formatted = format_count(n, locale.as_deref());
        let category = plural_category(n, locale.as_deref());
        self.text
            .with_value(|t| t.credits.render(&category, &formatted))
    }
}

impl CreditsContext {
    /// Drops the workspace's kept quotes and has every quote hook below ask
    /// again: after Re-sync, and when a balance answer names another plan
    /// (a "not in your plan" verdict may no longer hold).
    pub fn forget_quotes(&self) {
        let workspace = self.workspace.get_untracked();
        self.quotes.with_value(|q| q.forget_workspace(&workspace));
        self.quotes_forgotten.update(|n| *n += 1);
    }
}

/// The context of the nearest [`CreditsProvider`], or `None` outside one.
pub fn use_credits() -> Option<CreditsContext> {
    use_context::<CreditsContext>()
}

/// Gives every credits component below it the API client, the workspace, the
/// words, one shared balance and one shared quote cache.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_credits::{CreditsClient, CreditsProvider, CreditsText};
///
/// # fn app() -> impl IntoView {
/// let token = RwSignal::new("tok_pro_admin".to_owned());
/// let client = Signal::derive(move || CreditsClient::new("/api").with_token(token.get()));
/// let text = CreditsText { free: "Gratis".into(), ..CreditsText::default() };
/// view! {
///     <CreditsProvider client=client workspace="ws_pro_team" locale="de-DE" text=text>
///         <p>"components here"</p>
///     </CreditsProvider>
/// }
/// # }
/// ```
#[component]
pub fn CreditsProvider(
    /// The API client; a signal so the host can switch member or base URL.
    #[prop(into)]
    client: Signal<CreditsClient>,
    /// The workspace id, e.g. `ws_pro_team`.
    #[prop(into)]
    workspace: Signal<String>,
    /// Locale for numbers and plurals; the browser's when absent.
    #[prop(optional, into)]
    locale: MaybeProp<String>,
    /// Replacement words; English when absent.
    #[prop(optional)]
    text: Option<CreditsText>,
    /// Forces the light or dark palette (or `Auto`) on everything below, in
    /// a `display: contents` wrapper; without it the page's own applies.
    #[prop(optional, into)]
    theme: Option<Signal<Theme>>,
    children: Children,
) -> impl IntoView {
    provide_credits(
        client,
        workspace,
        Signal::derive(move || locale.get()),
        text,
    );
    theme_scope(theme, children())
}

/// What [`CreditsProvider`] does for the components below it, without a
/// view: for a host that mounts them itself under the current owner (the
/// custom elements do, one mount per element). The balance, the quote cache
/// and the live stream live as long as the current owner.
pub fn provide_credits(
    client: Signal<CreditsClient>,
    workspace: Signal<String>,
    locale: Signal<Option<String>>,
    text: Option<CreditsText>,
) -> CreditsContext {
    let balance = BalanceStore::new(client, workspace);
    refresh_on_return(balance);
    let ctx = CreditsContext {
        client,
        workspace,
        locale,
        text: StoredValue::new(text.unwrap_or_default()),
        quotes: StoredValue::new_local(QuoteLoader::default()),
        balance,
        quotes_forgotten: RwSignal::new(0),
    };
    provide_context(ctx);
    forget_quotes_on_plan_change(ctx);
    ctx
}

/// A balance answer for the same workspace naming another plan than the last
/// one drops the workspace's kept quotes (the first answer only records it).
fn forget_quotes_on_plan_change(ctx: CreditsContext) {
    let seen = StoredValue::new(None::<(String, credits_core::PlanId)>);
    effect(move || {
        let Some(now) = ctx.balance.state().with(|s| {
            s.known()
                .map(|k| (k.figures.workspace.id.clone(), k.figures.plan))
        }) else {
            return;
        };
        let before = seen.get_value();
        seen.set_value(Some(now.clone()));
        if before.is_some_and(|(ws, plan)| ws == now.0 && plan != now.1) {
            ctx.forget_quotes();
        }
    });
}

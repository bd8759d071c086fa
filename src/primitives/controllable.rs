use leptos::prelude::*;

/// State that the host may control (pass `value`) or leave to the component
/// (leave `value` empty; it starts at `default`). Either way, `on_change`
/// hears every change the component asks for.
/// Like Radix `useControllableState`.
pub fn use_controllable<T>(
    value: MaybeProp<T>,
    default: T,
    on_change: Option<Callback<T>>,
) -> (Signal<T>, Callback<T>)
where
    T: Clone + Send + Sync + 'static,
{
    let own = RwSignal::new(default);
    let current = Signal::derive(move || value.get().unwrap_or_else(|| own.get()));
    let set = Callback::new(move |next: T| {
        if value.get_untracked().is_none() {
            own.set(next.clone());
        }
        if let Some(cb) = on_change {
            cb.run(next);
        }
    });
    (current, set)
}

//! Keys that make a spend safe to retry.

/// A fresh `Idempotency-Key`: the browser's `crypto.randomUUID()`, or, where
/// that is missing (an insecure page), 128 random bits from `Math.random`.
pub fn new_idempotency_key() -> String {
    if !cfg!(target_arch = "wasm32") {
        return native_key();
    }
    let from_crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .filter(|c| js_sys::Reflect::get(c, &"randomUUID".into()).is_ok_and(|f| f.is_function()))
        .map(|c| c.random_uuid());
    from_crypto.unwrap_or_else(|| {
        (0..4)
            .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
            .collect()
    })
}

/// A native build has no `crypto.randomUUID`: 128 bits from the clock and a
/// counter are unique enough there, where no request is ever sent.
fn native_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    format!("{:016x}{n:016x}", crate::primitives::now_ms() as u64)
}

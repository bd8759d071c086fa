//! A small, stable, non-cryptographic hash for entity tags and cursor checks.

/// 64-bit FNV-1a: the same bytes give the same hash on every machine and build.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

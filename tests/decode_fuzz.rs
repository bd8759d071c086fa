//! Every response decoder of the client against mutated bodies: truncated,
//! wrong types, huge numbers, deep nesting, bad escapes, mangled bytes. None
//! may panic; each answer is a value or a `Decode` error naming a field.
//!
//! 1,000,000 bodies by default (`cargo test --test decode_fuzz`); the long
//! run: `CREDITS_FUZZ_CASES=100000000 cargo test --release --test decode_fuzz`.
//! `CREDITS_FUZZ_SEED` picks another sequence.
#![cfg(not(target_arch = "wasm32"))]

use credits_core::{BalanceResponse, GenerationResponse, PlansResponse, UsageResponse};
use leptos_credits::api::decode::{decode, decode_quotes, error_for};
use leptos_credits::ClientError;

const QUOTES: &str = r#"{"items":[{"credits":8,"breakdown":[{"label":"4 images × 2 credits","credits":8}],"affordable":true,"blocked":null},{"credits":0,"breakdown":[],"affordable":false,"blocked":{"code":"feature_not_in_plan","required_plan":"pro"}},{"error":{"type":"about:blank","title":"Invalid setting","status":422,"detail":"count must be 1-16","code":"invalid_setting","field":"items[2].count"}}],"balance":120,"price_book":"2026-11"}"#;
const BALANCE: &str = r#"{"workspace":{"id":"ws_pro_team","name":"Northwind Studio"},"member":{"id":"u_kim","name":"Kim","role":"member"},"plan":"pro","status":"active","balance":120,"grants":[{"kind":"monthly","granted":5000,"remaining":120,"expires_at":"2026-12-01T00:00:00Z"},{"kind":"trial","granted":50,"remaining":0,"expires_at":null}],"cycle":{"started_at":"2026-11-01T00:00:00Z","resets_at":"2026-12-01T00:00:00Z"},"shared_pool":true,"payment_method":"ok","low_balance_threshold":250,"as_of":"2026-11-24T20:00:00Z"}"#;
const PLANS: &str = r#"{"plans":[{"id":"free","name":"Free","monthly_credits":0,"price":null,"features":["image.generate"],"seats":1,"upgrade_url":"/upgrade?plan=free"},{"id":"pro","name":"Pro","monthly_credits":5000,"price":{"amount_minor":2900,"currency":"USD","interval":"month"},"features":["image.generate","video.generate"],"seats":null,"upgrade_url":"https://example.com/pro"}]}"#;
const PROBLEM: &str = r#"{"type":"about:blank","title":"Insufficient credits","status":402,"detail":"needs 160","code":"insufficient_credits","reason":"shared_pool_exhausted","needed":160,"balance":120,"resets_at":null,"suggested_plan":"enterprise"}"#;
const GENERATION: &str = r#"{"id":"gen_01","credits_charged":8,"balance":112}"#;
const USAGE: &str = r#"{"items":[{"id":"gen_1","at":"2026-11-20T10:00:00Z","member":{"id":"u_kim","name":"Kim"},"action":"image.generate","credits":16,"status":"charged"},{"id":"gen_2","at":"2026-11-19T10:00:00Z","member":{"id":"u_ann","name":"Ann"},"action":"video.generate","credits":90,"status":"refunded"}],"next_cursor":"abc","totals":{"count":2,"credits":16},"by_member":[{"member":{"id":"u_kim","name":"Kim"},"credits":300}]}"#;

/// A decoder as the client calls it: `Ok(())` or the `Decode` error's field.
type Decoder = fn(&str) -> Result<(), String>;

/// Each decoder with its name and a valid body to mutate.
fn decoders() -> Vec<(&'static str, &'static str, Decoder)> {
    fn check<T>(r: Result<T, ClientError>) -> Result<(), String> {
        match r {
            Ok(_) => Ok(()),
            Err(ClientError::Decode { field, .. }) => Err(field),
            Err(other) => panic!("a decoder may only fail with Decode, got {other:?}"),
        }
    }
    vec![
        ("quotes", QUOTES, |b| check(decode_quotes(b, 3))),
        ("balance", BALANCE, |b| check(decode::<BalanceResponse>(b))),
        ("plans", PLANS, |b| check(decode::<PlansResponse>(b))),
        ("generation", GENERATION, |b| {
            check(decode::<GenerationResponse>(b))
        }),
        ("usage", USAGE, |b| check(decode::<UsageResponse>(b))),
        ("problem", PROBLEM, |b| {
            // Never fails: the status alone decides the variant.
            let e = error_for(402, b);
            assert_eq!(e.kind(), "insufficient_credits");
            Ok(())
        }),
    ]
}

/// xorshift64*: fast, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, of: &[&'a str]) -> &'a str {
        of[self.below(of.len())]
    }
}

const WRONG: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "1.5",
    "\"\"",
    "[]",
    "{}",
    "\"x\"",
    "18446744073709551616",
    "1e400",
    "-0",
    "99999999999999999999999999999",
    "\"\\uD800\"",
    "\"\\uDC00\\uD800\"",
    "\"\\u12\"",
    "\"\\x\"",
    "\"\\u0000\"",
    "NaN",
];
const BYTES: &[u8] = b"{}[],:\"\\0-enu \t\x00\xff\xc3";

/// One mutation of `seed`, chosen by the RNG.
fn mutate(rng: &mut Rng, seed: &str) -> String {
    let bytes = seed.as_bytes();
    match rng.below(9) {
        // Truncated anywhere, even inside a multi-byte character.
        0 => String::from_utf8_lossy(&bytes[..rng.below(bytes.len())]).into_owned(),
        // A byte replaced by a structural or invalid one.
        1 => {
            let mut b = bytes.to_vec();
            let i = rng.below(b.len());
            b[i] = BYTES[rng.below(BYTES.len())];
            String::from_utf8_lossy(&b).into_owned()
        }
        // A value (after a colon) replaced by a wrong type, huge number or bad escape.
        2 | 3 => replace_value(rng, seed),
        // A key removed: a missing field.
        4 => remove_key(rng, seed),
        // An unknown field added to the outer object.
        5 => format!("{{\"zz_unknown\":{},{}", rng.pick(WRONG), &seed[1..]),
        // Deep nesting around a value.
        6 => {
            let most = if rng.below(100) == 0 { 20_000 } else { 200 };
            let depth = 1 + rng.below(most);
            let inner = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
            seed.replacen(":", &format!(":{inner},\"_\":"), 1 + rng.below(3))
        }
        // Two bodies spliced.
        7 => {
            let cut = rng.below(bytes.len());
            let other = [QUOTES, BALANCE, PLANS, USAGE][rng.below(4)];
            let from = rng.below(other.len());
            String::from_utf8_lossy(&[&bytes[..cut], &other.as_bytes()[from..]].concat())
                .into_owned()
        }
        // Several mutations at once.
        _ => {
            let once = replace_value(rng, seed);
            remove_key(rng, &once)
        }
    }
}

fn replace_value(rng: &mut Rng, seed: &str) -> String {
    let colons: Vec<usize> = seed.match_indices(':').map(|(i, _)| i).collect();
    let Some(&at) = colons.get(rng.below(colons.len())) else {
        return seed.to_owned();
    };
    let rest = &seed[at + 1..];
    let end = value_end(rest);
    format!("{}:{}{}", &seed[..at], rng.pick(WRONG), &rest[end..])
}

/// Where the scalar (or first token) after a colon ends.
fn value_end(rest: &str) -> usize {
    if let Some(stripped) = rest.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in stripped.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return i + 2,
                _ => escaped = false,
            }
        }
        return rest.len();
    }
    rest.find([',', '}', ']']).unwrap_or(rest.len())
}

fn remove_key(rng: &mut Rng, seed: &str) -> String {
    let keys: Vec<usize> = seed.match_indices("\":").map(|(i, _)| i).collect();
    let Some(&end) = keys.get(rng.below(keys.len())) else {
        return seed.to_owned();
    };
    let Some(start) = seed[..end].rfind('"') else {
        return seed.to_owned();
    };
    let after = &seed[end + 2..];
    let value = value_end(after);
    let tail = after[value..].strip_prefix(',').unwrap_or(&after[value..]);
    format!("{}{}", &seed[..start], tail)
}

/// Whether `s` starts with an object key: `"name":`.
fn is_key(s: &str) -> bool {
    s[1..]
        .find('"')
        .is_some_and(|end| s[end + 2..].starts_with(':') && !s[1..end + 1].contains(','))
}

fn cases() -> u64 {
    std::env::var("CREDITS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

#[test]
fn seeds_decode() {
    for (name, seed, decode) in decoders() {
        assert_eq!(decode(seed), Ok(()), "the {name} example decodes");
    }
}

#[test]
fn unknown_fields_anywhere_are_ignored() {
    for (name, seed, decode) in decoders() {
        let mut rng = Rng(7);
        for _ in 0..200 {
            // An unknown key before a random existing key, at any depth.
            let keys: Vec<usize> = seed
                .match_indices(",\"")
                .map(|(i, _)| i + 1)
                .filter(|&i| is_key(&seed[i..]))
                .collect();
            let at = keys[rng.below(keys.len())];
            let body = format!(
                "{}\"zz_new\":{},{}",
                &seed[..at],
                rng.pick(&WRONG[..13]),
                &seed[at..]
            );
            assert_eq!(decode(&body), Ok(()), "{name}: {body}");
        }
    }
}

#[test]
fn a_missing_field_names_itself() {
    let body = BALANCE.replace("\"low_balance_threshold\":250,", "");
    let Err(ClientError::Decode { field, .. }) = decode::<BalanceResponse>(&body) else {
        panic!("a missing field is a decode error");
    };
    assert_eq!(field, "low_balance_threshold");
    let body = USAGE.replace("\"credits\":16,", "");
    let Err(ClientError::Decode { field, .. }) = decode::<UsageResponse>(&body) else {
        panic!("a missing field is a decode error");
    };
    assert_eq!(field, "items[0].credits");
    let body = BALANCE.replace("\"granted\":50,", "\"granted\":\"50\",");
    let Err(ClientError::Decode { field, .. }) = decode::<BalanceResponse>(&body) else {
        panic!("a mistyped field is a decode error");
    };
    assert_eq!(field, "grants[1].granted");
}

#[test]
fn mutated_bodies_never_panic() {
    let total = cases();
    let seed = std::env::var("CREDITS_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_c0de_u64);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()) as u64;
    let start = std::time::Instant::now();
    let failed: u64 = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    let decoders = decoders();
                    let mut rng = Rng(seed ^ (t + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
                    let mut errors = 0u64;
                    for case in (t..total).step_by(threads as usize) {
                        let (_, seed_body, decode) = decoders[(case % 6) as usize];
                        let body = mutate(&mut rng, seed_body);
                        if decode(&body).is_err() {
                            errors += 1;
                        }
                    }
                    errors
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    });
    eprintln!(
        "decode_fuzz: {total} bodies in {:.1?} on {threads} threads, {failed} refused",
        start.elapsed()
    );
    // Most mutations break the body; a fuzzer whose bodies all decode tests nothing.
    assert!(
        failed > total / 4,
        "only {failed} of {total} bodies were refused"
    );
}

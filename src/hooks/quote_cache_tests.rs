use credits_core::{ImageGenerate, Quality, Quote};

use super::*;

fn images(count: u32) -> CreditAction {
    CreditAction::ImageGenerate(ImageGenerate::new(Quality::Standard, count))
}

fn cached(credits: u64, price_book: &str, at_ms: f64) -> Cached {
    Cached {
        item: QuoteItem::Quoted(Quote {
            credits,
            breakdown: vec![],
            affordable: true,
            blocked: None,
        }),
        balance: 100,
        price_book: price_book.into(),
        at_ms,
    }
}

fn group(ws: &str) -> Group {
    (7, ws.into())
}

#[test]
fn a_seen_action_is_found_and_an_equal_one_too() {
    let mut c = QuoteCache::new(60_000.0, 10);
    c.put(group("ws"), images(4), cached(16, "2026-11", 0.0));
    assert_eq!(
        c.get(&group("ws"), &images(4), 10.0).map(|e| e.balance),
        Some(100)
    );
    assert!(c.get(&group("ws"), &images(5), 10.0).is_none());
    assert!(
        c.get(&group("other"), &images(4), 10.0).is_none(),
        "never across workspaces"
    );
    assert!(
        c.get(&(8, "ws".into()), &images(4), 10.0).is_none(),
        "never across members"
    );
}

#[test]
fn entries_age_out() {
    let mut c = QuoteCache::new(1000.0, 10);
    c.put(group("ws"), images(1), cached(4, "p", 0.0));
    assert!(c.get(&group("ws"), &images(1), 999.0).is_some());
    assert!(c.get(&group("ws"), &images(1), 1000.0).is_none());
    assert!(
        c.get(&group("ws"), &images(1), -5.0).is_none(),
        "a clock set back"
    );
}

#[test]
fn a_new_price_book_empties_the_group() {
    let mut c = QuoteCache::new(60_000.0, 10);
    c.put(group("ws"), images(1), cached(4, "2026-11", 0.0));
    c.put(group("ws"), images(2), cached(9, "2026-12", 1.0));
    assert!(c.get(&group("ws"), &images(1), 2.0).is_none());
    assert_eq!(c.len(), 1);
}

#[test]
fn the_oldest_entry_makes_room() {
    let mut c = QuoteCache::new(60_000.0, 2);
    c.put(group("ws"), images(1), cached(4, "p", 0.0));
    c.put(group("ws"), images(2), cached(8, "p", 1.0));
    c.put(group("ws"), images(3), cached(12, "p", 2.0));
    assert!(c.get(&group("ws"), &images(1), 3.0).is_none());
    assert!(c.get(&group("ws"), &images(3), 3.0).is_some());
    assert_eq!(c.len(), 2);
}

/// Issue 11.5: each new token added a group and none was ever dropped.
#[test]
fn the_number_of_groups_is_bounded_and_the_least_recent_goes() {
    let mut c = QuoteCache::new(60_000.0, 10);
    for n in 0..100u64 {
        c.put((n, "ws".into()), images(1), cached(4, "p", n as f64));
        assert!(c.groups() <= MAX_GROUPS, "{} groups after {n}", c.groups());
    }
    assert_eq!(c.groups(), MAX_GROUPS);
    assert!(c.get(&(99, "ws".into()), &images(1), 100.0).is_some());
    assert!(c.get(&(0, "ws".into()), &images(1), 100.0).is_none());
    // A group in use keeps its place: refreshing it makes another one the stalest.
    let oldest_kept = 100 - MAX_GROUPS as u64;
    c.put((oldest_kept, "ws".into()), images(2), cached(8, "p", 200.0));
    c.put((1000, "ws".into()), images(1), cached(4, "p", 201.0));
    assert!(c
        .get(&(oldest_kept, "ws".into()), &images(2), 202.0)
        .is_some());
    assert!(c
        .get(&(oldest_kept + 1, "ws".into()), &images(1), 202.0)
        .is_none());
}

/// Issue 11.4: a "not in your plan" answer outlived an upgrade for 10 minutes.
#[test]
fn forgetting_a_workspace_drops_its_answers_for_every_member_and_keeps_the_others() {
    let mut c = QuoteCache::new(60_000.0, 10);
    c.put((1, "ws_a".into()), images(1), cached(4, "p", 0.0));
    c.put((2, "ws_a".into()), images(1), cached(4, "p", 0.0));
    c.put((1, "ws_b".into()), images(1), cached(4, "p", 0.0));
    c.forget_workspace("ws_a");
    assert!(c.get(&(1, "ws_a".into()), &images(1), 1.0).is_none());
    assert!(c.get(&(2, "ws_a".into()), &images(1), 1.0).is_none());
    assert!(c.get(&(1, "ws_b".into()), &images(1), 1.0).is_some());
}

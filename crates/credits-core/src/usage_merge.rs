//! Folding a fresh newest page into the history already shown, so a spend
//! that arrives while a person reads older pages goes on top and the pages
//! they loaded stay where they are.

use crate::usage::UsageItem;

/// Puts the items of `newest` (a fresh first page) that `shown` lacks on top
/// of it and updates the ones it has (a refund changes a status). `false` when
/// the two share no item: too many spends came to bridge the gap, so the
/// caller starts again from `newest`.
pub fn merge_newest(shown: &mut Vec<UsageItem>, newest: Vec<UsageItem>) -> bool {
    let Some(first_known) = newest
        .iter()
        .position(|n| shown.iter().any(|s| s.id == n.id))
    else {
        return shown.is_empty() && newest.is_empty();
    };
    let mut newest = newest;
    for fresh in newest.drain(first_known..) {
        if let Some(old) = shown.iter_mut().find(|s| s.id == fresh.id) {
            *old = fresh;
        }
    }
    shown.splice(0..0, newest);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usage::UsageStatus;
    use crate::MemberRef;

    fn item(id: &str, status: UsageStatus) -> UsageItem {
        UsageItem {
            id: id.into(),
            at: "2026-12-01T00:00:00Z".into(),
            member: MemberRef {
                id: "u_kim".into(),
                name: "Kim".into(),
            },
            action: "image.generate".into(),
            credits: 8,
            status,
        }
    }

    fn ids(items: &[UsageItem]) -> Vec<&str> {
        items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn new_items_go_on_top_and_the_pages_shown_stay() {
        let c = UsageStatus::Charged;
        let mut shown = vec![item("d", c), item("c", c), item("b", c), item("a", c)];
        let newest = vec![item("f", c), item("e", c), item("d", c), item("c", c)];
        assert!(merge_newest(&mut shown, newest));
        assert_eq!(ids(&shown), ["f", "e", "d", "c", "b", "a"]);
    }

    #[test]
    fn an_item_shown_takes_its_new_status() {
        let c = UsageStatus::Charged;
        let mut shown = vec![item("b", c), item("a", c)];
        let newest = vec![item("b", UsageStatus::Refunded), item("a", c)];
        assert!(merge_newest(&mut shown, newest));
        assert_eq!(ids(&shown), ["b", "a"]);
        assert_eq!(shown[0].status, UsageStatus::Refunded);
    }

    #[test]
    fn nothing_in_common_asks_to_start_again() {
        let c = UsageStatus::Charged;
        let mut shown = vec![item("b", c), item("a", c)];
        let newest = vec![item("z", c), item("y", c)];
        assert!(!merge_newest(&mut shown, newest));
        assert_eq!(ids(&shown), ["b", "a"], "left as it was");
        let mut empty = Vec::new();
        assert!(
            !merge_newest(&mut empty, vec![item("a", c)]),
            "nothing shown yet"
        );
        assert!(merge_newest(&mut empty, Vec::new()), "both empty");
    }
}

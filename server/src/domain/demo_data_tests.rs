use super::*;

const NOW: i64 = 1_795_550_400;

fn workspace<'a>(seed: &'a Seed, id: &str) -> &'a Workspace {
    seed.workspaces.iter().find(|w| w.id == id).unwrap()
}

#[test]
fn the_demo_matches_the_table_in_api_md() {
    let seed = demo_seed(NOW).unwrap();
    assert_eq!(seed.workspaces.len(), 9);
    let expect = [
        (
            "tok_trial_owner",
            "ws_trial",
            Status::Trialing,
            50,
            Role::Owner,
        ),
        (
            "tok_free_owner",
            "ws_free_empty",
            Status::Free,
            0,
            Role::Owner,
        ),
        (
            "tok_basic_owner",
            "ws_basic_limit",
            Status::Active,
            6,
            Role::Owner,
        ),
        (
            "tok_pro_admin",
            "ws_pro_team",
            Status::Active,
            120,
            Role::Admin,
        ),
        (
            "tok_pro_member",
            "ws_pro_team",
            Status::Active,
            120,
            Role::Member,
        ),
        (
            "tok_expired_owner",
            "ws_expired",
            Status::Expired,
            0,
            Role::Owner,
        ),
        (
            "tok_past_due_owner",
            "ws_past_due",
            Status::PastDue,
            0,
            Role::Owner,
        ),
        (
            "tok_ent_owner",
            "ws_enterprise",
            Status::Active,
            48_000,
            Role::Owner,
        ),
        (
            "tok_drained_owner",
            "ws_drained",
            Status::Active,
            0,
            Role::Owner,
        ),
        (
            "tok_extras_owner",
            "ws_extras",
            Status::Active,
            5_500,
            Role::Owner,
        ),
    ];
    for (token, ws, status, balance, role) in expect {
        let (_, member) = seed.tokens.iter().find(|(t, _)| t == token).unwrap();
        let w = workspace(&seed, ws);
        assert_eq!(w.status, status, "{ws}");
        assert_eq!(w.balance(NOW), balance, "{ws}");
        assert_eq!(w.member(member).unwrap().role, role, "{token}");
    }
    let pro = workspace(&seed, "ws_pro_team");
    assert!(pro.shared_pool && pro.low_balance_threshold == 250);
    let resets = workspace(&seed, "ws_basic_limit").cycle.unwrap().resets_at;
    assert!(resets > NOW && resets - NOW < 7 * DAY);
    let drained = workspace(&seed, "ws_drained");
    assert!(drained.upcoming_reset(NOW).is_some() && drained.has_monthly_grant(NOW));
    let kinds: Vec<_> = workspace(&seed, "ws_extras")
        .grants
        .iter()
        .map(|g| g.kind)
        .collect();
    assert_eq!(
        kinds,
        [GrantKind::Monthly, GrantKind::Promo, GrantKind::TopUp]
    );
    let past_due = workspace(&seed, "ws_past_due");
    assert_eq!(past_due.payment_method, PaymentMethod::Failing);
}

#[test]
fn every_grant_s_spend_is_in_the_history() {
    let seed = demo_seed(NOW).unwrap();
    for w in &seed.workspaces {
        let granted_spend: u64 = w.grants.iter().map(|g| g.granted - g.remaining).sum();
        let ledger_spend: u64 = seed
            .ledger
            .iter()
            .filter(|e| e.workspace_id == w.id && e.status.counts_as_spent())
            .map(|e| e.credits)
            .sum();
        assert_eq!(granted_spend, ledger_spend, "{}", w.id);
    }
}

#[test]
fn the_pro_team_pool_went_mostly_to_teammates() {
    let seed = demo_seed(NOW).unwrap();
    let pro = workspace(&seed, "ws_pro_team");
    let cycle = pro.cycle.unwrap();
    let spent_by = |member: &str| -> u64 {
        seed.ledger
            .iter()
            .filter(|e| e.workspace_id == "ws_pro_team" && e.member_id == member)
            .filter(|e| e.at >= cycle.started_at && e.status.counts_as_spent())
            .map(|e| e.credits)
            .sum()
    };
    let spent: Vec<u64> = ["u_jonas", "u_lea", "u_ari", "u_kim"]
        .iter()
        .map(|m| spent_by(m))
        .collect();
    assert_eq!(spent, [2460, 1940, 300, 180]);
    let statuses: Vec<_> = seed
        .ledger
        .iter()
        .filter(|e| e.workspace_id == "ws_pro_team")
        .map(|e| e.status)
        .collect();
    assert!(statuses.contains(&UsageStatus::Failed));
    assert!(statuses.contains(&UsageStatus::Refunded));
    // Ids look like live ones and say nothing about the order: the history is ordered by time.
    assert_eq!(seed.ledger[0].id, demo_generation_id("ws_free_empty", 3));
    let ids: std::collections::HashSet<&str> = seed.ledger.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), seed.ledger.len(), "demo ids are unique");
    for e in &seed.ledger {
        let hex = e.id.strip_prefix("gen_").unwrap();
        assert!(
            hex.len() == 32
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
            "{}",
            e.id
        );
    }
}

//! The usage history narrowed by `member` and `status`: pages, totals and
//! cursors, checked against the unfiltered history of the same server.

use serde_json::Value;

use crate::support::{assert_problem, images, Server};

const WS: &str = "ws_pro_team";

async fn usage(s: &Server, query: &str) -> reqwest::Response {
    let url = format!("{}?{query}", s.workspace_url(WS, "usage"));
    s.client
        .get(url)
        .bearer_auth("tok_pro_admin")
        .send()
        .await
        .unwrap()
}

async fn usage_ok(s: &Server, query: &str) -> Value {
    let r = usage(s, query).await;
    assert_eq!(r.status(), 200, "{query}");
    r.json().await.unwrap()
}

/// Every page of `filter` at `limit` items a page: the items, and each page's totals.
async fn all_pages(s: &Server, filter: &str, limit: u32) -> (Vec<Value>, Vec<Value>) {
    let (mut items, mut totals) = (Vec::new(), Vec::new());
    let mut query = format!("{filter}&limit={limit}");
    loop {
        let page = usage_ok(s, &query).await;
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        totals.push(page["totals"].clone());
        match page["next_cursor"].as_str() {
            Some(c) => query = format!("{filter}&limit={limit}&cursor={c}"),
            None => return (items, totals),
        }
    }
}

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn cycle_start(s: &Server) -> String {
    s.balance_ok(WS, "tok_pro_admin").await["cycle"]["started_at"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// `{count, credits}` of `items` in the cycle: credits of the charged and failed ones.
fn totals_of(items: &[&Value], since: &str) -> Value {
    let counted: Vec<&&Value> = items
        .iter()
        .filter(|i| i["at"].as_str().unwrap() >= since)
        .collect();
    let credits: u64 = counted
        .iter()
        .filter(|i| i["status"] != "refunded")
        .map(|i| i["credits"].as_u64().unwrap())
        .sum();
    serde_json::json!({"count": counted.len(), "credits": credits})
}

#[tokio::test]
async fn member_status_and_both_narrow_the_pages_and_their_totals_to_the_cycle() {
    let s = Server::demo().await;
    let since = cycle_start(&s).await;
    let (everything, _) = all_pages(&s, "", 100).await;
    assert_eq!(everything.len(), 26);
    type Keep = fn(&Value) -> bool;
    let cases: [(&str, Keep); 6] = [
        ("member=u_lea", |i| i["member"]["id"] == "u_lea"),
        ("status=failed", |i| i["status"] == "failed"),
        ("status=refunded", |i| i["status"] == "refunded"),
        ("member=u_jonas&status=charged,refunded", |i| {
            i["member"]["id"] == "u_jonas" && i["status"] != "failed"
        }),
        ("status=charged%2Cfailed&member=u_kim", |i| {
            i["member"]["id"] == "u_kim" && i["status"] != "refunded"
        }),
        ("status=failed&status=refunded", |i| {
            i["status"] != "charged"
        }),
    ];
    for (filter, keep) in cases {
        let want: Vec<&Value> = everything.iter().filter(|i| keep(i)).collect();
        assert!(!want.is_empty(), "{filter} matches some of the demo");
        let (got, totals) = all_pages(&s, filter, 2).await;
        let want_ids: Vec<String> = want
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            ids(&got),
            want_ids,
            "{filter}: paged by 2, the filtered history in order"
        );
        let expected = totals_of(&want, &since);
        assert!(
            totals.iter().all(|t| t == &expected),
            "{filter}: every page's totals are {expected}, got {totals:?}"
        );
        let (unpaged, _) = all_pages(&s, filter, 100).await;
        assert_eq!(ids(&unpaged), ids(&got), "{filter}: paged equals unpaged");
    }
    let lea = usage_ok(&s, "member=u_lea&limit=1").await;
    assert_eq!(
        lea["totals"],
        serde_json::json!({"count": 7, "credits": 1940})
    );
    let by_member = lea["by_member"].as_array().unwrap();
    assert_eq!(
        by_member.len(),
        4,
        "by_member stays everyone's under a filter"
    );
    assert!(by_member
        .iter()
        .any(|m| m["member"]["id"] == "u_lea" && m["credits"] == 1940));
    let jonas = usage_ok(&s, "member=u_jonas").await;
    assert_eq!(
        jonas["items"].as_array().unwrap().len(),
        9,
        "older than the cycle still listed"
    );
    assert_eq!(
        jonas["totals"],
        serde_json::json!({"count": 7, "credits": 2460}),
        "only the cycle counted: by_member's figure"
    );
    let failed = usage_ok(&s, "status=failed").await;
    assert_eq!(failed["items"][0]["action"], "video.generate");
    assert_eq!(
        failed["totals"],
        serde_json::json!({"count": 1, "credits": 96})
    );
    let all_three = usage_ok(&s, "status=charged,failed,refunded").await;
    assert_eq!(
        all_three["totals"],
        serde_json::json!({"count": 24, "credits": 4880})
    );
}

#[tokio::test]
async fn paging_a_filter_while_spends_arrive_repeats_and_skips_nothing() {
    let s = Server::demo().await;
    for filter in [
        "member=u_kim",
        "status=charged",
        "member=u_kim&status=charged",
    ] {
        let (before, _) = all_pages(&s, filter, 100).await;
        let mut query = format!("{filter}&limit=2");
        let mut seen = Vec::new();
        let mut n = 0;
        loop {
            let page = usage_ok(&s, &query).await;
            seen.extend(page["items"].as_array().unwrap().iter().cloned());
            // Between pages: one spend that matches every filter here, one by Ari.
            for token in ["tok_pro_member", "tok_pro_admin"] {
                let key = format!("{filter}-{n}-{token}");
                let r = s.generate(WS, token, Some(&key), &images("draft", 1)).await;
                assert_eq!(r.status(), 201);
            }
            n += 1;
            match page["next_cursor"].as_str() {
                Some(c) => query = format!("{filter}&limit=2&cursor={c}"),
                None => break,
            }
        }
        assert!(n >= 3, "{filter}: several pages");
        assert_eq!(
            ids(&seen),
            ids(&before),
            "{filter}: the old items, once each, none skipped"
        );
        let (after, _) = all_pages(&s, filter, 100).await;
        let fresh = &after[..after.len() - before.len()];
        assert_eq!(
            &ids(&after)[fresh.len()..],
            ids(&before),
            "{filter}: the new spends lead, above the old"
        );
        let kims = fresh
            .iter()
            .filter(|i| i["member"]["id"] == "u_kim")
            .count();
        assert_eq!(kims, n, "{filter}: each of Kim's new spends once");
        if filter.contains("member") {
            assert_eq!(fresh.len(), n, "{filter}: Ari's spends left out");
        }
    }
}

#[tokio::test]
async fn bad_members_statuses_and_cursors_of_another_filter_are_refused() {
    let s = Server::demo().await;
    let long = "u".repeat(5000);
    for q in [
        "member=u_nobody",
        "member=u_maya",
        "member=",
        "member",
        "member=%zz",
        "member=U_KIM",
        "member=u_kim&member=u_lea",
        &format!("member={long}"),
    ] {
        let r = usage(&s, q).await;
        let p = assert_problem(r, 422, "invalid_setting", Some("member")).await;
        assert!(
            p["detail"].as_str().unwrap().len() < 200,
            "{q}: a short detail"
        );
    }
    assert_eq!(usage(&s, "member=u_kim&member=u_kim").await.status(), 200);
    for q in [
        "status=pending",
        "status=",
        "status",
        "status=charged,",
        "status=CHARGED",
        "status=charged%2Cbogus",
        "status=unknown",
        "status=%FF",
        &format!("status={long}"),
    ] {
        let r = usage(&s, q).await;
        assert_problem(r, 422, "invalid_setting", Some("status")).await;
    }
    let cursor = |page: &Value| page["next_cursor"].as_str().unwrap().to_owned();
    let kim = cursor(&usage_ok(&s, "member=u_kim&limit=1").await);
    let plain = cursor(&usage_ok(&s, "limit=1").await);
    let two = cursor(&usage_ok(&s, "status=charged,failed&limit=1").await);
    for q in [
        format!("member=u_lea&cursor={kim}"),
        format!("cursor={kim}"),
        format!("member=u_kim&status=charged&cursor={kim}"),
        format!("status=failed&cursor={plain}"),
        format!("member=u_kim&cursor={plain}"),
        format!("status=charged&cursor={two}"),
    ] {
        let r = usage(&s, &q).await;
        assert_problem(r, 400, "invalid_cursor", Some("cursor")).await;
    }
    for q in [
        format!("member=u_kim&cursor={kim}"),
        format!("status=failed,charged&cursor={two}"),
        format!("status=failed&status=charged&cursor={two}"),
        format!("status=charged,failed,refunded&cursor={plain}"),
    ] {
        assert_eq!(
            usage(&s, &q).await.status(),
            200,
            "{q}: the same filter, written otherwise"
        );
    }
}

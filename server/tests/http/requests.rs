//! Credit requests over HTTP: a member asks, the owners and admins see and
//! answer them (a top-up naming the request, or a decline with a note);
//! idempotency, one pending request per thing, roles, the rate limit, refusals.

use reqwest::Response;
use serde_json::{json, Value};

use crate::support::{assert_problem, created, Server};

const PRO: &str = "ws_pro_team";
const MEMBER: &str = "tok_pro_member";
const ADMIN: &str = "tok_pro_admin";

impl Server {
    async fn ask(&self, token: &str, key: &str, body: &Value) -> Response {
        self.check_out(PRO, "requests", token, key, body).await
    }

    async fn decline(&self, token: &str, id: &str, key: &str, body: &Value) -> Response {
        let path = format!("requests/{id}/decline");
        self.check_out(PRO, &path, token, key, body).await
    }

    async fn requests(&self, token: &str) -> Value {
        let r = self
            .client
            .get(self.workspace_url(PRO, "requests"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        r.json().await.unwrap()
    }
}

#[tokio::test]
async fn a_member_asks_for_credits_and_the_answer_names_the_owners_and_admins() {
    let s = Server::demo().await;
    let body = json!({"credits": 500, "message": "  for the launch  "});
    let asked = created(s.ask(MEMBER, "a1", &body).await).await;
    assert!(asked["id"].as_str().unwrap().starts_with("req_"));
    assert_eq!(asked["member"], json!({"id": "u_kim", "name": "Kim"}));
    assert_eq!(
        (asked["credits"].clone(), asked["status"].clone()),
        (json!(500), json!("pending"))
    );
    assert_eq!(asked["message"], "for the launch");
    assert!(asked.get("plan").is_none());
    let names: Vec<&str> = asked["admins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Jonas Weber", "Ari"]);
    assert_eq!(asked["admins"][1]["role"], "admin");
    assert!(asked["at"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn the_same_key_and_body_answer_the_same_bytes_and_another_body_is_a_conflict() {
    let s = Server::demo().await;
    let first = s.ask(MEMBER, "k", &json!({"plan": "enterprise"})).await;
    assert_eq!(first.status(), 201);
    let first = first.text().await.unwrap();
    let again = s.ask(MEMBER, "k", &json!({"plan": "enterprise"})).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.text().await.unwrap(), first);
    let other = s.ask(MEMBER, "k", &json!({"credits": 300})).await;
    assert_problem(other, 409, "idempotency_conflict", Some("Idempotency-Key")).await;
    assert_eq!(
        s.requests(MEMBER).await["items"].as_array().unwrap().len(),
        1
    );
}

#[tokio::test]
async fn asking_again_in_the_cycle_answers_the_pending_request_with_200() {
    let s = Server::demo().await;
    let first = created(s.ask(MEMBER, "a", &json!({"credits": 500})).await).await;
    let again = s.ask(MEMBER, "b", &json!({"credits": 900})).await;
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.unwrap();
    assert_eq!(
        (again["id"].clone(), again["credits"].clone()),
        (first["id"].clone(), json!(500))
    );
    // A plan is another thing to ask for.
    let plan = created(s.ask(MEMBER, "c", &json!({"plan": "enterprise"})).await).await;
    assert_ne!(plan["id"], first["id"]);
    let listed = s.requests(MEMBER).await;
    assert_eq!(listed["pending"], 2);
}

#[tokio::test]
async fn admins_see_every_request_with_the_pending_count_and_a_member_only_their_own() {
    let s = Server::demo().await;
    created(s.ask(MEMBER, "m", &json!({"credits": 200})).await).await;
    created(s.ask(ADMIN, "a", &json!({"plan": "enterprise"})).await).await;
    let admin = s.requests(ADMIN).await;
    assert_eq!(admin["pending"], 2);
    let who: Vec<&str> = admin["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["member"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(who, ["u_ari", "u_kim"]);
    let member = s.requests(MEMBER).await;
    assert_eq!(member["pending"], 1);
    assert_eq!(member["items"].as_array().unwrap().len(), 1);
    assert_eq!(member["items"][0]["member"]["id"], "u_kim");
}

#[tokio::test]
async fn an_admin_declines_with_a_note_and_the_member_reads_it() {
    let s = Server::demo().await;
    let asked = created(s.ask(MEMBER, "m", &json!({"credits": 200})).await).await;
    let id = asked["id"].as_str().unwrap();
    let note = json!({"note": "<b>Not this month</b>"});
    let declined = s.decline(ADMIN, id, "d", &note).await;
    assert_eq!(declined.status(), 200);
    let declined: Value = declined.json().await.unwrap();
    assert_eq!(declined["status"], "declined");
    assert_eq!(
        declined["answered_by"],
        json!({"id": "u_ari", "name": "Ari"})
    );
    let mine = s.requests(MEMBER).await;
    assert_eq!(mine["pending"], 0);
    assert_eq!(mine["items"][0]["note"], "<b>Not this month</b>");
    assert!(mine["items"][0]["answered_at"].is_string());
    // The same decline again is a replay; another is a conflict with the answer.
    let replay = s.decline(ADMIN, id, "d", &note).await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    let twice = s.decline(ADMIN, id, "d2", &json!({})).await;
    assert_problem(twice, 409, "request_answered", Some("request")).await;
}

#[tokio::test]
async fn a_member_cannot_decline_and_an_unknown_request_is_404() {
    let s = Server::demo().await;
    let asked = created(s.ask(MEMBER, "m", &json!({"credits": 200})).await).await;
    let id = asked["id"].as_str().unwrap();
    assert_problem(
        s.decline(MEMBER, id, "d", &json!({})).await,
        403,
        "role_not_allowed",
        None,
    )
    .await;
    assert_eq!(s.requests(MEMBER).await["pending"], 1);
    assert_problem(
        s.decline(ADMIN, "req_nope", "d", &json!({})).await,
        404,
        "not_found",
        None,
    )
    .await;
}

#[tokio::test]
async fn a_top_up_naming_the_request_grants_it_once_and_a_second_answer_is_409() {
    let s = Server::demo().await;
    let asked = created(s.ask(MEMBER, "m", &json!({"credits": 500})).await).await;
    let id = asked["id"].as_str().unwrap();
    let before = s.balance_ok(PRO, MEMBER).await["balance"].as_u64().unwrap();
    let body = json!({"credits": 500, "request": id});
    let bought = created(s.check_out(PRO, "top-ups", ADMIN, "t", &body).await).await;
    assert_eq!(bought["balance"].as_u64().unwrap(), before + 500);
    // Replayed: the same purchase, no second charge.
    let replay = s.check_out(PRO, "top-ups", ADMIN, "t", &body).await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    let again = s.check_out(PRO, "top-ups", ADMIN, "t2", &body).await;
    assert_problem(again, 409, "request_answered", Some("request")).await;
    let plan = json!({"plan": "enterprise", "request": id});
    assert_problem(
        s.check_out(PRO, "plan", ADMIN, "p", &plan).await,
        409,
        "request_answered",
        Some("request"),
    )
    .await;
    assert_problem(
        s.decline(ADMIN, id, "d", &json!({})).await,
        409,
        "request_answered",
        Some("request"),
    )
    .await;
    assert_eq!(
        s.balance_ok(PRO, MEMBER).await["balance"].as_u64().unwrap(),
        before + 500
    );
    let mine = s.requests(MEMBER).await;
    assert_eq!(mine["items"][0]["status"], "granted");
    assert_eq!(mine["items"][0]["purchase"], bought["id"]);
    assert_eq!(mine["items"][0]["answered_by"]["id"], "u_ari");
    let unknown = json!({"credits": 500, "request": "req_nope"});
    assert_problem(
        s.check_out(PRO, "top-ups", ADMIN, "u", &unknown).await,
        404,
        "not_found",
        Some("request"),
    )
    .await;
    assert_eq!(
        s.balance_ok(PRO, MEMBER).await["balance"].as_u64().unwrap(),
        before + 500
    );
}

#[tokio::test]
async fn the_sixth_request_in_an_hour_is_429_with_retry_after() {
    let s = Server::demo().await;
    for i in 0..5 {
        let asked = created(
            s.ask(MEMBER, &format!("a{i}"), &json!({"credits": 100}))
                .await,
        )
        .await;
        let id = asked["id"].as_str().unwrap();
        assert_eq!(
            s.decline(ADMIN, id, &format!("d{i}"), &json!({}))
                .await
                .status(),
            200
        );
    }
    let limited = s.ask(MEMBER, "a5", &json!({"credits": 100})).await;
    let wait: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3_590..=3_600).contains(&wait), "{wait}");
    assert_problem(limited, 429, "too_many_requests", None).await;
    // Another member is not limited by Kim's requests.
    assert_eq!(
        s.ask(ADMIN, "x", &json!({"credits": 100})).await.status(),
        201
    );
}

#[tokio::test]
async fn malformed_unknown_and_huge_requests_are_problems_naming_the_field() {
    let s = Server::demo().await;
    let cases = [
        (json!({}), 422, "invalid_request", Some("credits")),
        (
            json!({"credits": 5, "plan": "pro"}),
            422,
            "invalid_request",
            Some("credits"),
        ),
        (
            json!({"credits": 0}),
            422,
            "invalid_setting",
            Some("credits"),
        ),
        (
            json!({"credits": 100_001}),
            422,
            "invalid_setting",
            Some("credits"),
        ),
        (
            json!({"plan": "platinum"}),
            422,
            "unknown_plan",
            Some("plan"),
        ),
        (
            json!({"credits": 5, "message": "x".repeat(501)}),
            422,
            "invalid_setting",
            Some("message"),
        ),
        (
            json!({"credits": 5, "urgent": true}),
            400,
            "invalid_request",
            None,
        ),
        (json!({"credits": "five"}), 400, "invalid_request", None),
    ];
    for (i, (body, status, code, field)) in cases.into_iter().enumerate() {
        assert_problem(
            s.ask(MEMBER, &format!("k{i}"), &body).await,
            status,
            code,
            field,
        )
        .await;
    }
    let no_key = s
        .client
        .post(s.workspace_url(PRO, "requests"))
        .bearer_auth(MEMBER)
        .json(&json!({"credits": 5}))
        .send()
        .await
        .unwrap();
    assert_problem(
        no_key,
        400,
        "missing_idempotency_key",
        Some("Idempotency-Key"),
    )
    .await;
    let note = json!({"note": "n".repeat(501)});
    assert_problem(
        s.decline(ADMIN, "req_x", "d", &note).await,
        422,
        "invalid_setting",
        Some("note"),
    )
    .await;
    assert_eq!(s.requests(ADMIN).await["items"], json!([]));
}

#[tokio::test]
async fn a_plan_change_naming_a_plan_request_grants_it_with_the_purchase() {
    let s = Server::demo().await;
    let asked = created(s.ask(MEMBER, "m", &json!({"plan": "basic"})).await).await;
    let id = asked["id"].as_str().unwrap();
    let body = json!({"plan": "basic", "request": id});
    let changed = created(s.check_out(PRO, "plan", ADMIN, "p", &body).await).await;
    assert_eq!(changed["kind"], "downgrade");
    let mine = s.requests(MEMBER).await;
    assert_eq!(mine["pending"], 0);
    assert_eq!(mine["items"][0]["status"], "granted");
    assert_eq!(mine["items"][0]["plan"], "basic");
    assert_eq!(mine["items"][0]["purchase"], changed["id"]);
}

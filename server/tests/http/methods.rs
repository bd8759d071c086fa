//! A known path asked with a method it does not answer.

use std::collections::BTreeSet;

use credits_server::http::routes::{pairs, API_ROUTES, TEST_HOOK_ROUTES};
use reqwest::Method;

use crate::support::{assert_problem, Server};

/// The methods a path of the route tables answers: its own, and HEAD beside GET.
fn declared(routes: &[(&str, &str)], path: &str) -> BTreeSet<String> {
    let mut methods: BTreeSet<String> = routes
        .iter()
        .filter(|(_, p)| *p == path)
        .map(|(m, _)| (*m).to_owned())
        .collect();
    if methods.contains("GET") {
        methods.insert("HEAD".to_owned());
    }
    methods
}

fn concrete(path: &str) -> String {
    path.replace("{workspace}", "ws_trial")
        .replace("{id}", "client-1")
}

/// Regression (#12): a known path with an undeclared method must answer 405 with an
/// `Allow` header listing exactly the path's methods, as problem+json, never a 404;
/// an unknown path stays 404. Checked for every path of the route tables.
#[tokio::test]
async fn a_known_path_with_an_undeclared_method_is_405_with_allow() {
    let (s, _flaky) = Server::with_hooks().await;
    let routes: Vec<(&str, &str)> = [pairs(API_ROUTES), pairs(TEST_HOOK_ROUTES)].concat();
    let paths: BTreeSet<&str> = routes.iter().map(|(_, p)| *p).collect();
    for path in paths {
        let allowed = declared(&routes, path);
        for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
            if allowed.contains(method) {
                continue;
            }
            let url = s.api(&concrete(path));
            let r = s
                .client
                .request(Method::from_bytes(method.as_bytes()).unwrap(), &url)
                .bearer_auth("tok_trial_owner")
                .send()
                .await
                .unwrap();
            let allow: BTreeSet<String> = r
                .headers()
                .get("allow")
                .unwrap_or_else(|| panic!("{method} {path}: no Allow header"))
                .to_str()
                .unwrap()
                .split(',')
                .map(|m| m.trim().to_owned())
                .collect();
            assert_eq!(allow, allowed, "{method} {path}: Allow");
            assert_problem(r, 405, "method_not_allowed", None).await;
        }
    }
    // The issue's own example.
    let r = s.client.delete(s.api("/v1/plans")).send().await.unwrap();
    assert_eq!(r.headers()["allow"], "GET,HEAD");
    assert_problem(r, 405, "method_not_allowed", None).await;
    // An unknown path is still 404, whatever the method.
    for method in [Method::GET, Method::DELETE, Method::POST] {
        let r = s
            .client
            .request(method, s.api("/v1/no-such-thing"))
            .send()
            .await
            .unwrap();
        assert!(r.headers().get("allow").is_none());
        assert_problem(r, 404, "not_found", None).await;
    }
}

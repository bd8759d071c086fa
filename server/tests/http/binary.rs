//! The real `credits-server` binary, as the demo and the browser tests run it.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::{Child, ChildStdout, Command};
use tokio::time::timeout;

/// Starts the binary and reads the port from its one stdout line.
pub async fn start(args: &[&str]) -> (Child, String) {
    let (child, origin, _) = start_reading(args).await;
    (child, origin)
}

/// Starts the binary; the origin from its first stdout line, and the rest of stdout.
async fn start_reading(args: &[&str]) -> (Child, String, BufReader<ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_credits-server"))
        .args(args)
        .env("CREDITS_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().unwrap();
    let mut reader = BufReader::new(stdout);
    let origin = announced(&mut reader, "listening on ").await;
    (child, origin, reader)
}

/// The origin of the next stdout line, which must start with `prefix`.
async fn announced(reader: &mut BufReader<ChildStdout>, prefix: &str) -> String {
    let mut line = String::new();
    timeout(Duration::from_secs(20), reader.read_line(&mut line))
        .await
        .expect("the server says where it listens within 20 s")
        .unwrap();
    let origin = line
        .strip_suffix('\n')
        .and_then(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("unexpected line {line:?}"))
        .to_owned();
    assert!(
        origin.starts_with("http://127.0.0.1:") && !origin.ends_with(":0"),
        "{origin}"
    );
    origin
}

#[tokio::test]
async fn with_test_hooks_a_second_line_names_the_flaky_port() {
    let args = ["--listen", "127.0.0.1:0", "--seed-demo", "--test-hooks"];
    let (mut child, origin, mut reader) = start_reading(&args).await;
    let flaky = announced(&mut reader, "flaky listening on ").await;
    assert_ne!(flaky, origin);
    let client = reqwest::Client::new();
    for base in [&origin, &flaky] {
        let r = client
            .get(format!("{base}/api/_test/clients/x/requests"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{base}");
    }
    let r = client
        .post(format!("{origin}/api/_test/flaky"))
        .json(&serde_json::json!({"up": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert!(client
        .get(format!("{flaky}/api/v1/plans"))
        .send()
        .await
        .is_err());
    stop(&mut child, "-TERM").await;
}

#[tokio::test]
async fn the_binary_announces_its_port_and_answers() {
    let (mut child, origin) = start(&["--listen", "127.0.0.1:0", "--seed-demo"]).await;
    let r = reqwest::Client::new()
        .post(format!("{origin}/api/v1/workspaces/ws_trial/quotes"))
        .bearer_auth("tok_trial_owner")
        .json(&serde_json::json!({"items": [{"action": "edit.upscale", "factor": 2}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["balance"], 50);
    assert_eq!(body["items"][0]["credits"], 2);
    stop(&mut child, "-TERM").await;
    let mut logs = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .await
        .unwrap();
    assert!(
        logs.contains("/api/v1/workspaces/ws_trial/quotes"),
        "{logs}"
    );
    assert!(logs.contains("status=200"), "{logs}");
    assert!(
        !logs.contains("tok_trial_owner"),
        "a token reached the logs: {logs}"
    );
}

#[tokio::test]
async fn bad_arguments_exit_with_usage() {
    let out = Command::new(env!("CARGO_BIN_EXE_credits-server"))
        .arg("--port")
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}

#[tokio::test]
async fn without_the_demo_it_serves_plans_and_stops_on_ctrl_c() {
    let (mut child, origin) = start(&["--listen", "127.0.0.1:0"]).await;
    let r = reqwest::get(format!("{origin}/api/v1/plans"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    stop(&mut child, "-INT").await;
}

/// `signal` (`-TERM`, `-INT`) where there are signals: a graceful stop, exit 0. A kill elsewhere.
pub async fn stop(child: &mut Child, signal: &str) {
    #[cfg(unix)]
    {
        let pid = child.id().expect("still running").to_string();
        let sent = Command::new("kill")
            .args([signal, &pid])
            .status()
            .await
            .unwrap();
        assert!(sent.success());
        let status = timeout(Duration::from_secs(10), child.wait())
            .await
            .expect("the server stops within 10 s of the signal")
            .unwrap();
        assert!(status.success(), "{status}");
    }
    #[cfg(not(unix))]
    {
        let _ = signal;
        child.kill().await.unwrap();
    }
}

#[tokio::test]
async fn sigterm_lets_a_request_in_flight_finish() {
    let args = ["--listen", "127.0.0.1:0", "--seed-demo", "--test-hooks"];
    let (mut child, origin) = start(&args).await;
    let client = reqwest::Client::new();
    let r = client
        .post(format!("{origin}/api/_test/clients/slow/delays"))
        .json(&serde_json::json!({"delays_ms": [1000]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let slow = tokio::spawn(
        client
            .get(format!("{origin}/api/v1/plans"))
            .header("x-test-client", "slow")
            .send(),
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop(&mut child, "-TERM").await;
    let r = slow
        .await
        .unwrap()
        .expect("the request in flight is answered");
    assert_eq!(r.status(), 200);
}

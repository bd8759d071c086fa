//! Starting and stopping the reference API server (`credits-server`), and
//! any other server that announces its address the same way
//! ([`spawn_announced`], e.g. the SSR host).
//!
//! Contract: `credits-server --listen ADDR [--seed-demo] [--static DIR] [--test-hooks]`
//! prints `listening on http://127.0.0.1:PORT` on stdout once bound (port 0
//! is allowed) and, with `--test-hooks`, then `flaky listening on
//! http://127.0.0.1:PORT` (a second port the tests can close and reopen); the
//! API is under `/api`, DIR is served at `/`; SIGINT stops it gracefully.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::process::{describe, run, tail};
use crate::workspace::{show, Workspace};
use crate::Result;

const PACKAGE: &str = "credits-server";
/// The root Cargo.toml's profile for the release server (it unwinds on panic).
const RELEASE_PROFILE: &str = "release-server";
/// How long the server may take to print its address after starting.
const STARTUP_DEADLINE: Duration = Duration::from_secs(30);
/// How long a SIGINT may take before the server is killed.
const STOP_GRACE: Duration = Duration::from_secs(5);

pub struct Options<'a> {
    /// `--listen` address, e.g. `127.0.0.1:0`.
    pub listen: &'a str,
    pub seed_demo: bool,
    /// `--static` directory served at `/`.
    pub static_dir: Option<&'a Path>,
    /// Name of the log file under `target/xtask/` (without `.log`).
    pub log_name: &'a str,
}

/// A running server; dropping it stops the process (by PID), also on error
/// paths.
pub struct Server {
    child: Child,
    /// What messages call it, e.g. `credits-server`.
    name: &'static str,
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub url: String,
    /// The flaky listener's `http://127.0.0.1:PORT` (only with the test hooks).
    pub flaky_url: Option<String>,
    pub log: PathBuf,
    log_shown: String,
}

/// Builds the server (dev profile), starts it and waits for its address.
pub fn start(ws: &Workspace, opts: &Options) -> Result<Server> {
    start_with(ws, opts, &Launch::default())
}

/// As [`start`], with `--test-hooks` (browser tests only) and `extra`
/// arguments: also waits for the flaky port.
pub fn start_with_test_hooks(ws: &Workspace, opts: &Options, extra: &[String]) -> Result<Server> {
    let launch = Launch {
        test_hooks: true,
        extra: extra.to_vec(),
        ..Launch::default()
    };
    start_with(ws, opts, &launch)
}

/// For the benchmark: a release build (profile `release-server`), request logs off, and `extra` arguments (e.g. `--db`).
pub fn start_release(ws: &Workspace, opts: &Options, extra: &[String]) -> Result<Server> {
    let launch = Launch {
        release: true,
        extra: extra.to_vec(),
        ..Launch::default()
    };
    start_with(ws, opts, &launch)
}

/// How to build and run the server beyond [`Options`].
#[derive(Default)]
struct Launch {
    test_hooks: bool,
    release: bool,
    extra: Vec<String>,
}

/// What the server announces on stdout.
enum Announced {
    Main(String),
    Flaky(String),
}

fn start_with(ws: &Workspace, opts: &Options, launch: &Launch) -> Result<Server> {
    let start = Instant::now();
    let mut build = Command::new("cargo");
    build.args(["build", "--quiet", "-p", PACKAGE]);
    if launch.release {
        // Not `--release`: that profile aborts on panic, for the browser's wasm.
        build.args(["--profile", RELEASE_PROFILE]);
    }
    run(&mut build)?;
    let profile = if launch.release {
        RELEASE_PROFILE
    } else {
        "debug"
    };
    let exe = ws.target_dir.join(profile).join(PACKAGE);

    let mut cmd = Command::new(&exe);
    cmd.args(["--listen", opts.listen]);
    if opts.seed_demo {
        cmd.arg("--seed-demo");
    }
    if let Some(dir) = opts.static_dir {
        cmd.arg("--static").arg(dir);
    }
    if launch.test_hooks {
        cmd.arg("--test-hooks");
    }
    cmd.args(&launch.extra);
    if launch.release {
        // One log line per request would measure the terminal, not the server.
        cmd.env("CREDITS_LOG", "warn");
    }
    spawn_announced(ws, cmd, PACKAGE, opts.log_name, launch.test_hooks, start)
}

/// Starts `cmd`, a server that prints `listening on http://ADDR` on stdout
/// once bound (and, with `flaky`, then `flaky listening on ...`), with its
/// stdout and stderr in `target/xtask/<log_name>.log`, and waits for the
/// address. `name` is what messages call it; `start` is when its build began.
pub fn spawn_announced(
    ws: &Workspace,
    mut cmd: Command,
    name: &'static str,
    log_name: &str,
    flaky: bool,
    start: Instant,
) -> Result<Server> {
    let log = ws.scratch_dir()?.join(format!("{log_name}.log"));
    let log_file =
        File::create(&log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
    let log_shown = show(ws, &log);
    let clone = |f: &File| {
        f.try_clone()
            .map_err(|e| format!("cannot reuse {log_shown}: {e}"))
    };
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(clone(&log_file)?));
    println!("$ {}", describe(&cmd));
    let child = cmd
        .spawn()
        .map_err(|e| format!("could not start `{}`: {e}", describe(&cmd)))?;
    // From here on the guard exists, so any early return stops the child.
    let mut server = Server {
        child,
        name,
        url: String::new(),
        flaky_url: None,
        log,
        log_shown: log_shown.clone(),
    };

    // Forward stdout to the log, and hand over the announced address.
    let stdout = server.child.stdout.take().expect("stdout is piped");
    let mut log_out = clone(&log_file)?;
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = writeln!(log_out, "{line}");
            let announced = parse_listening_line(&line)
                .map(Announced::Main)
                .or_else(|| parse_flaky_line(&line).map(Announced::Flaky));
            if let Some(announced) = announced {
                let _ = tx.send(announced);
            }
        }
    });

    let deadline = Instant::now() + STARTUP_DEADLINE;
    let mut received = Ok(());
    while server.url.is_empty() || (flaky && server.flaky_url.is_none()) {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(Announced::Main(url)) => server.url = url,
            Ok(Announced::Flaky(url)) => server.flaky_url = Some(url),
            Err(e) => {
                received = Err(e);
                break;
            }
        }
    }
    match received {
        Ok(()) => {
            println!(
                "server {} up at {} (pid {}, log {}); build and start took {:.1} s",
                name,
                server.url,
                server.child.id(),
                server.log_shown,
                start.elapsed().as_secs_f64()
            );
            if let Some(flaky) = &server.flaky_url {
                println!("flaky listener (test hooks) at {flaky}");
            }
            Ok(server)
        }
        Err(e) => {
            let what = match e {
                mpsc::RecvTimeoutError::Timeout => format!(
                    "did not print `listening on http://...` within {} s",
                    STARTUP_DEADLINE.as_secs()
                ),
                mpsc::RecvTimeoutError::Disconnected => {
                    let status = wait_briefly(&mut server.child);
                    format!(
                        "closed its stdout without printing `listening on http://...` ({})",
                        status.map_or("still running".into(), |s| s.to_string())
                    )
                }
            };
            Err(format!(
                "{name} {what}; command: `{}`\nserver log {}:\n{}",
                describe(&cmd),
                server.log_shown,
                server.log_tail()
            ))
        }
    }
}

impl Server {
    /// The server's process id (e.g. to read its memory in `/proc`).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The last lines of the server's log, for failure messages.
    pub fn log_tail(&self) -> String {
        fs::read_to_string(&self.log)
            .map(|t| tail(&t, 30))
            .unwrap_or_default()
    }

    /// Where the log is, for failure messages.
    pub fn log_note(&self) -> String {
        format!("server log: {}", self.log_shown)
    }

    /// Prints where `what` is (`{url}` in it is replaced by the server's
    /// address) and waits until the server exits (Ctrl-C), for
    /// `cargo xtask demo` and `cargo xtask ssr-host`.
    pub fn serve_until_stopped(&mut self, what: &str) -> Result<()> {
        let line = "=".repeat(60);
        println!(
            "\n{line}\n  {}\n  Ctrl-C stops it. {}\n{line}\n",
            what.replace("{url}", &self.url),
            self.log_note()
        );
        let pid = self.child.id();
        let status = self
            .child
            .wait()
            .map_err(|e| format!("waiting for {} (pid {pid}): {e}", self.name))?;
        if status.success() {
            println!("server stopped");
            Ok(())
        } else {
            Err(format!(
                "{} (pid {pid}) exited with {status}\n{}\n{}",
                self.name,
                self.log_note(),
                self.log_tail()
            ))
        }
    }

    fn stop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let pid = self.child.id();
        // SIGINT first, so the server shuts down as it does on Ctrl-C; SIGKILL
        // (std's Child::kill, by PID) if it is still there after the grace time.
        let interrupted = Command::new("kill")
            .args(["-INT", &pid.to_string()])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if interrupted && wait_for(&mut self.child, STOP_GRACE).is_some() {
            println!("stopped {} (pid {pid})", self.name);
            return;
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        println!("killed {} (pid {pid})", self.name);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn wait_briefly(child: &mut Child) -> Option<ExitStatus> {
    wait_for(child, Duration::from_secs(2))
}

fn wait_for(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(25)),
            _ => return None,
        }
    }
}

/// `flaky listening on http://127.0.0.1:PORT` -> `http://127.0.0.1:PORT`.
pub fn parse_flaky_line(line: &str) -> Option<String> {
    parse_listening_line(line.trim().strip_prefix("flaky ")?)
}

/// `listening on http://127.0.0.1:PORT` -> `http://127.0.0.1:PORT`.
pub fn parse_listening_line(line: &str) -> Option<String> {
    let url = line.trim().strip_prefix("listening on ")?.trim();
    let rest = url.strip_prefix("http://")?;
    let (host, port) = rest.trim_end_matches('/').rsplit_once(':')?;
    if host.is_empty() || port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(url.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_announcement() {
        assert_eq!(
            parse_listening_line("listening on http://127.0.0.1:43121\n").as_deref(),
            Some("http://127.0.0.1:43121")
        );
        assert_eq!(
            parse_listening_line("listening on http://127.0.0.1:8080/").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(parse_listening_line("listening on 127.0.0.1:8080"), None);
        assert_eq!(parse_listening_line("listening on http://127.0.0.1:"), None);
        assert_eq!(parse_listening_line("seeded demo data"), None);
        let flaky = "flaky listening on http://127.0.0.1:43122";
        assert_eq!(parse_listening_line(flaky), None);
        assert_eq!(
            parse_flaky_line(flaky).as_deref(),
            Some("http://127.0.0.1:43122")
        );
        assert_eq!(parse_flaky_line("listening on http://127.0.0.1:1"), None);
    }
}

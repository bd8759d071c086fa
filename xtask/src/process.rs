//! Running external commands with failure messages that name the command and
//! its exit status.

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::Result;

/// The command as a shell line, with the variables set on it in front
/// (PATH left out: every child gets the same one).
pub fn describe(cmd: &Command) -> String {
    let mut parts = Vec::new();
    for (key, value) in cmd.get_envs() {
        if key == "PATH" {
            continue;
        }
        if let Some(value) = value {
            parts.push(format!(
                "{}={}",
                key.to_string_lossy(),
                quote(&value.to_string_lossy())
            ));
        }
    }
    parts.push(quote(&cmd.get_program().to_string_lossy()));
    parts.extend(cmd.get_args().map(|a| quote(&a.to_string_lossy())));
    parts.join(" ")
}

fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=./:@%+,".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

fn spawn_error(cmd: &Command, e: std::io::Error) -> String {
    let hint = if e.kind() == std::io::ErrorKind::NotFound {
        " (not found on PATH; `cargo xtask setup` installs the project's tools)"
    } else {
        ""
    };
    format!("could not start `{}`: {e}{hint}", describe(cmd))
}

pub fn failed(cmd: &Command, status: ExitStatus) -> String {
    format!("command failed ({status}): `{}`", describe(cmd))
}

/// Runs the command with inherited stdio, echoing it first; an error names
/// the command and its exit status.
pub fn run(cmd: &mut Command) -> Result<()> {
    println!("$ {}", describe(cmd));
    let status = cmd.status().map_err(|e| spawn_error(cmd, e))?;
    if status.success() {
        Ok(())
    } else {
        Err(failed(cmd, status))
    }
}

/// Runs the command quietly and returns its stdout; on failure the error has
/// the command, its status and the end of its stderr.
pub fn stdout_of(cmd: &mut Command) -> Result<String> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| spawn_error(cmd, e))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{}\n{}",
            failed(cmd, out.status),
            tail(&String::from_utf8_lossy(&out.stderr), 20)
        ))
    }
}

/// What `program args...` prints when it runs and succeeds (stdout, or
/// stderr when stdout is empty); `None` when it is missing or fails. For
/// version checks.
pub fn probe(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = if out.stdout.iter().all(u8::is_ascii_whitespace) {
        out.stderr
    } else {
        out.stdout
    };
    Some(String::from_utf8_lossy(&text).trim().to_string())
}

pub struct Captured {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the command with stdout and stderr captured, killing it (by PID)
/// when it outlives `timeout`.
pub fn capture_with_timeout(cmd: &mut Command, timeout: Duration) -> Result<Captured> {
    println!("$ {}", describe(cmd));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| spawn_error(cmd, e))?;
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(50)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "`{}` did not finish within {} s and was killed (pid {})",
                    describe(cmd),
                    timeout.as_secs(),
                    child.id()
                ));
            }
            Err(e) => return Err(format!("waiting for `{}`: {e}", describe(cmd))),
        }
    };
    Ok(Captured {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    })
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// The last `n` lines of `text`.
pub fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Seconds with one decimal, for timings.
pub fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_quotes_and_shows_env() {
        let mut cmd = Command::new("cargo");
        cmd.args(["test", "--features", "a b"])
            .env("CREDITS_TEST_API", "http://127.0.0.1:1/api")
            .env("PATH", "/x");
        assert_eq!(
            describe(&cmd),
            "CREDITS_TEST_API=http://127.0.0.1:1/api cargo test --features 'a b'"
        );
    }

    #[test]
    fn failure_names_command_and_status() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "exit 3"]);
        let err = run(&mut cmd).unwrap_err();
        assert!(err.contains("exit status: 3"), "{err}");
        assert!(err.contains("`sh -c 'exit 3'`"), "{err}");
    }

    #[test]
    fn missing_program_is_reported() {
        let err = run(&mut Command::new("xtask-no-such-program")).unwrap_err();
        assert!(
            err.contains("could not start `xtask-no-such-program`"),
            "{err}"
        );
        assert_eq!(probe("xtask-no-such-program", &["--version"]), None);
    }

    #[test]
    fn timeout_kills() {
        let mut cmd = Command::new("sleep");
        cmd.arg("30");
        let err = capture_with_timeout(&mut cmd, Duration::from_millis(200))
            .err()
            .expect("sleep should have been killed");
        assert!(err.contains("did not finish"), "{err}");
    }

    #[test]
    fn tail_keeps_last_lines() {
        assert_eq!(tail("a\nb\nc\n", 2), "b\nc");
        assert_eq!(tail("a", 5), "a");
    }
}

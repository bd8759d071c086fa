//! The command line of `credits-server`.

use std::path::PathBuf;

use crate::state::{Config, MAX_HEARTBEAT_MS};

pub const USAGE: &str = "\
credits-server: the reference server of the credits JSON API (under /api)

Usage: credits-server [--listen ADDR] [--db PATH] [--seed-demo] [--static DIR] [--price-book PATH] [--test-hooks]
                     [--heartbeat-ms N]

  --listen ADDR        address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --db PATH            keep the data in the SQLite file PATH (created and migrated on first
                       start; WAL mode); without it the data lives in memory
  --seed-demo          load the demo workspaces, tokens and history (see docs/api.md) into
                       a database that has no workspaces yet
  --static DIR         serve DIR's files at /, with index.html for unknown non-API paths;
                       a file's NAME.br or NAME.gz beside it goes to clients that accept it
  --price-book PATH    read prices from PATH instead of the built-in price book
  --test-hooks         answer /api/_test/* and honour X-Test-Client (browser tests only), and
                       serve the app on a second, closable \"flaky\" loopback port
  --heartbeat-ms N     send an idle balance stream a keep-alive comment every N ms
                       (default 15000)
  -h, --help           print this help

Once listening it prints one line to stdout: `listening on http://ADDR:PORT`; with
--test-hooks a second one follows: `flaky listening on http://127.0.0.1:PORT`.
Logs go to stderr; CREDITS_LOG sets their level (error, warn, info, debug, off).";

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

#[derive(Debug, Clone)]
pub struct Cli {
    pub listen: String,
    pub config: Config,
}

#[derive(Debug)]
pub enum Command {
    Run(Cli),
    Help,
}

/// Parses the arguments after the program name; `Err` says what is wrong.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut cli = Cli {
        listen: DEFAULT_LISTEN.to_owned(),
        config: Config::default(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => cli.listen = value("an address, e.g. 127.0.0.1:8080")?,
            "--static" => cli.config.static_dir = Some(PathBuf::from(value("a directory")?)),
            "--db" => cli.config.db = Some(PathBuf::from(value("a file path")?)),
            "--price-book" => cli.config.price_book = Some(PathBuf::from(value("a file")?)),
            "--heartbeat-ms" => {
                let ms = value("a number of milliseconds")?;
                let ms = ms
                    .parse::<u64>()
                    .ok()
                    .filter(|ms| (1..=MAX_HEARTBEAT_MS).contains(ms))
                    .ok_or_else(|| format!("--heartbeat-ms {ms:?}: 1 to {MAX_HEARTBEAT_MS}"))?;
                cli.config.heartbeat_ms = Some(ms);
            }
            "--seed-demo" if inline.is_none() => cli.config.seed_demo = true,
            "--test-hooks" if inline.is_none() => cli.config.test_hooks = true,
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    Ok(Command::Run(cli))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Cli, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Command::Run(cli) => Ok(cli),
            Command::Help => Err("help".into()),
        }
    }

    #[test]
    fn defaults_and_every_flag() {
        let cli = run(&[]).unwrap();
        assert_eq!(cli.listen, "127.0.0.1:8080");
        assert!(!cli.config.seed_demo && cli.config.static_dir.is_none());
        let cli = run(&["--listen", "127.0.0.1:0", "--seed-demo", "--static=dist"]).unwrap();
        assert_eq!(cli.listen, "127.0.0.1:0");
        assert!(cli.config.seed_demo && !cli.config.test_hooks);
        assert!(run(&["--test-hooks"]).unwrap().config.test_hooks);
        assert_eq!(cli.config.static_dir, Some(PathBuf::from("dist")));
        let cli = run(&["--db", "credits.db"]).unwrap();
        assert_eq!(cli.config.db, Some(PathBuf::from("credits.db")));
        let cli = run(&["--price-book", "prices.toml"]).unwrap();
        assert_eq!(cli.config.price_book, Some(PathBuf::from("prices.toml")));
        assert_eq!(run(&[]).unwrap().config.heartbeat_ms, None);
        let cli = run(&["--heartbeat-ms", "200"]).unwrap();
        assert_eq!(cli.config.heartbeat_ms, Some(200));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(run(&["--listen"]).is_err());
        assert!(run(&["--port", "80"]).is_err());
        assert!(run(&["--seed-demo=yes"]).is_err());
        for bad in ["0", "-5", "abc", "86400001", "99999999999999999999"] {
            assert!(run(&["--heartbeat-ms", bad]).is_err(), "{bad}");
        }
        assert_eq!(run(&["--help"]).unwrap_err(), "help");
    }
}

//! The server half (`ssr`): renders the page with leptos_axum, serves the
//! browser bundle from `<site root>/pkg`, and answers the credits API at
//! `/api` from the reference server's router, in this one process.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use axum::Router;
use credits_server::{AppState, Config};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::services::ServeDir;

use crate::app::{shell, App};

/// The wasm-bindgen `--out-name`: `pkg/ssr_host.js` and `pkg/ssr_host_bg.wasm`.
pub const OUTPUT_NAME: &str = "ssr_host";
/// Where the bundle lives under the site root, and its URL path.
pub const PKG_DIR: &str = "pkg";

pub const USAGE: &str = "\
ssr-host: a server-rendered Leptos app with leptos-credits, and the credits API at /api

Usage: ssr-host [--listen ADDR] [--site-root DIR]

  --listen ADDR     address to listen on (default $LEPTOS_SITE_ADDR, else 127.0.0.1:3000;
                    port 0 picks a free one)
  --site-root DIR   the directory holding pkg/ssr_host.js and pkg/ssr_host_bg.wasm
                    (default $LEPTOS_SITE_ROOT, else target/site)
  -h, --help        print this help

Once listening it prints one line to stdout: `listening on http://ADDR:PORT`.
The API runs on the reference server's demo data (in memory, seeded at start).
Logs go to stderr; CREDITS_LOG sets their level (error, warn, info, debug, off).";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub listen: String,
    pub site_root: PathBuf,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Run(Args),
    Help,
}

/// Parses the arguments after the program name; `env` looks up the
/// defaults' variables.
pub fn parse_args(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Result<Command, String> {
    let text = |name: &str| {
        env(name)
            .and_then(|v| v.into_string().ok())
            .filter(|v| !v.is_empty())
    };
    let mut parsed = Args {
        listen: text("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".to_owned()),
        site_root: env("LEPTOS_SITE_ROOT")
            .filter(|v| !v.is_empty())
            .map_or_else(|| PathBuf::from("target/site"), PathBuf::from),
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
            "--listen" => parsed.listen = value("an address, e.g. 127.0.0.1:3000")?,
            "--site-root" => parsed.site_root = PathBuf::from(value("a directory")?),
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    Ok(Command::Run(parsed))
}

/// The whole application: the page routes, the bundle at `/pkg`, and the
/// credits API. The API's router ends in its own fallback (a problem+json 404
/// for unknown paths); the page routes have none, so the two merge.
pub fn router(options: LeptosOptions, api: AppState) -> Router {
    let pkg = Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    let pkg_path = format!("/{}", options.site_pkg_dir);
    let pages = Router::new()
        .leptos_routes(&options, generate_route_list(App), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .nest_service(&pkg_path, ServeDir::new(pkg))
        .with_state(options);
    pages.merge(credits_server::app(api))
}

/// Starts the server and serves until Ctrl-C or SIGTERM.
pub async fn run(args: Args) -> Result<(), String> {
    let site_root = args
        .site_root
        .to_str()
        .ok_or_else(|| format!("--site-root {} is not UTF-8", args.site_root.display()))?;
    for file in [
        format!("{OUTPUT_NAME}.js"),
        format!("{OUTPUT_NAME}_bg.wasm"),
    ] {
        let path = args.site_root.join(PKG_DIR).join(&file);
        if !path.is_file() {
            return Err(format!(
                "{} is missing: build the browser half first (`cargo xtask ssr-host` does), \
                 or pass --site-root",
                path.display()
            ));
        }
    }
    credits_server::logging::init();
    let api = AppState::new(&Config {
        seed_demo: true,
        ..Config::default()
    })
    .map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("no local address: {e}"))?;
    let options = LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .site_root(site_root)
        .site_pkg_dir(PKG_DIR)
        .site_addr(addr)
        .build();
    // The one line on stdout: tools read the port from it.
    let mut stdout = std::io::stdout().lock();
    let announced = writeln!(stdout, "listening on http://{addr}").and_then(|()| stdout.flush());
    drop(stdout);
    if let Err(e) = announced {
        eprintln!("ssr-host: cannot write to stdout: {e}");
    }
    let store = api.store.clone();
    let shutdown = async move {
        credits_server::shutdown_signal().await;
        // Balance streams stay open until told: end them, so the shutdown can finish.
        store.event_hub().close_all();
    };
    axum::serve(listener, router(options, api))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: &[(&str, &str)]) -> Result<Command, String> {
        let env: Vec<(String, OsString)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
            .collect();
        parse_args(args.iter().map(|a| (*a).to_owned()), |name| {
            env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    fn run_args(listen: &str, site_root: &str) -> Command {
        Command::Run(Args {
            listen: listen.to_owned(),
            site_root: PathBuf::from(site_root),
        })
    }

    #[test]
    fn defaults_come_from_the_environment() {
        assert_eq!(
            parse(&[], &[]),
            Ok(run_args("127.0.0.1:3000", "target/site"))
        );
        assert_eq!(
            parse(
                &[],
                &[
                    ("LEPTOS_SITE_ADDR", "0.0.0.0:80"),
                    ("LEPTOS_SITE_ROOT", "/srv/site")
                ]
            ),
            Ok(run_args("0.0.0.0:80", "/srv/site"))
        );
        assert_eq!(
            parse(
                &["--listen", "127.0.0.1:0", "--site-root=/x"],
                &[("LEPTOS_SITE_ADDR", "0.0.0.0:80")]
            ),
            Ok(run_args("127.0.0.1:0", "/x"))
        );
    }

    #[test]
    fn bad_arguments_say_why() {
        assert_eq!(parse(&["--help"], &[]), Ok(Command::Help));
        assert!(parse(&["--listen"], &[])
            .unwrap_err()
            .contains("--listen needs"));
        assert!(parse(&["--port", "1"], &[])
            .unwrap_err()
            .contains("unknown argument"));
    }
}

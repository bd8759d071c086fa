//! `credits-server`: see `credits-server --help`.

use std::io::Write;
use std::process::ExitCode;

use credits_server::cli::{self, Command};
use credits_server::{logging, serve, shutdown_signal, AppState};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match cli::parse(std::env::args().skip(1)) {
        Ok(Command::Run(cli)) => cli,
        Ok(Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("credits-server: {why}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    logging::init();
    let state = match AppState::new(&cli.config) {
        Ok(state) => state,
        Err(why) => {
            eprintln!("credits-server: {why}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(&cli.listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("credits-server: cannot listen on {}: {e}", cli.listen);
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(e) => {
            eprintln!("credits-server: no local address: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The one line on stdout: other tools read the port from it.
    let mut stdout = std::io::stdout().lock();
    let announced = writeln!(stdout, "listening on http://{addr}").and_then(|()| stdout.flush());
    drop(stdout);
    if let Err(e) = announced {
        eprintln!("credits-server: cannot write to stdout: {e}");
    }
    if let Some(hooks) = state.hooks.clone() {
        match hooks.flaky.start(state.clone()).await {
            Ok(flaky) => {
                // Not println!: a reader that closed the pipe after the first line must not stop us.
                let mut stdout = std::io::stdout().lock();
                let _ = writeln!(stdout, "flaky listening on http://{flaky}")
                    .and_then(|()| stdout.flush());
            }
            Err(e) => {
                eprintln!("credits-server: cannot bind the flaky listener: {e}");
                return ExitCode::FAILURE;
            }
        }
        tracing::warn!("test hooks are on: /api/_test/* answers; never use this for a demo");
    }
    tracing::info!(
        %addr,
        demo = cli.config.seed_demo,
        price_book = %state.price_book.version,
        "serving the credits API under /api"
    );
    match serve(listener, state, shutdown_signal()).await {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("credits-server: {e}");
            ExitCode::FAILURE
        }
    }
}

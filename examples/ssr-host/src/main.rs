//! `ssr-host`: see `ssr-host --help` (built with `--features ssr`).

use std::process::ExitCode;

use ssr_host::server::{self, Command};

#[tokio::main]
async fn main() -> ExitCode {
    let args = match server::parse_args(std::env::args().skip(1), |name| std::env::var_os(name)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("{}", server::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("ssr-host: {why}\n\n{}", server::USAGE);
            return ExitCode::from(2);
        }
    };
    match server::run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("ssr-host: {why}");
            ExitCode::FAILURE
        }
    }
}

//! Where things are, and the environment every child process gets.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::Result;

pub struct Workspace {
    /// The repository root (the workspace's Cargo.toml); also the working
    /// directory of xtask and of every command it runs.
    pub root: PathBuf,
    /// Cargo's target directory (`CARGO_TARGET_DIR` or `<root>/target`).
    pub target_dir: PathBuf,
    /// `$CARGO_HOME/bin` (default `~/.cargo/bin`), where `cargo install` puts binaries.
    pub cargo_bin: PathBuf,
}

impl Workspace {
    pub fn locate() -> Result<Self> {
        // `cargo run` sets CARGO_MANIFEST_DIR at run time too; the compile-time
        // value is the fallback for running the binary directly.
        let manifest_dir = env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        let root = manifest_dir
            .parent()
            .ok_or_else(|| format!("{} has no parent directory", manifest_dir.display()))?
            .to_path_buf();
        if !root.join("Cargo.toml").is_file() {
            return Err(format!(
                "{} is not the workspace root (no Cargo.toml)",
                root.display()
            ));
        }
        env::set_current_dir(&root).map_err(|e| format!("cannot enter {}: {e}", root.display()))?;
        let target_dir = match env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => root.join(dir),
            None => root.join("target"),
        };
        let cargo_home = match env::var_os("CARGO_HOME") {
            Some(home) => PathBuf::from(home),
            None => home_dir()?.join(".cargo"),
        };
        Ok(Workspace {
            root,
            target_dir,
            cargo_bin: cargo_home.join("bin"),
        })
    }

    /// Directory for xtask's logs and scratch files (`target/xtask`).
    pub fn scratch_dir(&self) -> Result<PathBuf> {
        let dir = self.target_dir.join("xtask");
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(dir)
    }

    pub fn node_bin(&self) -> PathBuf {
        self.root.join("node_modules").join(".bin")
    }

    /// Every child inherits xtask's environment, so setting it here once
    /// covers all of them (and whatever they start, such as Trunk's calls to
    /// wasm-bindgen and wasm-opt, or cargo's test runner):
    /// `<root>/node_modules/.bin` and `$CARGO_HOME/bin` go first on PATH, and
    /// Trunk skips its update check (there is no network for it).
    pub fn prepare_child_environment(&self) {
        let old = env::var_os("PATH").unwrap_or_default();
        let path = prepend_path(&[self.node_bin(), self.cargo_bin.clone()], &old);
        // Single-threaded at this point: nothing else reads the environment.
        env::set_var("PATH", path);
        env::set_var("TRUNK_SKIP_VERSION_CHECK", "true");
    }
}

fn home_dir() -> Result<PathBuf> {
    env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| "neither CARGO_HOME nor HOME is set".to_string())
}

/// `first` in order, then the entries of `old` that are not among them.
fn prepend_path(first: &[PathBuf], old: &OsString) -> OsString {
    let rest = env::split_paths(old).filter(|p| !first.iter().any(|f| f == p));
    let all: Vec<PathBuf> = first.iter().cloned().chain(rest).collect();
    env::join_paths(all).unwrap_or_else(|_| old.clone())
}

/// A path relative to the workspace root when it is inside it, for messages.
pub fn show(ws: &Workspace, path: &Path) -> String {
    path.strip_prefix(&ws.root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepend_puts_ours_first_without_duplicates() {
        let old = OsString::from("/usr/bin:/repo/node_modules/.bin:/bin");
        let new = prepend_path(
            &[
                PathBuf::from("/repo/node_modules/.bin"),
                PathBuf::from("/home/u/.cargo/bin"),
            ],
            &old,
        );
        assert_eq!(
            new,
            OsString::from("/repo/node_modules/.bin:/home/u/.cargo/bin:/usr/bin:/bin")
        );
    }
}

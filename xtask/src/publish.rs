//! The publish dry run: the crates that go to crates.io must package, and
//! build from their packages alone.
//!
//! `cargo publish --dry-run` with both crates packages each one and builds the
//! unpacked package against registry dependencies, except that credits-core
//! comes from the package made in the same run, so leptos-credits is checked
//! against the credits-core that would be published with it. A source file
//! left out of `include`, an `include_str!` of a file outside the package or a
//! path dependency without a version fails here, not at release time. An
//! `include` pattern that matches nothing is no error to cargo, so the files a
//! host or crates.io needs are checked in the package lists first.
//!
//! `--allow-dirty`: the tree is checked as it is, committed or not. The build
//! uses the normal target directory, so later runs reuse it.

use std::process::Command;

use crate::process::{run, stdout_of};
use crate::workspace::Workspace;
use crate::Result;

/// Cargo unpacks the packages of a dry run into `$CARGO_HOME/registry/src/-<hash>/`
/// and, the version being the same, reuses that copy next time: a change to
/// credits-core since the last run would be checked against the old sources.
/// Those unpacked copies of this workspace's crates are removed first.
fn forget_unpacked_packages(ws: &Workspace) -> Result<()> {
    let Some(cargo_home) = ws.cargo_bin.parent() else {
        return Ok(());
    };
    let Ok(sources) = std::fs::read_dir(cargo_home.join("registry").join("src")) else {
        return Ok(());
    };
    for source in sources.flatten() {
        // Registries from the network are named `<host>-<hash>`; only the
        // overlay of local packages starts with `-`.
        if !source.file_name().to_string_lossy().starts_with('-') {
            continue;
        }
        let Ok(unpacked) = std::fs::read_dir(source.path()) else {
            continue;
        };
        for dir in unpacked.flatten() {
            let name = dir.file_name().to_string_lossy().into_owned();
            if CRATES
                .iter()
                .any(|(c, _)| name.starts_with(&format!("{c}-")))
            {
                std::fs::remove_dir_all(dir.path())
                    .map_err(|e| format!("cannot remove {}: {e}", dir.path().display()))?;
            }
        }
    }
    Ok(())
}

/// The published crates, with the files each package
/// must hold besides its sources and manifest.
pub const CRATES: &[(&str, &[&str])] = &[
    (
        "credits-core",
        &["README.md", "LICENSE-MIT", "LICENSE-APACHE"],
    ),
    (
        "leptos-credits",
        &[
            "README.md",
            "CHANGELOG.md",
            "LICENSE-MIT",
            "LICENSE-APACHE",
            "docs/api.md",
            "docs/openapi.yaml",
            "style/tokens.css",
        ],
    ),
];

pub fn dry_run(ws: &Workspace) -> Result<()> {
    forget_unpacked_packages(ws)?;
    for (name, required) in CRATES {
        let list = stdout_of(cargo(ws).args(["package", "--list", "--allow-dirty", "-p", name]))?;
        let lacking = missing(&list, required);
        if !lacking.is_empty() {
            return Err(format!(
                "the {name} package lacks {}; see `include` in its Cargo.toml",
                lacking.join(", ")
            ));
        }
    }
    let mut publish = cargo(ws);
    publish.args(["publish", "--dry-run", "--allow-dirty"]);
    for (name, _) in CRATES {
        publish.args(["-p", name]);
    }
    run(&mut publish)
}

fn cargo(ws: &Workspace) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&ws.root);
    cmd
}

/// The `required` paths that `cargo package --list` output does not name.
pub fn missing<'a>(list: &str, required: &[&'a str]) -> Vec<&'a str> {
    required
        .iter()
        .copied()
        .filter(|path| !list.lines().any(|line| line.trim() == *path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_the_list_lacks() {
        let list = "Cargo.toml\nREADME.md\nsrc/lib.rs\ndocs/api.md\n";
        assert!(missing(list, &["README.md", "docs/api.md"]).is_empty());
        assert_eq!(
            missing(list, &["LICENSE-MIT", "README.md", "docs"]),
            ["LICENSE-MIT", "docs"]
        );
    }
}

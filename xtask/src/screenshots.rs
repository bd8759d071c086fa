//! `cargo xtask screenshots`: the README's pictures of each surface, taken
//! from the release demo (built as the smoke step builds it, served by the
//! reference server on a free port) by `e2e/screenshots.mjs` in headless
//! Chromium, into `docs/images/`.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::process::secs;
use crate::smoke::{node_script_into, serve_dist};
use crate::tools;
use crate::workspace::{show, Workspace};
use crate::{demo, Result};

/// Where the images live, relative to the repository root.
pub const IMAGES: &str = "docs/images";
/// 4 variants of 10 surfaces took 39 s on the shared 2-core machine.
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(600);

pub fn run(ws: &Workspace) -> Result<()> {
    let begun = Instant::now();
    tools::ensure(ws, tools::ALL)?;
    demo::trunk_build(ws)?;
    let server = serve_dist(ws, "server-screenshots")?;
    // Taken into target/xtask/screenshots/, then moved over docs/images/'s
    // PNGs only when every one was taken: a failed run leaves the committed
    // pictures alone, and a surface the demo no longer opens leaves none behind.
    let fresh = ws.scratch_dir()?.join("screenshots");
    clear_pngs(&fresh)?;
    let start = Instant::now();
    let result = node_script_into(ws, "e2e/screenshots.mjs", &server, &fresh, SCRIPT_TIMEOUT);
    let note = server.log_note();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}"))?;
    println!("screenshots taken in {}", secs(start.elapsed()));
    let dir = ws.root.join(IMAGES);
    clear_pngs(&dir)?;
    for name in pngs(&fresh)? {
        let (from, to) = (fresh.join(&name), dir.join(&name));
        fs::rename(&from, &to)
            .or_else(|_| fs::copy(&from, &to).map(drop))
            .map_err(|e| format!("cannot move {} to {}: {e}", from.display(), to.display()))?;
    }
    report(ws, &dir)?;
    println!("cargo xtask screenshots: done in {}", secs(begun.elapsed()));
    Ok(())
}

/// Removes the PNGs directly in `dir`, creating `dir` if need be.
fn clear_pngs(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for name in pngs(dir)? {
        let path = dir.join(name);
        fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Prints each image with its size, and says which the README does not show
/// or shows but the demo no longer produced.
fn report(ws: &Workspace, dir: &Path) -> Result<()> {
    let names = pngs(dir)?;
    let mut total = 0;
    for name in &names {
        let bytes = fs::metadata(dir.join(name)).map_or(0, |m| m.len());
        total += bytes;
        println!("{:>9} B  {IMAGES}/{name}", bytes);
    }
    println!(
        "{} images, {total} bytes, in {}",
        names.len(),
        show(ws, dir)
    );
    let readme = fs::read_to_string(ws.root.join("README.md"))
        .map_err(|e| format!("cannot read README.md: {e}"))?;
    let (unshown, missing) = compare_with_readme(&readme, &names);
    for name in &unshown {
        println!("note: README.md does not show {IMAGES}/{name}");
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "README.md shows images the demo no longer produced: {}",
            missing.join(", ")
        ))
    }
}

/// The `.png` files directly in `dir`, sorted (none when it does not exist).
fn pngs(dir: &Path) -> Result<Vec<String>> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".png") {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// (images the README does not name, images the README names that are not
/// among `names`), by the `docs/images/NAME.png` paths in its text.
pub fn compare_with_readme(readme: &str, names: &[String]) -> (Vec<String>, Vec<String>) {
    let prefix = format!("{IMAGES}/");
    let mut shown: Vec<String> = readme
        .match_indices(&prefix)
        .filter_map(|(at, _)| {
            let rest = &readme[at + prefix.len()..];
            let end = rest.find(".png")?;
            let name = &rest[..end];
            name.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                .then(|| format!("{name}.png"))
        })
        .collect();
    shown.sort();
    shown.dedup();
    let unshown = names
        .iter()
        .filter(|n| !shown.contains(n))
        .cloned()
        .collect();
    let missing = shown.into_iter().filter(|n| !names.contains(n)).collect();
    (unshown, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_and_images_are_compared_by_path() {
        let readme = "| ![a](docs/images/a-desktop-light.png) | <img src=\"docs/images/b.png\" width=\"300\"> |\n\
                      docs/images/ alone, docs/images/not a name.png, docs/images/a-desktop-light.png again";
        let names = vec!["a-desktop-light.png".to_string(), "c.png".to_string()];
        let (unshown, missing) = compare_with_readme(readme, &names);
        assert_eq!(unshown, ["c.png"]);
        assert_eq!(missing, ["b.png"]);
    }

    /// Every image under docs/images/ is in the README, and every one the README shows is there.
    #[test]
    fn readme_shows_the_committed_images() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let readme = fs::read_to_string(root.join("README.md")).unwrap();
        let names = pngs(&root.join(IMAGES)).unwrap();
        let (unshown, missing) = compare_with_readme(&readme, &names);
        assert!(unshown.is_empty(), "README.md does not show {unshown:?}");
        assert!(
            missing.is_empty(),
            "README.md shows missing images {missing:?}"
        );
    }
}

//! Installing the pinned tools, each only when what is installed differs
//! from the pin, so a warm machine is ready in seconds.

use std::fs;
use std::process::Command;
use std::time::Instant;

use crate::process::{probe, run, secs, stdout_of};
use crate::workspace::Workspace;
use crate::Result;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const TRUNK_VERSION: &str = "0.21.14";
/// Binaryen's version: npm `binaryen` `132.0.0` in package.json, and
/// `wasm_opt = "version_132"` in Trunk.toml.
pub const WASM_OPT_VERSION: &str = "132";
/// npm `playwright-core`, pinned in package.json: drives Debian's Chromium
/// with real key presses for the demo's end-to-end check (it downloads no browser).
pub const PLAYWRIGHT_VERSION: &str = "1.65.1";
/// npm `axe-core`, pinned in package.json: the accessibility rules
/// `e2e/a11y.mjs` runs over every state of the demo.
pub const AXE_VERSION: &str = "4.14.1";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    WasmTarget,
    WasmBindgen,
    WasmOpt,
    Trunk,
    Chromium,
}

pub const ALL: &[Tool] = &[
    Tool::WasmTarget,
    Tool::WasmBindgen,
    Tool::WasmOpt,
    Tool::Trunk,
    Tool::Chromium,
];

/// What building the demo needs (everything but the browser).
pub const BUILD: &[Tool] = &[
    Tool::WasmTarget,
    Tool::WasmBindgen,
    Tool::WasmOpt,
    Tool::Trunk,
];

pub fn ensure(ws: &Workspace, tools: &[Tool]) -> Result<()> {
    let start = Instant::now();
    println!("==> tools");
    for tool in tools {
        match tool {
            Tool::WasmTarget => wasm_target()?,
            Tool::WasmBindgen => wasm_bindgen(ws)?,
            Tool::WasmOpt => wasm_opt(ws)?,
            Tool::Trunk => trunk(ws)?,
            Tool::Chromium => chromium()?,
        }
    }
    println!("tools ready in {}", secs(start.elapsed()));
    Ok(())
}

fn wasm_target() -> Result<()> {
    let installed = stdout_of(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("ok {WASM_TARGET} target");
        return Ok(());
    }
    println!("installing {WASM_TARGET} target");
    let start = Instant::now();
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    println!(
        "installed {WASM_TARGET} target in {}",
        secs(start.elapsed())
    );
    Ok(())
}

fn wasm_bindgen(ws: &Workspace) -> Result<()> {
    let lock = read(ws, "Cargo.lock")?;
    let pin = lock_version(&lock, "wasm-bindgen")?;
    let trunk_toml = read(ws, "Trunk.toml")?;
    match toml_string(&trunk_toml, "tools", "wasm_bindgen") {
        Some(v) if v == pin => {}
        Some(v) => {
            return Err(format!(
                "Trunk.toml has [tools] wasm_bindgen = \"{v}\" but Cargo.lock has wasm-bindgen {pin}; \
                 set wasm_bindgen = \"{pin}\" in Trunk.toml (on a mismatch Trunk tries to download \
                 wasm-bindgen and fails)"
            ))
        }
        None => {
            return Err(format!(
                "Trunk.toml has no [tools] wasm_bindgen; add wasm_bindgen = \"{pin}\" (the version in Cargo.lock)"
            ))
        }
    }
    let found = || {
        [
            ("wasm-bindgen", probe("wasm-bindgen", &["--version"])),
            (
                "wasm-bindgen-test-runner",
                probe("wasm-bindgen-test-runner", &["--version"]),
            ),
        ]
    };
    let mismatch = |found: &[(&str, Option<String>)]| -> Option<String> {
        found.iter().find_map(|(name, out)| match out {
            Some(out) if version_token(out) == Some(pin.as_str()) => None,
            Some(out) => Some(format!("{name} reports `{out}`")),
            None => Some(format!("{name} not found")),
        })
    };
    let Some(why) = mismatch(&found()) else {
        println!("ok wasm-bindgen-cli {pin}");
        return Ok(());
    };
    println!("installing wasm-bindgen-cli {pin} ({why})");
    let start = Instant::now();
    // Not --locked: the crate's own lock names a crate version the registry lacks.
    run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={pin}"),
    ]))?;
    if let Some(why) = mismatch(&found()) {
        return Err(format!(
            "installed wasm-bindgen-cli {pin} into {} but {why}; is another one earlier on PATH?",
            ws.cargo_bin.display()
        ));
    }
    println!(
        "installed wasm-bindgen-cli {pin} in {}",
        secs(start.elapsed())
    );
    Ok(())
}

fn wasm_opt(ws: &Workspace) -> Result<()> {
    let trunk_toml = read(ws, "Trunk.toml")?;
    let want = format!("version_{WASM_OPT_VERSION}");
    if toml_string(&trunk_toml, "tools", "wasm_opt").as_deref() != Some(want.as_str()) {
        return Err(format!(
            "Trunk.toml must have [tools] wasm_opt = \"{want}\" (binaryen {WASM_OPT_VERSION}, pinned in package.json)"
        ));
    }
    let package_json = read(ws, "package.json")?;
    let npm_pin = format!("\"binaryen\": \"{WASM_OPT_VERSION}.0.0\"");
    if !package_json.contains(&npm_pin) {
        return Err(format!(
            "package.json must pin {npm_pin} in devDependencies (it is what Trunk.toml's wasm_opt names)"
        ));
    }
    // Ask the project's own copy, not whatever `wasm-opt` is on PATH
    // (Debian's binaryen 108 breaks Leptos pages silently).
    let local = ws.node_bin().join("wasm-opt");
    let check = || probe(&local.to_string_lossy(), &["--version"]);
    let is_pinned = |out: &Option<String>| {
        out.as_deref()
            .is_some_and(|o| wasm_opt_version(o) == Some(WASM_OPT_VERSION))
    };
    let before = check();
    let playwright = npm_version(ws, "playwright-core");
    let axe = npm_version(ws, "axe-core");
    if is_pinned(&before)
        && playwright.as_deref() == Some(PLAYWRIGHT_VERSION)
        && axe.as_deref() == Some(AXE_VERSION)
    {
        println!("ok wasm-opt {WASM_OPT_VERSION}, playwright-core {PLAYWRIGHT_VERSION}, axe-core {AXE_VERSION}");
        return Ok(());
    }
    let why = match (&before, &playwright, &axe) {
        (None, _, _) => "wasm-opt not installed".to_string(),
        (Some(o), _, _) if !is_pinned(&before) => format!("found `{o}`"),
        (_, Some(v), _) if v != PLAYWRIGHT_VERSION => format!("found playwright-core {v}"),
        (_, None, _) => "playwright-core not installed".to_string(),
        (_, _, Some(v)) => format!("found axe-core {v}"),
        (_, _, None) => "axe-core not installed".to_string(),
    };
    println!(
        "installing wasm-opt {WASM_OPT_VERSION} (npm binaryen), playwright-core {PLAYWRIGHT_VERSION} and axe-core {AXE_VERSION} ({why})"
    );
    let start = Instant::now();
    let mut npm = Command::new("npm");
    if ws.root.join("package-lock.json").is_file() {
        npm.arg("ci");
    } else {
        npm.arg("install");
    }
    run(npm.args(["--no-audit", "--no-fund"]))?;
    let after = check();
    if !is_pinned(&after) {
        return Err(format!(
            "after npm, {} reports {:?}; expected version {WASM_OPT_VERSION}",
            local.display(),
            after
        ));
    }
    for (package, pin) in [
        ("playwright-core", PLAYWRIGHT_VERSION),
        ("axe-core", AXE_VERSION),
    ] {
        if npm_version(ws, package).as_deref() != Some(pin) {
            return Err(format!(
                "after npm, node_modules/{package} is not {pin}: pin it in package.json"
            ));
        }
    }
    println!(
        "installed wasm-opt {WASM_OPT_VERSION} in {}",
        secs(start.elapsed())
    );
    Ok(())
}

/// The version of the project's own `node_modules/PACKAGE`, if installed.
fn npm_version(ws: &Workspace, package: &str) -> Option<String> {
    let manifest = ws
        .root
        .join("node_modules")
        .join(package)
        .join("package.json");
    let text = fs::read_to_string(manifest).ok()?;
    let after = text.split("\"version\"").nth(1)?;
    let value = after.split('"').nth(1)?;
    Some(value.to_owned())
}

fn trunk(ws: &Workspace) -> Result<()> {
    let before = probe("trunk", &["--version"]);
    if before.as_deref().and_then(version_token) == Some(TRUNK_VERSION) {
        println!("ok trunk {TRUNK_VERSION}");
        return Ok(());
    }
    let why = before.map_or_else(|| "not found".to_string(), |o| format!("found `{o}`"));
    println!("installing trunk {TRUNK_VERSION} ({why}; takes minutes)");
    let start = Instant::now();
    // --locked: with fresh resolution, trunk 0.21.14 picks parcel_selectors
    // 0.28.3, which needs a newer cssparser than its lightningcss and fails
    // to compile. The fast-profile variables cut the build by about 40%.
    run(Command::new("cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1"))?;
    let after = probe("trunk", &["--version"]);
    if after.as_deref().and_then(version_token) != Some(TRUNK_VERSION) {
        return Err(format!(
            "installed trunk {TRUNK_VERSION} into {} but `trunk --version` says {:?}; is another one earlier on PATH?",
            ws.cargo_bin.display(),
            after
        ));
    }
    println!(
        "installed trunk {TRUNK_VERSION} in {}",
        secs(start.elapsed())
    );
    Ok(())
}

const APT_INSTALL: &str =
    "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver";

fn chromium() -> Result<()> {
    let versions = || {
        (
            probe("chromium", &["--version"]),
            probe("chromedriver", &["--version"]),
        )
    };
    if let (Some(browser), Some(driver)) = versions() {
        println!(
            "ok chromium {} / chromedriver {}",
            version_token(&browser).unwrap_or(&browser),
            version_token(&driver).unwrap_or(&driver)
        );
        return Ok(());
    }
    let uid = stdout_of(Command::new("id").arg("-u")).unwrap_or_default();
    if uid.trim() != "0" {
        return Err(format!(
            "chromium and chromedriver are needed for the browser tests; as root, run: {APT_INSTALL}"
        ));
    }
    println!("installing chromium and chromium-driver (Debian packages)");
    let start = Instant::now();
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    match versions() {
        (Some(browser), Some(driver)) => {
            println!(
                "installed chromium {} / chromedriver {} in {}",
                version_token(&browser).unwrap_or(&browser),
                version_token(&driver).unwrap_or(&driver),
                secs(start.elapsed())
            );
            Ok(())
        }
        _ => Err("apt-get installed chromium and chromium-driver, but `chromium --version` or `chromedriver --version` still fails".into()),
    }
}

fn read(ws: &Workspace, name: &str) -> Result<String> {
    let path = ws.root.join(name);
    fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The one version of package `name` in a Cargo.lock.
pub fn lock_version(lock: &str, name: &str) -> Result<String> {
    let mut versions: Vec<String> = Vec::new();
    for block in lock.split("[[package]]").skip(1) {
        let field = |key: &str| {
            block.lines().find_map(|line| {
                let (k, v) = line.split_once('=')?;
                (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
            })
        };
        if field("name").as_deref() == Some(name) {
            if let Some(v) = field("version") {
                if !versions.contains(&v) {
                    versions.push(v);
                }
            }
        }
    }
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!("Cargo.lock has no package `{name}`")),
        many => Err(format!(
            "Cargo.lock has several versions of `{name}` ({}); the wasm-bindgen CLI must match exactly one",
            many.join(", ")
        )),
    }
}

/// A string value `key = "..."` in `[section]` of a simple TOML file.
pub fn toml_string(text: &str, section: &str, key: &str) -> Option<String> {
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.trim().to_string();
            continue;
        }
        if current != section {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if k.trim().trim_matches('"') == key {
            let v = v.trim().strip_prefix('"')?;
            return Some(v[..v.find('"')?].to_string());
        }
    }
    None
}

/// The first word of `--version` output that looks like a version
/// ("trunk 0.21.14" -> "0.21.14", "Chromium 156.0.1 built on" -> "156.0.1").
pub fn version_token(output: &str) -> Option<&str> {
    output
        .split_whitespace()
        .map(|w| w.trim_start_matches('v').trim_end_matches([',', ';']))
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Binaryen's major version from `wasm-opt --version`
/// ("wasm-opt version 132 (version_132)" -> "132").
pub fn wasm_opt_version(output: &str) -> Option<&str> {
    let mut words = output.split_whitespace();
    words.find(|w| *w == "version")?;
    words.next()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"

[[package]]
name = "xtask"
version = "0.1.0"
"#;

    #[test]
    fn lock_version_finds_exact_package() {
        assert_eq!(lock_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert_eq!(lock_version(LOCK, "xtask").unwrap(), "0.1.0");
        assert!(lock_version(LOCK, "trunk").is_err());
        let two = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\n");
        assert!(lock_version(&two, "wasm-bindgen")
            .unwrap_err()
            .contains("0.2.130, 0.2.100"));
    }

    #[test]
    fn toml_string_reads_section_keys() {
        let text = "[build]\ntarget = \"index.html\"\n# c\n[tools]\nwasm_bindgen = \"0.2.130\" # pin\nwasm_opt = \"version_132\"\n";
        assert_eq!(
            toml_string(text, "tools", "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            toml_string(text, "tools", "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(
            toml_string(text, "build", "target").as_deref(),
            Some("index.html")
        );
        assert_eq!(toml_string(text, "build", "wasm_opt"), None);
    }

    #[test]
    fn version_words() {
        assert_eq!(version_token("trunk 0.21.14"), Some("0.21.14"));
        assert_eq!(
            version_token("wasm-bindgen-test-runner 0.2.130"),
            Some("0.2.130")
        );
        assert_eq!(
            version_token("Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)"),
            Some("156.0.8078.79")
        );
        assert_eq!(version_token("no version here"), None);
        assert_eq!(
            wasm_opt_version("wasm-opt version 132 (version_132)"),
            Some("132")
        );
        assert_eq!(wasm_opt_version("wasm-opt version 108"), Some("108"));
    }

    /// The files the tools read agree with the pins in this module and with
    /// Cargo.lock.
    #[test]
    fn repository_pins_agree() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let read = |name: &str| std::fs::read_to_string(root.join(name)).unwrap();
        let trunk = read("Trunk.toml");
        assert_eq!(
            toml_string(&trunk, "tools", "wasm_bindgen"),
            Some(lock_version(&read("Cargo.lock"), "wasm-bindgen").unwrap())
        );
        assert_eq!(
            toml_string(&trunk, "tools", "wasm_opt"),
            Some(format!("version_{WASM_OPT_VERSION}"))
        );
        assert!(read("package.json").contains(&format!("\"binaryen\": \"{WASM_OPT_VERSION}.0.0\"")));
    }
}

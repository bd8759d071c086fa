//! Installing the pinned tools, each only when what is installed differs
//! from the pin, so a warm machine is ready in seconds.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use serde::Deserialize;

use crate::process::{probe, run, secs, stdout_of};
use crate::workspace::{show, Workspace};
use crate::Result;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const TRUNK_VERSION: &str = "0.21.14";
/// The npm packages the tools need, each pinned to an exact version in
/// package.json's devDependencies: `binaryen` (wasm-opt; Trunk.toml's
/// `wasm_opt` names its major version), `playwright-core` (drives Debian's
/// Chromium with real key presses for the e2e checks; it downloads no browser),
/// `axe-core` (the accessibility rules `e2e/a11y.mjs` runs), and for the
/// `openapi` step `@redocly/cli` (the linter), `openapi-typescript` (the
/// generated client) and `typescript` (its `tsc`; 5.x, openapi-typescript's
/// peer), and for the React example host (`examples/js-react`) `react`,
/// `react-dom` and `esbuild` (its bundler; the binary comes in an npm package).
pub const NPM_PACKAGES: &[&str] = &[
    "binaryen",
    "playwright-core",
    "axe-core",
    "@redocly/cli",
    "openapi-typescript",
    "typescript",
    "react",
    "react-dom",
    "esbuild",
];

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
    let pin = locked_version(&cargo_metadata(&ws.root)?, "wasm-bindgen")?;
    match trunk_tools(ws)?.wasm_bindgen {
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

/// wasm-opt (npm binaryen) and the e2e scripts' npm packages: one `npm ci`
/// when any of them differs from package.json's pins.
fn wasm_opt(ws: &Workspace) -> Result<()> {
    let manifest = PackageJson::parse(&read(ws, "package.json")?, "package.json")?;
    let pins = NPM_PACKAGES
        .iter()
        .map(|&name| Ok((name, manifest.pin(name)?)))
        .collect::<Result<Vec<_>>>()?;
    let binaryen = manifest.binaryen_major()?;
    let want = format!("version_{binaryen}");
    if trunk_tools(ws)?.wasm_opt.as_deref() != Some(want.as_str()) {
        return Err(format!(
            "Trunk.toml must have [tools] wasm_opt = \"{want}\" (binaryen {binaryen}, pinned in package.json)"
        ));
    }
    // Ask the project's own copy, not whatever `wasm-opt` is on PATH
    // (Debian's binaryen 108 breaks Leptos pages silently).
    let local = ws.node_bin().join("wasm-opt");
    let mismatch = || -> Option<String> {
        match probe(&local.to_string_lossy(), &["--version"]) {
            None => return Some(format!("{} not found", show(ws, &local))),
            Some(o) if wasm_opt_version(&o) != Some(binaryen) => {
                return Some(format!("{} reports `{o}`", show(ws, &local)))
            }
            Some(_) => {}
        }
        pins.iter()
            .find_map(|(name, pin)| match npm_version(ws, name) {
                Some(v) if v == **pin => None,
                Some(v) => Some(format!("found {name} {v}")),
                None => Some(format!("{name} not installed")),
            })
    };
    let versions = pins
        .iter()
        .map(|(name, pin)| format!("{name} {pin}"))
        .collect::<Vec<_>>()
        .join(", ");
    let Some(why) = mismatch() else {
        println!("ok wasm-opt {binaryen} ({versions})");
        return Ok(());
    };
    println!("installing {versions} from npm ({why})");
    let start = Instant::now();
    let mut npm = Command::new("npm");
    if ws.root.join("package-lock.json").is_file() {
        npm.arg("ci");
    } else {
        npm.arg("install");
    }
    run(npm.args(["--no-audit", "--no-fund"]))?;
    if let Some(why) = mismatch() {
        return Err(format!(
            "after npm, {why}; package-lock.json must install what package.json pins"
        ));
    }
    println!("installed {versions} in {}", secs(start.elapsed()));
    Ok(())
}

/// The version of the project's own `node_modules/PACKAGE`, if installed.
fn npm_version(ws: &Workspace, package: &str) -> Option<String> {
    let path = format!("node_modules/{package}/package.json");
    let text = fs::read_to_string(ws.root.join(&path)).ok()?;
    PackageJson::parse(&text, &path).ok()?.version
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

/// Trunk.toml's `[tools]`: the versions of the binaries Trunk accepts on PATH.
#[derive(Debug, Default, Deserialize)]
pub struct TrunkTools {
    pub wasm_bindgen: Option<String>,
    pub wasm_opt: Option<String>,
}

impl TrunkTools {
    /// `[tools]` of a Trunk.toml (empty when it has none).
    pub fn parse(text: &str) -> Result<Self> {
        #[derive(Deserialize)]
        struct TrunkToml {
            #[serde(default)]
            tools: TrunkTools,
        }
        toml::from_str::<TrunkToml>(text)
            .map(|t| t.tools)
            .map_err(|e| format!("cannot parse Trunk.toml: {e}"))
    }
}

fn trunk_tools(ws: &Workspace) -> Result<TrunkTools> {
    TrunkTools::parse(&read(ws, "Trunk.toml")?)
}

/// What xtask reads of a package.json: the project's npm pins, or an
/// installed package's version.
#[derive(Debug, Deserialize)]
pub struct PackageJson {
    #[serde(default, rename = "devDependencies")]
    pub dev_dependencies: BTreeMap<String, String>,
    pub version: Option<String>,
}

impl PackageJson {
    /// `path` names the file in errors.
    pub fn parse(text: &str, path: &str) -> Result<Self> {
        serde_json::from_str(text).map_err(|e| format!("cannot parse {path}: {e}"))
    }

    /// The exact version devDependencies pins `name` to.
    pub fn pin(&self, name: &str) -> Result<&str> {
        match self.dev_dependencies.get(name) {
            Some(v) if is_exact_version(v) => Ok(v),
            Some(v) => Err(format!(
                "package.json pins {name} to \"{v}\"; pin an exact version (such as \"1.2.3\"), \
                 which setup compares node_modules/{name} with"
            )),
            None => Err(format!(
                "package.json has no devDependencies entry for {name}; add one with an exact version"
            )),
        }
    }

    /// Binaryen's major version, the one wasm-opt reports and Trunk.toml names
    /// ("132.0.0" -> "132").
    pub fn binaryen_major(&self) -> Result<&str> {
        let pin = self.pin("binaryen")?;
        Ok(pin.split_once('.').map_or(pin, |(major, _)| major))
    }
}

/// "1.65.1": dot-separated numbers, what `npm ci` installs exactly.
fn is_exact_version(v: &str) -> bool {
    v.split('.')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The part of `cargo metadata` xtask reads: the packages of the resolved graph.
#[derive(Debug, Deserialize)]
pub struct Metadata {
    pub packages: Vec<MetadataPackage>,
}

#[derive(Debug, Deserialize)]
pub struct MetadataPackage {
    pub name: String,
    pub version: String,
}

/// `cargo metadata` of the workspace at `root`, resolved as Cargo.lock has it
/// (`--locked`: a lock that needs updating is an error, not an update). It
/// needs the network only for crates not yet downloaded.
pub fn cargo_metadata(root: &Path) -> Result<Metadata> {
    let json = stdout_of(Command::new("cargo").current_dir(root).args([
        "metadata",
        "--format-version",
        "1",
        "--locked",
    ]))?;
    serde_json::from_str(&json).map_err(|e| format!("cannot read `cargo metadata`'s output: {e}"))
}

/// The one version of package `name` in the resolved graph (Cargo.lock).
pub fn locked_version(metadata: &Metadata, name: &str) -> Result<String> {
    let mut versions: Vec<&str> = Vec::new();
    for package in metadata.packages.iter().filter(|p| p.name == name) {
        if !versions.contains(&package.version.as_str()) {
            versions.push(&package.version);
        }
    }
    match versions.as_slice() {
        [one] => Ok((*one).to_string()),
        [] => Err(format!("Cargo.lock has no package `{name}`")),
        many => Err(format!(
            "Cargo.lock has several versions of `{name}` ({}); the wasm-bindgen CLI must match exactly one",
            many.join(", ")
        )),
    }
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

    fn root() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
    }

    fn read_repo(name: &str) -> String {
        let path = root().join(name);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn trunk_tools_reads_the_tools_table() {
        let text = "[build]\ntarget = \"index.html\"\n# c\n[tools]\nwasm_bindgen = \"0.2.130\" # pin\nwasm_opt = \"version_132\"\n";
        let tools = TrunkTools::parse(text).unwrap();
        assert_eq!(tools.wasm_bindgen.as_deref(), Some("0.2.130"));
        assert_eq!(tools.wasm_opt.as_deref(), Some("version_132"));
        let none = TrunkTools::parse("[build]\nwasm_opt = \"version_132\"\n").unwrap();
        assert_eq!(none.wasm_bindgen, None);
        assert_eq!(none.wasm_opt, None);
        let err = TrunkTools::parse("[tools]\nwasm_bindgen = 130\n").unwrap_err();
        assert!(err.starts_with("cannot parse Trunk.toml"), "{err}");
        assert!(TrunkTools::parse("[tools\n").is_err());
    }

    fn metadata(packages: &[(&str, &str)]) -> Metadata {
        let packages: Vec<String> = packages
            .iter()
            .map(|(name, version)| {
                format!(r#"{{"name": "{name}", "version": "{version}", "id": "x"}}"#)
            })
            .collect();
        let json = format!(r#"{{"packages": [{}], "version": 1}}"#, packages.join(", "));
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn locked_version_wants_exactly_one() {
        let one = metadata(&[
            ("wasm-bindgen", "0.2.130"),
            ("wasm-bindgen-macro", "0.2.130"),
            ("xtask", "0.1.0"),
        ]);
        assert_eq!(locked_version(&one, "wasm-bindgen").unwrap(), "0.2.130");
        assert_eq!(locked_version(&one, "xtask").unwrap(), "0.1.0");
        assert!(locked_version(&one, "trunk")
            .unwrap_err()
            .contains("no package `trunk`"));
        let two = metadata(&[("wasm-bindgen", "0.2.130"), ("wasm-bindgen", "0.2.100")]);
        assert!(locked_version(&two, "wasm-bindgen")
            .unwrap_err()
            .contains("0.2.130, 0.2.100"));
    }

    #[test]
    fn npm_pins_must_be_exact() {
        let manifest = PackageJson::parse(
            r#"{"devDependencies": {"binaryen": "132.0.0", "axe-core": "^4.14.1"}}"#,
            "package.json",
        )
        .unwrap();
        assert_eq!(manifest.pin("binaryen").unwrap(), "132.0.0");
        assert_eq!(manifest.binaryen_major().unwrap(), "132");
        assert!(manifest
            .pin("axe-core")
            .unwrap_err()
            .contains("exact version"));
        assert!(manifest
            .pin("playwright-core")
            .unwrap_err()
            .contains("no devDependencies entry for playwright-core"));
        let installed =
            PackageJson::parse(r#"{"name": "axe-core", "version": "4.14.1"}"#, "x").unwrap();
        assert_eq!(installed.version.as_deref(), Some("4.14.1"));
        assert!(PackageJson::parse("{", "package.json")
            .unwrap_err()
            .starts_with("cannot parse package.json"));
        assert!(is_exact_version("1.65.1"));
        assert!(!is_exact_version("1.65.x") && !is_exact_version("") && !is_exact_version("1..2"));
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

    /// The repository's own files, read as `cargo xtask setup` reads them:
    /// Trunk.toml's pins agree with Cargo.lock (through `cargo metadata`)
    /// and with package.json, which pins every npm package exactly.
    #[test]
    fn repository_pins_agree() {
        let trunk = TrunkTools::parse(&read_repo("Trunk.toml")).unwrap();
        let locked = locked_version(&cargo_metadata(root()).unwrap(), "wasm-bindgen").unwrap();
        assert!(read_repo("Cargo.lock").contains(&format!(
            "name = \"wasm-bindgen\"\nversion = \"{locked}\"\n"
        )));
        assert_eq!(trunk.wasm_bindgen, Some(locked));
        let npm = PackageJson::parse(&read_repo("package.json"), "package.json").unwrap();
        for name in NPM_PACKAGES {
            npm.pin(name).unwrap();
        }
        assert_eq!(
            trunk.wasm_opt,
            Some(format!("version_{}", npm.binaryen_major().unwrap()))
        );
    }
}

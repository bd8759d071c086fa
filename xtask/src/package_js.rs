//! `cargo xtask package-js`: the npm package for hosts that don't write Rust
//! (`pkg/`): the custom elements' wasm (wasm-bindgen `--target web`, then
//! wasm-opt with the demo's passes), the shim that defines them (both JS
//! files minified by esbuild), `index.d.ts`
//! written from the element table, `package.json` and a README.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::run;
use crate::size::{brotli_len, thousands};
use crate::workspace::Workspace;
use crate::{demo, probes, tools, Result};

// Only the table and its TypeScript are used here; the rest is the shim's.
#[allow(dead_code)]
#[path = "../../crates/credits-elements/src/spec.rs"]
pub mod spec;

pub const PACKAGE: &str = "leptos-credits-elements";
const STEM: &str = "leptos_credits_elements";
const SOURCE: &str = "crates/credits-elements";

pub fn run_command(ws: &Workspace) -> Result<()> {
    let pkg = build(ws)?;
    type_check(ws, &pkg)?;
    println!("\n{}", report(&pkg)?);
    Ok(())
}

/// Builds `pkg/` and returns its path.
pub fn build(ws: &Workspace) -> Result<PathBuf> {
    tools::ensure(ws, tools::BUILD)?;
    run(Command::new("cargo")
        .args([
            "build",
            "--release",
            "--lib",
            "--target",
            tools::WASM_TARGET,
            "-p",
            PACKAGE,
        ])
        .env("RUSTFLAGS", demo::shipped_rustflags()))?;
    let built = ws
        .target_dir
        .join(tools::WASM_TARGET)
        .join("release")
        .join(format!("{STEM}.wasm"));
    let pkg = ws.root.join("pkg");
    let _ = fs::remove_dir_all(&pkg);
    run(Command::new("wasm-bindgen")
        .arg(&built)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg))?;
    let bound = pkg.join(format!("{STEM}_bg.wasm"));
    run(Command::new("wasm-opt")
        .args(probes::WASM_OPT)
        .arg(&bound)
        .arg("-o")
        .arg(&bound))?;
    let source = ws.root.join(SOURCE).join("js");
    minify(ws, &source.join("index.js"), &pkg.join("index.js"))?;
    let glue = pkg.join(format!("{STEM}.js"));
    minify(ws, &glue, &glue)?;
    copy(&source.join("README.md"), &pkg.join("README.md"))?;
    let english = read(&ws.root.join("locales/en.json"))?;
    write(
        &pkg.join("index.d.ts"),
        &spec::typescript(&catalogue_type(&english)?),
    )?;
    write(
        &pkg.join("package.json"),
        &package_json(&crate_version(ws)?),
    )?;
    Ok(pkg)
}

/// What a host's page downloads: brotli bytes of the wasm and the two JS files.
pub fn transfer_size(pkg: &Path) -> Result<(usize, usize)> {
    let wasm =
        brotli_len(&fs::read(pkg.join(format!("{STEM}_bg.wasm"))).map_err(|e| e.to_string())?)?;
    let mut js = 0;
    for name in ["index.js", &format!("{STEM}.js")] {
        js += brotli_len(read(&pkg.join(name))?.as_bytes())?;
    }
    Ok((wasm, js))
}

fn report(pkg: &Path) -> Result<String> {
    let (wasm, js) = transfer_size(pkg)?;
    Ok(format!(
        "pkg/ written. Transfer size (brotli -q 11): wasm {}, JS {}, total {} bytes.",
        thousands(wasm),
        thousands(js),
        thousands(wasm + js)
    ))
}

fn crate_version(ws: &Workspace) -> Result<String> {
    let manifest = read(&ws.root.join(SOURCE).join("Cargo.toml"))?;
    let value: toml::Value = toml::from_str(&manifest).map_err(|e| e.to_string())?;
    value
        .get("package")
        .and_then(|p| p.get("version"))
        .and_then(toml::Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("{SOURCE}/Cargo.toml has no package.version"))
}

/// esbuild's minifier (as Trunk minifies the demo's glue); ES module in and out.
fn minify(ws: &Workspace, from: &Path, to: &Path) -> Result<()> {
    run(Command::new(ws.node_bin().join("esbuild"))
        .arg(from)
        .args([
            "--minify",
            "--format=esm",
            "--log-level=warning",
            "--allow-overwrite",
        ])
        .arg(format!("--outfile={}", to.display())))
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {}: {e}", from.display()))
}

/// TypeScript's verdict on `index.d.ts` and on `js/usage.ts`, a host's
/// typed use of it (whose marked mistakes must fail to compile).
pub fn type_check(ws: &Workspace, pkg: &Path) -> Result<()> {
    run(Command::new(ws.node_bin().join("tsc"))
        .args([
            "--noEmit", "--strict", "--target", "es2022", "--module", "es2022",
        ])
        .args([
            "--moduleResolution",
            "bundler",
            "--lib",
            "es2022,dom",
            "--skipLibCheck",
            "false",
        ])
        .arg(pkg.join("index.d.ts"))
        .arg(ws.root.join(SOURCE).join("js").join("usage.ts")))
}

#[path = "package_js_files.rs"]
mod files;
use files::{catalogue_type, package_json};

#[cfg(test)]
#[path = "package_js_tests.rs"]
mod tests;

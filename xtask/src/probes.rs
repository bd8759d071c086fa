//! The surface probes of `cargo xtask size` (`examples/size-probes`): one
//! page per surface on top of the same Leptos, client and provider, built as
//! the demo ships (release, wasm-bindgen, `wasm-opt -Oz`), so that a probe's
//! bytes minus `base`'s are what a host pays for that surface.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::demo;
use crate::process::run;
use crate::size::{brotli_len, thousands};
use crate::tools;
use crate::workspace::Workspace;
use crate::Result;

pub const PACKAGE: &str = "size-probes";

/// The demo's wasm-opt passes (index.html's `data-wasm-opt` and
/// `data-wasm-opt-params`): flattening and re-looping before a second `-Oz`
/// saves 2.2 KB brotli over `-Oz` alone (README, "Size").
pub const WASM_OPT: &[&str] = &["-Oz", "--flatten", "--rereloop", "-Oz", "-Oz"];

/// (bin, what it holds), `base` first: the others are measured against it.
pub const PROBES: &[(&str, &str)] = &[
    ("base", "Leptos, the client, provider and styles"),
    ("badge", "the cost badge"),
    ("bar", "generation bar: badge, estimator, Generate, banner"),
    ("subscription", "Subscription view: balance, plans, history"),
    ("prompt", "the out-of-credits prompt"),
];

pub struct Probe {
    pub name: &'static str,
    pub what: &'static str,
    /// brotli bytes of the optimised wasm and of wasm-bindgen's JS.
    pub wasm: usize,
    pub js: usize,
}

impl Probe {
    pub fn total(&self) -> usize {
        self.wasm + self.js
    }
}

pub fn measure(ws: &Workspace) -> Result<Vec<Probe>> {
    run(Command::new("cargo")
        .args([
            "build",
            "--release",
            "--target",
            tools::WASM_TARGET,
            "-p",
            PACKAGE,
            "--bins",
        ])
        .env("RUSTFLAGS", demo::shipped_rustflags()))?;
    let built = ws.target_dir.join(tools::WASM_TARGET).join("release");
    let out = ws.scratch_dir()?.join("probes");
    let mut probes = Vec::new();
    for (name, what) in PROBES {
        let dir = out.join(name);
        let (wasm, js) = bind_and_optimise(&built.join(format!("{name}.wasm")), &dir, name)?;
        probes.push(Probe {
            name,
            what,
            wasm: brotli_len(&read(&wasm)?)?,
            js: brotli_len(&read(&js)?)?,
        });
    }
    Ok(probes)
}

/// What Trunk does to the demo (index.html): `wasm-bindgen --target web`,
/// then wasm-opt with the same passes.
fn bind_and_optimise(
    wasm: &Path,
    dir: &Path,
    name: &str,
) -> Result<(std::path::PathBuf, std::path::PathBuf)> {
    let _ = fs::remove_dir_all(dir);
    run(Command::new("wasm-bindgen")
        .arg(wasm)
        .args(["--target", "web", "--out-dir"])
        .arg(dir))?;
    let bound = dir.join(format!("{name}_bg.wasm"));
    let optimised = dir.join(format!("{name}.opt.wasm"));
    run(Command::new("wasm-opt")
        .args(WASM_OPT)
        .arg(&bound)
        .arg("-o")
        .arg(&optimised))?;
    Ok((optimised, dir.join(format!("{name}.js"))))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The probes' table: brotli bytes, and each surface's bytes over `base`.
pub fn table(probes: &[Probe]) -> String {
    let base = probes.first().map_or(0, Probe::total);
    let mut lines = vec![format!(
        "{:<13} {:>9} {:>7} {:>9} {:>9}  {}",
        "probe", "wasm", "js", "total", "over base", "holds"
    )];
    for p in probes {
        let over = if p.name == "base" {
            "-".to_string()
        } else {
            thousands(p.total().saturating_sub(base))
        };
        lines.push(format!(
            "{:<13} {:>9} {:>7} {:>9} {:>9}  {}",
            p.name,
            thousands(p.wasm),
            thousands(p.js),
            thousands(p.total()),
            over,
            p.what
        ));
    }
    lines.join("\n")
}

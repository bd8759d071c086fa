//! Brotli and gzip copies of dist/'s text files, written beside them at build time
//! (`NAME.br`, `NAME.gz`), which the reference server sends as they are to clients that
//! accept them (`--static`, see `server/src/http/static_files.rs`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::process::secs;
use crate::Result;

/// The files worth compressing; images, fonts and the copies themselves are left alone.
const EXTENSIONS: &[&str] = &["wasm", "js", "css", "html", "svg", "json"];

type Encoder = fn(&[u8]) -> Result<Vec<u8>>;

/// The copies' extensions, each with its encoder.
const ENCODINGS: &[(&str, Encoder)] = &[("br", brotli), ("gz", gzip)];

/// What one run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Copies written.
    pub written: usize,
    /// Copies that were already newer than their file.
    pub up_to_date: usize,
}

/// Writes `NAME.br` and `NAME.gz` beside every file of `dir` (and below) with one of
/// [`EXTENSIONS`], unless the copy is already newer than the file. A copy that would not
/// be smaller than the file is not kept. Each copy is written to a temporary name and
/// renamed, so a server reading `dir` meanwhile never sends half a file.
pub fn dir(dir: &Path) -> Result<Summary> {
    let files = files_with(dir, EXTENSIONS)?;
    let mut summary = Summary::default();
    for path in files {
        for (ext, encode) in ENCODINGS {
            let copy = with_suffix(&path, ext);
            if newer_than(&copy, &path)? {
                summary.up_to_date += 1;
                continue;
            }
            let data =
                fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let compressed = encode(&data)?;
            if compressed.len() >= data.len() {
                remove_if_there(&copy)?;
                continue;
            }
            write_atomically(&copy, &compressed)?;
            summary.written += 1;
        }
    }
    Ok(summary)
}

/// [`dir`] of `dist`, with a line saying what it did.
pub fn dist(dist: &Path) -> Result<()> {
    let start = Instant::now();
    let summary = dir(dist)?;
    println!(
        "precompressed {} (brotli -q 11, gzip -9): {} written, {} up to date, {}",
        dist.display(),
        summary.written,
        summary.up_to_date,
        secs(start.elapsed())
    );
    Ok(())
}

/// gzip at level 9 (flate2's best), as `cargo xtask size` measures it.
pub fn gzip(data: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).map_err(|e| format!("gzip: {e}"))?;
    enc.finish().map_err(|e| format!("gzip: {e}"))
}

/// brotli at quality 11 with a 22-bit window (`brotli -q 11 -w 22`), as `cargo xtask size`
/// measures it.
pub fn brotli(data: &[u8]) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)
        .map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

/// The files of `dir` and below whose extension is one of `extensions`, sorted.
pub fn files_with(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    collect(dir, extensions, &mut files)?;
    files.sort();
    Ok(files)
}

fn collect(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, extensions, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// `dist/app.wasm` + `br` = `dist/app.wasm.br`.
fn with_suffix(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// Whether `copy` exists and was modified no earlier than `original`.
fn newer_than(copy: &Path, original: &Path) -> Result<bool> {
    let modified = |path: &Path| {
        fs::metadata(path)
            .and_then(|m| m.modified())
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    if !copy.exists() {
        return Ok(false);
    }
    Ok(modified(copy)? >= modified(original)?)
}

fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

fn write_atomically(path: &Path, data: &[u8]) -> Result<()> {
    let tmp = with_suffix(path, "tmp");
    fs::write(&tmp, data).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    fs::rename(&tmp, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn sample() -> Vec<u8> {
        (0..300)
            .flat_map(|i| format!("<p class=\"credit-{}\">{i} credits</p>\n", i % 7).into_bytes())
            .collect()
    }

    fn unbrotli(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(data, 4096)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    fn ungzip(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(data)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("assets")).unwrap();
        dir
    }

    #[test]
    fn compressed_copies_decompress_to_the_original() {
        let data = sample();
        let br = brotli(&data).unwrap();
        let gz = gzip(&data).unwrap();
        assert!(br.len() < data.len() / 10, "brotli {}", br.len());
        assert!(gz.len() < data.len() / 10, "gzip {}", gz.len());
        assert_eq!(unbrotli(&br), data);
        assert_eq!(ungzip(&gz), data);
        assert_eq!(unbrotli(&brotli(b"").unwrap()), b"");
    }

    #[test]
    fn a_dist_gets_copies_of_its_text_files_once() {
        let dir = temp_dir("precompress");
        let data = sample();
        fs::write(dir.join("index.html"), &data).unwrap();
        fs::write(dir.join("assets/demo-5fe6170eaa4c4aca_bg.wasm"), &data).unwrap();
        fs::write(dir.join("logo.png"), &data).unwrap();
        fs::write(dir.join("tiny.js"), "1").unwrap();

        assert_eq!(
            super::dir(&dir).unwrap(),
            Summary {
                written: 4,
                up_to_date: 0
            }
        );
        for name in ["index.html", "assets/demo-5fe6170eaa4c4aca_bg.wasm"] {
            let br = fs::read(dir.join(format!("{name}.br"))).unwrap();
            let gz = fs::read(dir.join(format!("{name}.gz"))).unwrap();
            assert_eq!(unbrotli(&br), data, "{name}");
            assert_eq!(ungzip(&gz), data, "{name}");
        }
        // Not a text file, and a file its copies would not shrink.
        for name in ["logo.png.br", "logo.png.gz", "tiny.js.br", "tiny.js.gz"] {
            assert!(!dir.join(name).exists(), "{name}");
        }

        // Again: nothing to do, and the copies are not compressed themselves.
        assert_eq!(
            super::dir(&dir).unwrap(),
            Summary {
                written: 0,
                up_to_date: 4
            }
        );
        assert!(!dir.join("index.html.br.br").exists());
        assert!(!dir.join("index.html.br.tmp").exists());

        // A rebuilt file gets new copies.
        let newer = [&data[..], b"<p>more</p>"].concat();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(dir.join("index.html"), &newer).unwrap();
        assert_eq!(super::dir(&dir).unwrap().written, 2);
        assert_eq!(
            unbrotli(&fs::read(dir.join("index.html.br")).unwrap()),
            newer
        );
        fs::remove_dir_all(dir).unwrap();
    }
}

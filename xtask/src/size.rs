//! `cargo xtask size`: what the release demo ships, raw and compressed, what
//! each surface probe and the JS package weigh, and whether all of it fits
//! `budget`.

use std::fs;

use crate::workspace::Workspace;
use crate::{budget, demo, package_js, precompress, probes, tools, Result};

const EXTENSIONS: &[&str] = &["wasm", "js", "css"];

pub struct Row {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn run(ws: &Workspace) -> Result<()> {
    tools::ensure(ws, tools::BUILD)?;
    demo::trunk_build(ws)?;
    let dist = ws.root.join("dist");
    let files = precompress::files_with(&dist, EXTENSIONS)?;
    if files.is_empty() {
        return Err(format!("no .wasm, .js or .css files in {}", dist.display()));
    }
    let mut rows = Vec::new();
    for path in files {
        let data = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .strip_prefix(&dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        rows.push(Row {
            name,
            raw: data.len(),
            gzip: gzip_len(&data)?,
            brotli: brotli_len(&data)?,
        });
    }
    println!("\nsizes of dist/ (bytes):\n{}", table(&rows));
    let demo_total = rows.iter().map(|r| r.brotli).sum();
    let probes = probes::measure(ws)?;
    println!(
        "\nsurface probes (examples/size-probes, bytes brotli -q 11):\n{}",
        probes::table(&probes)
    );
    let mut sizes: Vec<(&str, usize)> = probes.iter().map(|p| (p.name, p.total())).collect();
    let pkg = package_js::build(ws)?;
    let (wasm, js) = package_js::transfer_size(&pkg)?;
    println!(
        "\nthe JS package (pkg/, every custom element; bytes brotli -q 11): wasm {}, JS {}, total {}",
        thousands(wasm),
        thousands(js),
        thousands(wasm + js)
    );
    sizes.push(("package", wasm + js));
    let over = budget::over(demo_total, &sizes);
    if over.is_empty() {
        println!("\nwithin the size budget (xtask/src/budget.rs)");
        Ok(())
    } else {
        Err(format!(
            "over the size budget (xtask/src/budget.rs):\n  {}",
            over.join("\n  ")
        ))
    }
}

/// gzip at level 9 (flate2's best).
pub fn gzip_len(data: &[u8]) -> Result<usize> {
    Ok(precompress::gzip(data)?.len())
}

/// brotli at quality 11 with a 22-bit window (`brotli -q 11 -w 22`).
pub fn brotli_len(data: &[u8]) -> Result<usize> {
    Ok(precompress::brotli(data)?.len())
}

pub fn table(rows: &[Row]) -> String {
    let total = Row {
        name: "total".into(),
        raw: rows.iter().map(|r| r.raw).sum(),
        gzip: rows.iter().map(|r| r.gzip).sum(),
        brotli: rows.iter().map(|r| r.brotli).sum(),
    };
    let header = ["file", "raw", "gzip -9", "brotli -q 11"];
    let cells = |r: &Row| {
        [
            r.name.clone(),
            thousands(r.raw),
            thousands(r.gzip),
            thousands(r.brotli),
        ]
    };
    let body: Vec<[String; 4]> = rows.iter().map(cells).collect();
    let total = cells(&total);
    let mut widths = header.map(str::len);
    for row in body.iter().chain(std::iter::once(&total)) {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        format!(
            "{:<w0$}  {:>w1$}  {:>w2$}  {:>w3$}",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        )
    };
    let rule = "-".repeat(widths.iter().sum::<usize>() + 6);
    let mut out = vec![line(header), rule.clone()];
    out.extend(body.iter().map(|r| line([&r[0], &r[1], &r[2], &r[3]])));
    out.push(rule);
    out.push(line([&total[0], &total[1], &total[2], &total[3]]));
    out.join("\n")
}

/// 1234567 -> "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(164781), "164,781");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn compressors_shrink_repetitive_data() {
        let data = "leptos credits ".repeat(1000);
        let gz = gzip_len(data.as_bytes()).unwrap();
        let br = brotli_len(data.as_bytes()).unwrap();
        assert!(gz < data.len() / 10, "gzip {gz}");
        assert!(br < data.len() / 10, "brotli {br}");
    }

    #[test]
    fn table_is_aligned_with_total() {
        let rows = [
            Row {
                name: "demo_bg.wasm".into(),
                raw: 164781,
                gzip: 71248,
                brotli: 61247,
            },
            Row {
                name: "demo.js".into(),
                raw: 20000,
                gzip: 6000,
                brotli: 5432,
            },
        ];
        let t = table(&rows);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 6);
        assert!(lines.iter().all(|l| l.len() == lines[0].len()), "{t}");
        assert!(lines[5].starts_with("total"));
        assert!(lines[5].ends_with("66,679"), "{t}");
    }
}

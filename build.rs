//! Minifies the stylesheets in `style/` into `OUT_DIR` for `src/styles`,
//! which ships them inside the crate: the comments that explain the CSS stay
//! in the source, not in every host's wasm.

use std::{env, fs, path::Path};

const SHEETS: &[&str] = &[
    "tokens",
    "cost_badge",
    "cost_estimator",
    "generate_button",
    "low_balance",
    "out_of_credits",
    "subscription",
];

fn main() {
    let out = env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    let Some(out) = out else {
        panic!("cargo sets OUT_DIR for build scripts");
    };
    for sheet in SHEETS {
        let source = Path::new("style").join(format!("{sheet}.css"));
        println!("cargo:rerun-if-changed={}", source.display());
        let css = fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        let target = out.join(format!("{sheet}.css"));
        fs::write(&target, minify(&css))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
    }
}

/// Drops comments and folds whitespace, leaving strings as written. Spaces go
/// only where no token needs them: after `{`, `;`, `,`, `>` and around `}`.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                push_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the folded space before `next` unless neither side needs it.
fn push_space(out: &mut String, space: &mut bool, next: char) {
    if std::mem::take(space)
        && !out.is_empty()
        && !out.ends_with(['{', '}', ';', ',', '>'])
        && !matches!(next, '}' | ';' | ',' | '>')
    {
        out.push(' ');
    }
}

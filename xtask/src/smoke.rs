//! The demo smoke test: the release build of the demo, served by the
//! reference server, rendered by headless Chromium, must show a cost badge
//! (`.lc-cost-badge`) with an amount of credits; then `e2e/demo.mjs` uses
//! the page with real key presses and clicks.

use std::fs;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::process::{capture_with_timeout, failed, tail};
use crate::server::{self, Server};
use crate::workspace::{show, Workspace};
use crate::{demo, Result};

/// Chromium flags for this machine's closed network (the same ones
/// webdriver.json gives the browser tests).
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
];

const BADGE_CLASS: &str = "lc-cost-badge";

pub fn run(ws: &Workspace) -> Result<()> {
    demo::trunk_build(ws)?;
    let server = server::start(
        ws,
        &server::Options {
            listen: "127.0.0.1:0",
            seed_demo: true,
            static_dir: Some("dist".as_ref()),
            log_name: "server-demo-smoke",
        },
    )?;
    let result = check_page(ws, &server).and_then(|()| end_to_end(ws, &server));
    let note = server.log_note();
    drop(server);
    result.map_err(|e| format!("{e}\n{note}"))
}

fn check_page(ws: &Workspace, server: &Server) -> Result<()> {
    let scratch = ws.scratch_dir()?;
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let profile =
        std::env::temp_dir().join(format!("xtask-chromium-{}-{nanos}", std::process::id()));
    fs::create_dir_all(&profile)
        .map_err(|e| format!("cannot create {}: {e}", profile.display()))?;

    let url = format!("{}/", server.url);
    let mut cmd = Command::new("chromium");
    cmd.args(["--headless", "--no-sandbox", "--disable-gpu"])
        .args(CHROMIUM_FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--virtual-time-budget=10000", "--dump-dom"])
        .arg(&url);
    let captured = capture_with_timeout(&mut cmd, Duration::from_secs(120));
    let _ = fs::remove_dir_all(&profile);
    let captured = captured?;

    let dom_path = scratch.join("demo-dom.html");
    let stderr_path = scratch.join("demo-chromium.log");
    let _ = fs::write(&dom_path, &captured.stdout);
    let _ = fs::write(&stderr_path, &captured.stderr);
    if !captured.status.success() {
        return Err(format!(
            "{}\nchromium stderr ({}):\n{}",
            failed(&cmd, captured.status),
            show(ws, &stderr_path),
            tail(&captured.stderr, 20)
        ));
    }
    match check_cost_badge(&captured.stdout) {
        Ok(text) => {
            println!("found .{BADGE_CLASS}: \"{text}\" (DOM in {})", show(ws, &dom_path));
            Ok(())
        }
        Err(why) => Err(format!(
            "the demo page at {url} failed the check: {why}\nrelevant DOM:\n{}\n(full DOM in {}, chromium log in {}, server log below)\n{}",
            failure_fragment(&captured.stdout),
            show(ws, &dom_path),
            show(ws, &stderr_path),
            server.log_tail()
        )),
    }
}

/// `e2e/demo.mjs`: the demo driven with real key presses and clicks
/// (playwright-core on Debian's Chromium); then `e2e/a11y.mjs`: axe-core over
/// every state, both themes, and the layout at phone widths. Both run, and
/// either failing fails the step. Screenshots land in target/xtask/.
fn end_to_end(ws: &Workspace, server: &Server) -> Result<()> {
    let demo = node_script(ws, "e2e/demo.mjs", server);
    let a11y = node_script(ws, "e2e/a11y.mjs", server);
    match (demo, a11y) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(e), Ok(())) | (Ok(()), Err(e)) => Err(e),
        (Err(d), Err(a)) => Err(format!("{d}\n{a}")),
    }
}

/// Runs `node SCRIPT URL/ SCRATCH_DIR`, a playwright-core check of the page
/// `server` serves, printing its lines; fails with the end of its stderr.
pub fn node_script(ws: &Workspace, script: &str, server: &Server) -> Result<()> {
    let scratch = ws.scratch_dir()?;
    let mut cmd = Command::new("node");
    cmd.current_dir(&ws.root)
        .arg(script)
        .arg(format!("{}/", server.url))
        .arg(&scratch);
    let captured = capture_with_timeout(&mut cmd, Duration::from_secs(180))?;
    print!("{}", captured.stdout);
    if captured.status.success() {
        return Ok(());
    }
    Err(format!(
        "{}
{}
(screenshots in {})",
        failed(&cmd, captured.status),
        tail(&captured.stderr, 30),
        show(ws, &scratch)
    ))
}

/// An element of the dumped DOM.
#[derive(Debug)]
pub struct Element<'a> {
    pub outer_html: &'a str,
    pub text: String,
}

/// `Ok(text)` of the first `.lc-cost-badge` whose text has a number followed
/// by "credit"; otherwise why not.
pub fn check_cost_badge(dom: &str) -> Result<String> {
    let badges = elements_with_class(dom, BADGE_CLASS);
    if badges.is_empty() {
        return Err(format!("no element with class `{BADGE_CLASS}`"));
    }
    if let Some(badge) = badges.iter().find(|b| has_credit_amount(&b.text)) {
        return Ok(badge.text.clone());
    }
    let texts: Vec<String> = badges.iter().map(|b| format!("\"{}\"", b.text)).collect();
    Err(format!(
        "no `{BADGE_CLASS}` has a number followed by \"credit\" in its text (found {})",
        texts.join(", ")
    ))
}

/// What to show when the check fails: the badges if there are any, else
/// the start of the body.
pub fn failure_fragment(dom: &str) -> String {
    const LIMIT: usize = 3000;
    let badges = elements_with_class(dom, BADGE_CLASS);
    let fragment: String = if badges.is_empty() {
        let start = find_ci(dom, "<body", 0).unwrap_or(0);
        dom[start..].to_string()
    } else {
        badges
            .iter()
            .map(|b| b.outer_html)
            .collect::<Vec<_>>()
            .join("\n")
    };
    if fragment.len() <= LIMIT {
        return fragment;
    }
    let mut cut = LIMIT;
    while !fragment.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(
        "{}\n... ({} more bytes)",
        &fragment[..cut],
        fragment.len() - cut
    )
}

/// A number (digits, possibly with separators) followed, after optional
/// whitespace, by "credit" (any case): "12 credits", "1,200 credits",
/// "Costs 3 credits".
pub fn has_credit_amount(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices("credit").any(|(at, _)| {
        lower[..at]
            .trim_end_matches(|c: char| c.is_whitespace())
            .ends_with(|c: char| c.is_ascii_digit())
    })
}

/// Every element whose `class` attribute has the token `class`, with its
/// outer HTML and its whitespace-collapsed text.
pub fn elements_with_class<'a>(dom: &'a str, class: &str) -> Vec<Element<'a>> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(rel) = dom[pos..].find('<') {
        let start = pos + rel;
        let Some(tag) = parse_start_tag(dom, start) else {
            pos = start + 1;
            continue;
        };
        pos = tag.end;
        let has_class = tag
            .class
            .is_some_and(|c| c.split_whitespace().any(|t| t == class));
        if !has_class {
            continue;
        }
        let end = if tag.self_closing || is_void(tag.name) {
            tag.end
        } else {
            element_end(dom, tag.name, tag.end)
        };
        let outer_html = &dom[start..end];
        found.push(Element {
            outer_html,
            text: text_content(&dom[tag.end..end]),
        });
    }
    found
}

struct StartTag<'a> {
    name: &'a str,
    class: Option<&'a str>,
    self_closing: bool,
    /// Byte index just past the closing `>`.
    end: usize,
}

/// Parses `<name attr="v" ...>` starting at `dom[start] == '<'`.
fn parse_start_tag(dom: &str, start: usize) -> Option<StartTag<'_>> {
    let bytes = dom.as_bytes();
    let mut i = start + 1;
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = &dom[name_start..i];
    let mut class = None;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                return Some(StartTag {
                    name,
                    class,
                    self_closing: false,
                    end: i + 1,
                })
            }
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                return Some(StartTag {
                    name,
                    class,
                    self_closing: true,
                    end: i + 2,
                })
            }
            _ => {}
        }
        let attr_start = i;
        while i < bytes.len() && !b" \t\n\r=>/".contains(&bytes[i]) {
            i += 1;
        }
        if i == attr_start {
            i += 1; // a stray '/' or similar
            continue;
        }
        let attr = &dom[attr_start..i];
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            match bytes.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = i + 1 + dom[i + 1..].find(*q as char)?;
                    value = &dom[i + 1..close];
                    i = close + 1;
                }
                _ => {
                    let v_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &dom[v_start..i];
                }
            }
        }
        if attr.eq_ignore_ascii_case("class") {
            class = Some(value);
        }
    }
}

/// Index just past the `</name>` that closes an element whose content starts
/// at `from`, counting nested elements of the same name.
fn element_end(dom: &str, name: &str, from: usize) -> usize {
    let open = format!("<{name}");
    let close = format!("</{name}");
    let mut depth = 1;
    let mut pos = from;
    loop {
        let next_open = find_ci(dom, &open, pos).filter(|&i| {
            dom[i + open.len()..]
                .starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        });
        let Some(next_close) = find_ci(dom, &close, pos) else {
            return dom.len();
        };
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                pos = o + open.len();
            }
            _ => {
                depth -= 1;
                let end = dom[next_close..]
                    .find('>')
                    .map_or(dom.len(), |g| next_close + g + 1);
                if depth == 0 {
                    return end;
                }
                pos = end;
            }
        }
    }
}

fn find_ci(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (from..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn is_void(name: &str) -> bool {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Text without tags and comments, common entities decoded, whitespace collapsed.
fn text_content(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        text.push(' ');
        let after = &rest[lt..];
        let skip = if after.starts_with("<!--") {
            after.find("-->").map_or(after.len(), |e| e + 3)
        } else {
            after.find('>').map_or(after.len(), |e| e + 1)
        };
        rest = &after[skip..];
    }
    text.push_str(rest);
    let decoded = text
        .replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .replace('\u{a0}', " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Demo</title></head><body>
<main class="demo">
  <div class="lc-quote"><span class="lc-cost-badge lc-cost-badge--ok" title="cost"><!-- -->12<!-- --> <span class="unit">credits</span></span>
  <button class="lc-button">Generate</button></div>
</main></body></html>"#;

    #[test]
    fn finds_the_badge_with_nested_spans_and_comments() {
        let badges = elements_with_class(PAGE, "lc-cost-badge");
        assert_eq!(badges.len(), 1);
        assert_eq!(badges[0].text, "12 credits");
        assert!(badges[0]
            .outer_html
            .starts_with("<span class=\"lc-cost-badge"));
        assert!(badges[0].outer_html.ends_with("credits</span></span>"));
        assert_eq!(check_cost_badge(PAGE).unwrap(), "12 credits");
    }

    #[test]
    fn class_must_match_a_whole_token() {
        let dom = r#"<div class="lc-cost-badge--large">5 credits</div>"#;
        assert!(elements_with_class(dom, "lc-cost-badge").is_empty());
        assert!(check_cost_badge(dom)
            .unwrap_err()
            .contains("no element with class"));
    }

    #[test]
    fn badge_without_amount_fails_and_shows_text() {
        let dom = r#"<body><span class="lc-cost-badge">Loading…</span></body>"#;
        let err = check_cost_badge(dom).unwrap_err();
        assert!(err.contains("\"Loading…\""), "{err}");
        assert!(failure_fragment(dom).contains("Loading…"));
    }

    #[test]
    fn second_badge_may_carry_the_amount() {
        let dom = r#"<p class='lc-cost-badge'>–</p><p class=lc-cost-badge>Costs 1&nbsp;credit</p>"#;
        assert_eq!(check_cost_badge(dom).unwrap(), "Costs 1 credit");
    }

    #[test]
    fn credit_amounts() {
        assert!(has_credit_amount("12 credits"));
        assert!(has_credit_amount("1,200 Credits left"));
        assert!(has_credit_amount("0.5credit"));
        assert!(has_credit_amount("Costs 3 credits"));
        assert!(!has_credit_amount("credits: 5"));
        assert!(!has_credit_amount("No credits"));
        assert!(!has_credit_amount(""));
    }

    #[test]
    fn failure_fragment_without_badge_is_the_body() {
        let dom = format!(
            "<html><head></head><body>{}</body></html>",
            "x".repeat(5000)
        );
        let fragment = failure_fragment(&dom);
        assert!(fragment.starts_with("<body>"));
        assert!(fragment.contains("more bytes"));
    }

    #[test]
    fn webdriver_json_has_the_same_flags() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../webdriver.json");
        let json = std::fs::read_to_string(path).unwrap();
        assert!(json.contains("\"goog:chromeOptions\""));
        for flag in CHROMIUM_FLAGS {
            assert!(
                json.contains(&format!("\"{flag}\"")),
                "webdriver.json lacks {flag}"
            );
        }
    }
}

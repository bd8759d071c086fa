// What the e2e scripts share: Debian's Chromium with the flags this machine's
// closed network wants (the same as webdriver.json, plus the headless
// container's; an xtask test compares them), and one line per check.

export const CHROMIUM = "/usr/bin/chromium";
export const FLAGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--no-sandbox",
  "--disable-gpu",
];

let passed = 0;
let failed = 0;

/// Runs one check; prints `ok   NAME` or `FAIL NAME` and the reason, and goes on.
export async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e && e.message ? e.message : e).split("\n").join("\n     ")}`);
  }
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/// Prints "N passed, N failed" and exits, non-zero when a check failed.
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

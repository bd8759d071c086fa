// What the e2e scripts share: Debian's Chromium with the flags this machine's
// closed network wants (the same as webdriver.json, plus the headless
// container's; an xtask test compares them), a fresh browser profile per
// page, and one line per check.
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

/// A new browser with an empty profile (so a cold HTTP cache) and its first
/// page; `options` goes to playwright's launchPersistentContext (viewport,
/// colorScheme, ...). Close the returned context when done.
export async function openPage(prefix, options = {}) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), `${prefix}-`)), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1100, height: 760 },
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15000);
  return { context, page };
}

/// The start of a script run as `node e2e/SCRIPT.mjs URL [screenshot-dir]`:
/// its arguments (usage and exit 2 without a URL), a fresh page, and the
/// page's script errors as they happen.
export async function openDemo(script, prefix) {
  const [url, shots] = process.argv.slice(2);
  if (!url) {
    console.error(`usage: node e2e/${script} URL [screenshot-dir]`);
    process.exit(2);
  }
  const { context, page } = await openPage(prefix);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { url, shots, context, page, errors };
}

/// Picks the `i`th workspace of the demo header's switcher.
export const pickWorkspace = (page, i) => page.getByLabel("Workspace").selectOption(String(i));

/// The switcher's workspaces, in order (what `pickWorkspace` takes the index of).
export const workspaceLabels = (page) => page.getByLabel("Workspace").locator("option").allInnerTexts();

/// Waits until nothing on the page is loading or refreshing.
export const settled = (page) =>
  page.waitForFunction(() => document.querySelectorAll("[data-state=loading], [data-state=refreshing]").length === 0);

/// Presses the generation bar's Generate once its verdict (`data-affordability`)
/// is one of `states`, and returns that verdict. A refusing Generate is
/// aria-disabled, not disabled: a person can still press it and learn why.
export async function generateWhen(page, states) {
  const fit = await page.waitForFunction(
    (wanted) => {
      const now = document.querySelector(".gen-bar .lc-generate:not(.lc-finish)")?.dataset.affordability;
      return wanted.includes(now) ? now : null;
    },
    states,
  );
  await page.locator(".gen-bar").getByRole("button", { name: /^Generate/ }).click({ force: true });
  return fit.jsonValue();
}

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

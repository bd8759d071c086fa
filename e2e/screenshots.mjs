// The README's pictures, taken from the release demo as a person sees it:
// the generation bar with the estimator open, each out-of-credits prompt the
// demo's workspaces open, and Settings → Subscription, at desktop and phone
// width, in the light and the dark theme. Run by `cargo xtask screenshots`.
//
//   node e2e/screenshots.mjs http://127.0.0.1:PORT/ OUT_DIR
//
// Writes OUT_DIR/<surface>-<desktop|phone>-<light|dark>.png, one line per
// image. Each picture is clipped to its surface, taken once what it shows is
// painted (no "Estimating…", nothing loading), with reduced motion, en-US and
// UTC, so a run differs from the last only where the data does (the server's
// dates are relative to today). Surfaces are found by the library's classes
// (`.lc-cost-estimator__popover`, `.lc-prompt__dialog`, `.lc-subscription`),
// the demo's `.gen-bar` and its workspace switcher, whose options are read,
// not counted: a workspace added to the demo adds its prompt.
import { assert, check, finish, openPage, pickWorkspace, settled, workspaceLabels } from "./harness.mjs";
import { join } from "node:path";

const url = process.argv[2];
const out = process.argv[3];
if (!url || !out) {
  console.error("usage: node e2e/screenshots.mjs URL OUT_DIR");
  process.exit(2);
}

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
};
// Room around a clipped surface, so its shadow and focus ring show.
const MARGIN = 16;

/// `.../prompt-shared-pool-exhausted-admin-desktop-dark.png` and its name for the log.
const file = (surface, variant) => join(out, `${surface}-${variant}.png`);
const slug = (word) => word.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/// Nothing on the page is loading, and the fonts are in.
async function painted(page) {
  await settled(page);
  await page.waitForFunction(() => document.fonts.status === "loaded" && !document.querySelector("[aria-busy=true]"));
}

const shoot = (target, path) => target.screenshot({ path, animations: "disabled", caret: "hide", scale: "css" });

/// The smallest viewport rectangle holding every element of `locators`, plus MARGIN.
async function around(page, locators) {
  const boxes = [];
  for (const l of locators) boxes.push(await l.boundingBox());
  const size = page.viewportSize();
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - MARGIN);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - MARGIN);
  const right = Math.min(size.width, Math.max(...boxes.map((b) => b.x + b.width)) + MARGIN);
  const bottom = Math.min(size.height, Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN);
  return { x, y, width: right - x, height: bottom - y };
}

/// The generation bar with the estimator open on its first workspace's default settings.
async function estimator(page, variant) {
  await pickWorkspace(page, 0);
  const bar = page.locator(".gen-bar");
  await bar.locator(".lc-cost-badge[data-state=ready]").first().waitFor();
  await bar.scrollIntoViewIfNeeded();
  await bar.locator(".lc-cost-estimator__trigger").first().click();
  const popover = page.locator(".lc-cost-estimator__popover");
  await popover.locator(".lc-cost-estimator__cost").waitFor();
  await page.waitForFunction(() => !document.querySelector(".lc-cost-estimator__popover .lc-cost-estimator__loading"));
  await painted(page);
  await page.screenshot({
    path: file("generation-bar-estimator", variant),
    clip: await around(page, [bar, popover]),
    animations: "disabled",
    caret: "hide",
    scale: "css",
  });
  await page.keyboard.press("Escape");
  await popover.waitFor({ state: "detached" });
}

/// Opens the prompt by pressing `button` and shoots it as the surface
/// `name(reason)` gives, or closes it unpictured when that is null.
async function prompt(page, button, name, variant) {
  await button.click({ force: true });
  const dialog = page.locator(".lc-prompt__dialog");
  await dialog.waitFor();
  try {
    await painted(page);
    const reason = await dialog.getAttribute("data-reason");
    assert(reason, "the prompt has no data-reason");
    const surface = name(slug(reason));
    if (!surface) return;
    await dialog.scrollIntoViewIfNeeded();
    await shoot(dialog, file(surface, variant));
    console.log(`     ${surface}-${variant}`);
  } finally {
    await dialog.locator(".lc-prompt__close").click();
    await dialog.waitFor({ state: "detached" });
  }
}

/// What the switcher says of a workspace: "Northwind Studio — Pro, shared
/// pool (Kim, member)" has the role "member"; "Lumen Sketchbook — Free, trial
/// used up" the situation "trial-used-up" (its last words after the dash).
function describe(label) {
  const role = /\(\s*[^,)]*,\s*([^)]+)\)/.exec(label)?.[1];
  const about = label.split(/\s+[—–-]\s+/)[1] ?? "";
  const situation = about.replace(/\(.*\)/, "").split(",").pop();
  return { role: role && slug(role), situation: slug(situation) };
}

/// Every prompt the demo's workspaces open: the generation bar asked for more
/// than most hold (16 high-quality images), and an editing tool the plan
/// lacks. One picture per reason (prompt-<reason>); per role where the
/// switcher names one (prompt-<reason>-admin, -member: a member is told whom
/// to ask); and one more for a later workspace with the same reason in
/// another situation (prompt-trial-exhausted-used-up beside the trial that
/// is merely short), named by the switcher's words less the reason's.
async function prompts(page, variant) {
  const taken = new Set();
  const take = (surface) => (taken.has(surface) ? null : (taken.add(surface), surface));
  const bar = page.locator(".gen-bar");
  const labels = await workspaceLabels(page);
  for (const [i, label] of labels.entries()) {
    const { role, situation } = describe(label);
    await pickWorkspace(page, i);
    await bar.getByLabel("Quality").first().selectOption("high");
    await bar.getByLabel("Images").first().fill("16");
    const generate = bar.locator(".lc-generate").first();
    const fit = await page.waitForFunction(() => {
      const f = document.querySelector(".gen-bar .lc-generate")?.dataset.affordability;
      return f && f !== "unknown" ? f : null;
    });
    if (["short", "blocked"].includes(await fit.jsonValue())) {
      await prompt(page, generate, (reason) => {
        const base = `prompt-${reason}`;
        if (role) return take(`${base}-${role}`);
        if (!taken.has(base)) return take(base);
        const own = situation.split("-").filter((w) => !reason.split("-").includes(w)).join("-");
        return own ? take(`${base}-${own}`) : null;
      }, variant);
    }
    const blocked = page.locator(".edit-tool .lc-generate[data-affordability=blocked]");
    if (!taken.has("prompt-feature-not-in-plan") && (await blocked.count()) > 0) {
      await prompt(page, blocked.first(), (reason) => take(`prompt-${reason}`), variant);
    }
  }
  assert(taken.size > 0, "no demo workspace opened a prompt");
}

/// Settings → Subscription of the first workspace (a shared pool: its chart and table show).
async function subscription(page, variant) {
  await page.getByRole("link", { name: "Subscription" }).click();
  await pickWorkspace(page, 0);
  const view = page.locator(".lc-subscription");
  await view.waitFor();
  await painted(page);
  await shoot(view, file("subscription", variant));
}

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ["light", "dark"]) {
    const variant = `${device}-${colorScheme}`;
    const { context, page } = await openPage("lc-shots", {
      viewport,
      colorScheme,
      reducedMotion: "reduce",
      locale: "en-US",
      timezoneId: "UTC",
      deviceScaleFactor: 1,
    });
    try {
      await page.goto(url);
      await check(`${variant}: the generation bar with the estimator open`, () => estimator(page, variant));
      await check(`${variant}: every out-of-credits prompt`, () => prompts(page, variant));
      await check(`${variant}: Settings → Subscription`, () => subscription(page, variant));
    } finally {
      await context.close();
    }
  }
}

finish();

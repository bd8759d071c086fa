// Accessibility and small-screen checks of the demo page, run by the smoke
// step after demo.mjs: axe-core (npm, pinned in package.json) over every
// state a person can reach — the generation bar, the estimator open, each
// out-of-credits prompt a demo workspace opens, Settings → Subscription of
// every demo workspace — in the light and the dark theme; and the layout at
// phone widths (320 and 375 px).
//
//   node e2e/a11y.mjs http://127.0.0.1:PORT/ [screenshot-dir]
//
// A serious or critical axe violation fails its check (rule id, impact,
// targets and axe's failure summary are printed); moderate ones are reported.
import { chromium } from "playwright-core";
import { axeCheck } from "./axe.mjs";
import { CHROMIUM, FLAGS, assert, check, finish, pickWorkspace, settled } from "./harness.mjs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const url = process.argv[2];
const shots = process.argv[3];
if (!url) {
  console.error("usage: node e2e/a11y.mjs URL [screenshot-dir]");
  process.exit(2);
}
// The demo's workspace switcher lists the reference server's demo workspaces.
const WORKSPACES = 8;
const seen = { serious: 0, moderate: 0 };

async function openPage(colorScheme, width = 1100, height = 760) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "lc-a11y-")), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width, height },
    colorScheme,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15000);
  return { context, page };
}

/// Every state, in one colour scheme; `theme` also marks <html> with data-lc-theme.
async function everyState(scheme, theme) {
  const { context, page } = await openPage(scheme);
  try {
    await page.goto(url);
    if (theme) await page.evaluate((t) => document.documentElement.setAttribute("data-lc-theme", t), theme);
    const bar = page.locator(".gen-bar");
    const label = `${scheme}${theme ? `, data-lc-theme=${theme}` : ""}`;

    await check(`axe (${label}): the generation bar`, async () => {
      await bar.locator(".lc-cost-badge[data-state=ready]").waitFor();
      await axeCheck(page, seen, "the generation bar");
    });

    await check(`axe (${label}): the estimator open`, async () => {
      await bar.getByRole("button", { name: /cost estimate/i }).click();
      await page.getByRole("dialog").locator(".lc-cost-estimator__cost").waitFor();
      await axeCheck(page, seen, "the open estimator");
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "detached" });
    });

    for (let i = 0; i < WORKSPACES; i++) {
      await check(`axe (${label}): workspace ${i}'s out-of-credits prompt`, async () => {
        await pickWorkspace(page, i);
        // 16 high-quality images cost 160 credits: more than most demo workspaces hold.
        await bar.getByLabel("Quality").selectOption("high");
        await bar.getByLabel("Images").fill("16");
        const fit = await page.waitForFunction(() => {
          const f = document.querySelector(".gen-bar .lc-generate")?.dataset.affordability;
          return f && f !== "unknown" ? f : null;
        });
        const affordability = await fit.jsonValue();
        if (affordability === "affordable" || affordability === "free") {
          console.log(`     workspace ${i} affords 160 credits: no prompt to check`);
          return;
        }
        await bar.getByRole("button", { name: /^Generate/ }).click({ force: true });
        const prompt = page.locator(".lc-prompt__dialog");
        await prompt.waitFor();
        try {
          await axeCheck(page, seen, `workspace ${i}'s prompt (${affordability})`);
        } finally {
          await prompt.locator(".lc-prompt__close").click();
          await prompt.waitFor({ state: "detached" });
        }
      });
    }

    await page.locator(".lc-prompt").waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Subscription" }).click();
    for (let i = 0; i < WORKSPACES; i++) {
      await check(`axe (${label}): workspace ${i}'s Settings → Subscription`, async () => {
        await pickWorkspace(page, i);
        await page.locator(".lc-subscription").waitFor();
        await settled(page);
        await axeCheck(page, seen, `workspace ${i}'s subscription view`);
      });
    }
    if (shots) await page.screenshot({ path: join(shots, `a11y-${scheme}.png`), fullPage: true });
  } finally {
    await context.close();
  }
}

/// Issue "Hardening" 18: at 375 px the page was 401 px wide and the sticky bar covered the canvas.
async function phoneLayout(width) {
  const { context, page } = await openPage("light", width, 640);
  try {
    await check(`at ${width} px nothing scrolls sideways and the generation bar never covers the canvas`, async () => {
      await page.goto(url);
      await page.locator(".gen-bar .lc-cost-badge[data-state=ready]").waitFor();
      const fits = () => page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      let [scroll, inner] = await fits();
      assert(scroll <= inner, `the Create view is ${scroll} px wide in a ${inner} px window`);
      const end = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      for (const y of [0, end / 2, end]) {
        const [bar, canvas] = await page.evaluate((top) => {
          scrollTo(0, top);
          const box = (s) => document.querySelector(s).getBoundingClientRect().toJSON();
          return [box(".gen-bar"), box(".demo-canvas")];
        }, y);
        const apart = bar.bottom <= canvas.top || canvas.bottom <= bar.top ||
          bar.right <= canvas.left || canvas.right <= bar.left;
        assert(apart, `scrolled to ${Math.round(y)}: bar ${JSON.stringify(bar)} overlaps canvas ${JSON.stringify(canvas)}`);
      }
      if (shots) await page.screenshot({ path: join(shots, `phone-${width}.png`), fullPage: true });
      await page.getByRole("link", { name: "Subscription" }).click();
      await page.locator(".lc-usage-history__row").first().waitFor();
      await settled(page);
      [scroll, inner] = await fits();
      assert(scroll <= inner, `Settings → Subscription is ${scroll} px wide in a ${inner} px window`);
      if (shots) await page.screenshot({ path: join(shots, `phone-${width}-subscription.png`), fullPage: true });
    });
  } finally {
    await context.close();
  }
}

await phoneLayout(320);
await phoneLayout(375);
await everyState("light");
await everyState("dark");
await everyState("light", "dark");
console.log(`     axe: ${seen.serious} serious or critical, ${seen.moderate} moderate violation(s) in all`);

finish();

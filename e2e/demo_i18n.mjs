// The demo's language switch as a person uses it: العربية and Deutsch picked
// in the header's select, then English again, with no reload. The page's
// lang and dir follow; the host's settings survive each switch; with room on
// both sides of its trigger the estimator's popover opens on the mirrored
// side in right-to-left, and at widths between phone and desktop it stays on
// the screen; at 320 px nothing of the page scrolls sideways and no part of
// a credits surface leaves the screen (the Create view, the estimator open,
// Settings → Subscription), in Arabic and German.
//
//   node e2e/demo_i18n.mjs http://127.0.0.1:PORT/ [screenshot-dir]
//
// One line per check, a `measure:` line, and "N passed, N failed".
import { assert, check, finish, openDemo, settled } from "./harness.mjs";
import { join } from "node:path";

const { url, shots, context, page, errors } = await openDemo("demo_i18n.mjs", "lc-e2e-i18n");
// Wide enough for the popover to fit on either side of its trigger in both
// directions, so the side it takes is its own choice, not a lack of room.
const WIDE = { width: 1600, height: 900 };
const MIDDLE = [560, 640, 720, 800];
await page.setViewportSize(WIDE);
const ARABIC_LETTERS = /[\u0600-\u06ff]/;
const figures = { switchMs: {}, widest: {} };

const bar = page.locator(".gen-bar");
const badge = bar.locator(".lc-cost-badge");
const trigger = bar.locator(".lc-cost-estimator__trigger");
const popover = bar.locator(".lc-cost-estimator__popover");

const html = () => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const readyBadge = async () => {
  await bar.locator(".lc-cost-badge[data-state=ready]").waitFor();
  return (await badge.innerText()).trim();
};
/// What the host keeps across a switch: the bar's settings and the workspace.
const hostState = async () => ({
  quality: await bar.getByLabel("Quality").inputValue(),
  images: await bar.getByLabel("Images").inputValue(),
  workspace: await page.getByLabel("Workspace").inputValue(),
});

/// Picks `name` in the header's language select, as a person would, and
/// waits for the page to say it: `lang` on <html>, then a ready badge.
async function pickLanguage(name, lang) {
  const started = Date.now();
  await page.locator(".demo-language select").selectOption({ label: name });
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.waitForFunction((l) => {
    const b = document.querySelector(".gen-bar .lc-cost-badge[data-state=ready]");
    return b && (l !== "ar" || /[\u0600-\u06ff]/.test(b.textContent));
  }, lang);
  figures.switchMs[lang] = Date.now() - started;
}

/// The estimator's popover and its root, opened with a click, then closed.
async function popoverEdges() {
  await trigger.click();
  await popover.locator(".lc-cost-estimator__cost").waitFor();
  const edges = await page.evaluate(() => {
    const rect = (s) => document.querySelector(s).getBoundingClientRect().toJSON();
    return {
      root: rect(".gen-bar .lc-cost-estimator"),
      trigger: rect(".gen-bar .lc-cost-estimator__trigger"),
      pop: rect(".gen-bar .lc-cost-estimator__popover"),
      width: document.documentElement.clientWidth,
      height: innerHeight,
    };
  });
  await page.keyboard.press("Escape");
  await popover.waitFor({ state: "detached" });
  return edges;
}

const inViewport = (e) =>
  e.pop.left >= 0 && e.pop.right <= e.width && e.pop.top >= 0 && e.pop.bottom <= e.height;
const near = (a, b) => Math.abs(a - b) < 1;
const roomBothSides = (e) => e.trigger.right - e.pop.width >= 0 && e.trigger.left + e.pop.width <= e.width;

/// At each of the MIDDLE widths (the popover's own placement, not the phone
/// sheet), the open popover is wholly on the screen.
async function staysOnScreen(lang) {
  const off = [];
  try {
    for (const width of MIDDLE) {
      await page.setViewportSize({ width, height: 700 });
      const e = await popoverEdges();
      if (!inViewport(e)) off.push(`${width} px: ${JSON.stringify(e.pop)} in ${e.width}×${e.height}`);
    }
  } finally {
    await page.setViewportSize(WIDE);
  }
  assert(off.length === 0, `in ${lang} the popover leaves the screen at\n${off.join("\n")}`);
}

/// What leaves a `width`-px screen sideways: the document's scroll width,
/// and every shown element of a credits surface (`lc-` classes) whose box
/// leaves [0, width]. Visually hidden text (a 1 px clipped box) is skipped.
const overflowing = () =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width) out.push(`the document is ${document.documentElement.scrollWidth} px wide`);
    for (const el of document.querySelectorAll("[class*='lc-']")) {
      if (![...el.classList].some((c) => c.startsWith("lc-"))) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === "hidden") continue;
      if (r.left < -0.5 || r.right > width + 0.5) {
        const text = (el.textContent ?? "").trim().slice(0, 40);
        out.push(`.${[...el.classList].join(".")} spans ${Math.round(r.left)}..${Math.round(r.right)} ("${text}")`);
      }
    }
    return { width: document.documentElement.scrollWidth, out };
  });

async function fitsAt320(lang, where) {
  const { width, out } = await overflowing();
  figures.widest[lang] = Math.max(figures.widest[lang] ?? 0, width);
  assert(out.length === 0, `${where} at 320 px in ${lang}:\n${out.slice(0, 12).join("\n")}`);
}

/// At 320 px: the Create view, the estimator open, and Settings → Subscription.
async function narrowChecks(lang) {
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await readyBadge();
    await fitsAt320(lang, "the Create view");
    if (shots) await page.screenshot({ path: join(shots, `i18n-${lang}-320.png`), fullPage: true });
    await trigger.click();
    await popover.locator(".lc-cost-estimator__cost").waitFor();
    await popover.locator(".lc-cost-estimator__option").first().waitFor();
    await fitsAt320(lang, "the open estimator");
    const box = await popover.boundingBox();
    assert(box && box.x >= 0 && box.x + box.width <= 320, `the popover at ${JSON.stringify(box)}`);
    if (shots) await page.screenshot({ path: join(shots, `i18n-${lang}-320-estimator.png`) });
    await page.keyboard.press("Escape");
    await popover.waitFor({ state: "detached" });
    await page.locator(".demo-nav").getByRole("link", { name: "Subscription" }).click();
    await page.locator(".lc-usage-history__row, .lc-usage-history__empty").first().waitFor();
    await settled(page);
    await fitsAt320(lang, "Settings → Subscription");
    if (shots) await page.screenshot({ path: join(shots, `i18n-${lang}-320-subscription.png`), fullPage: true });
  } finally {
    await page.locator(".demo-nav").getByRole("link", { name: "Create" }).click();
    await page.setViewportSize(WIDE);
  }
}

try {
  await page.goto(url);
  const documents = [];
  page.on("request", (r) => r.resourceType() === "document" && documents.push(r.url()));
  const english = { badge: await readyBadge() };
  // The host's own state, set before any switch: it must survive them.
  await bar.getByLabel("Quality").selectOption("high");
  await bar.getByLabel("Images").fill("2");
  await page.getByLabel("Workspace").selectOption("7");
  await page.waitForFunction(() => document.querySelector(".gen-bar .lc-cost-badge[data-state=ready]"));
  const before = await hostState();
  english.badge = await readyBadge();
  english.edges = await popoverEdges();

  await check("in English the page is ltr and the popover ends at the estimator's right edge, opening leftwards", async () => {
    const e = english.edges;
    assert(JSON.stringify(await html()) === JSON.stringify({ lang: "en", dir: "ltr" }), `html ${JSON.stringify(await html())}`);
    assert(roomBothSides(e), `the popover should have room on both sides here: ${JSON.stringify(e)}`);
    assert(near(e.pop.right, e.root.right) && e.pop.left < e.trigger.left, `ltr popover ${JSON.stringify(e)}`);
    assert(inViewport(e), `the popover leaves the screen: ${JSON.stringify(e)}`);
  });

  await check("picking العربية sets html lang=ar dir=rtl and Arabic words, with no reload, keeping the host's settings and workspace", async () => {
    await pickLanguage("العربية", "ar");
    const now = await html();
    assert(now.lang === "ar" && now.dir === "rtl", `html ${JSON.stringify(now)}`);
    const said = await readyBadge();
    assert(ARABIC_LETTERS.test(said) && !/credit/i.test(said), `the badge says ${JSON.stringify(said)}`);
    const label = await trigger.getAttribute("aria-label");
    assert(ARABIC_LETTERS.test(label ?? ""), `the estimator's button is called ${JSON.stringify(label)}`);
    assert(JSON.stringify(await hostState()) === JSON.stringify(before), `host state ${JSON.stringify(await hostState())}, was ${JSON.stringify(before)}`);
    assert(documents.length === 0, `the page was loaded again: ${documents.join(", ")}`);
  });

  await check("in Arabic the popover opens mirrored: it ends at the estimator's left edge, opens rightwards, and stays on the screen", async () => {
    const e = await popoverEdges();
    assert(roomBothSides(e), `the popover should have room on both sides here: ${JSON.stringify(e)}`);
    assert(near(e.pop.left, e.root.left), `the popover's left ${e.pop.left} vs the estimator's ${e.root.left}: ${JSON.stringify(e)}`);
    assert(e.pop.right > e.trigger.right, `it opens rightwards: ${JSON.stringify(e)}`);
    assert(inViewport(e), `the popover leaves the screen: ${JSON.stringify(e)}`);
    const ltr = english.edges;
    assert(near(e.pop.width, ltr.pop.width) && near(e.pop.bottom, ltr.pop.bottom), `same size and height as in ltr: ${JSON.stringify([e.pop, ltr.pop])}`);
    if (shots) {
      await trigger.click();
      await popover.locator(".lc-cost-estimator__cost").waitFor();
      await page.screenshot({ path: join(shots, "i18n-ar-estimator.png") });
      await page.keyboard.press("Escape");
    }
  });

  await check(`in Arabic at ${MIDDLE.join(", ")} px the open popover stays on the screen`, async () => {
    await staysOnScreen("ar");
  });

  await check("at 320 px in Arabic nothing overflows: the Create view, the estimator open, Settings → Subscription", async () => {
    await narrowChecks("ar");
  });

  await check("picking Deutsch sets html lang=de dir=ltr and other words than English, keeping the host's settings", async () => {
    await pickLanguage("Deutsch", "de");
    const now = await html();
    assert(now.lang === "de" && now.dir === "ltr", `html ${JSON.stringify(now)}`);
    const said = await readyBadge();
    assert(said !== english.badge && !ARABIC_LETTERS.test(said), `the badge says ${JSON.stringify(said)}`);
    assert(JSON.stringify(await hostState()) === JSON.stringify(before), `host state ${JSON.stringify(await hostState())}`);
  });

  await check("at 320 px in German nothing overflows: the Create view, the estimator open, Settings → Subscription", async () => {
    await narrowChecks("de");
  });

  await check("picking English again restores lang=en dir=ltr, the English words and the ltr popover, with no reload", async () => {
    await pickLanguage("English", "en");
    const now = await html();
    assert(now.lang === "en" && now.dir === "ltr", `html ${JSON.stringify(now)}`);
    const said = await readyBadge();
    assert(said === english.badge, `the badge says ${JSON.stringify(said)}, was ${JSON.stringify(english.badge)}`);
    const e = await popoverEdges();
    assert(near(e.pop.left, english.edges.pop.left) && near(e.pop.right, english.edges.pop.right), `ltr again: ${JSON.stringify(e)}`);
    assert(JSON.stringify(await hostState()) === JSON.stringify(before), `host state ${JSON.stringify(await hostState())}`);
    assert(documents.length === 0, `the page was loaded again: ${documents.join(", ")}`);
  });

  await check(`in English at ${MIDDLE.join(", ")} px the open popover stays on the screen`, async () => {
    await staysOnScreen("en");
  });

  await check("no script error on the page", async () => {
    assert(errors.length === 0, errors.join("\n"));
  });

  const ms = Object.entries(figures.switchMs).map(([l, t]) => `${l} ${t} ms`).join(", ");
  const wide = Object.entries(figures.widest).map(([l, w]) => `${l} ${w} px`).join(", ");
  console.log(`     measure: language pick → new words painted: ${ms}; widest document at 320 px: ${wide}`);
} finally {
  await context.close();
}
finish();

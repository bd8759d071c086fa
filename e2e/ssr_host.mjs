// End-to-end check of the server-rendered example (examples/ssr-host): the
// HTML as served, hydration in Debian's Chromium (driven by playwright-core,
// which downloads no browser), and the components against the credits API the
// same process serves at /api.
//
//   node e2e/ssr_host.mjs http://127.0.0.1:PORT/ [screenshot-dir]
//
// Prints one line per check and ends with "N passed, N failed".
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS, assert, check, finish } from "./harness.mjs";
import { join } from "node:path";

const base = process.argv[2];
const shots = process.argv[3];
if (!base) {
  console.error("usage: node e2e/ssr_host.mjs URL [screenshot-dir]");
  process.exit(2);
}

// The page's default member, and one whose balance (6 credits) is short of
// the bar's default settings (Standard, 4 images); server/data/demo.toml.
const PRO = { workspace: "ws_pro_team", token: "tok_pro_admin" };
const SHORT = { workspace: "ws_basic_limit", token: "tok_basic_owner" };
// What the bar asks for before anyone touches it (ImageGenerate::new(Standard, 4)).
const DEFAULT_ACTION = { action: "image.generate", quality: "standard", count: 4, width: 1024, height: 1024 };

/// The API over HTTP, as the member `who`.
async function api(who, method, path, body) {
  const response = await fetch(new URL(`api/v1/workspaces/${who.workspace}/${path}`, base), {
    method,
    headers: { authorization: `Bearer ${who.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}
const digits = (s) => (s ?? "").replace(/[^0-9]/g, "");
const pageUrl = (who) => new URL(`/?workspace=${who.workspace}&token=${who.token}`, base).href;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
// Every console message and page error, from every page load.
const consoleLog = [];
const dump = (messages) => messages.map((m) => `[${m.type}] ${m.text}`).join("\n").slice(0, 4000) || "(nothing)";
const problems = () => consoleLog.filter((m) => m.type === "error" || m.type === "warning" || m.type === "pageerror");
// Before any script of the page runs: as soon as the parser is done (readyState
// "interactive", before deferred and module scripts, so before the wasm), keep
// the server-rendered nodes, to compare with what is there after hydration.
await context.addInitScript(() => {
  const keep = () => {
    const q = (s) => document.querySelector(s);
    window.__ssr = {
      trigger: q("button[aria-haspopup=dialog]"),
      badge: q(".lc-cost-badge"),
      badgeState: q(".lc-cost-badge")?.getAttribute("data-state"),
      generate: q(".lc-generate__button"),
      heading: q(".lc-subscription__title"),
      subscription: q(".lc-subscription"),
      form: q("form.host-bar"),
    };
  };
  document.addEventListener("readystatechange", () => {
    if (document.readyState === "interactive") keep();
  });
});
const page = await context.newPage();
page.on("console", (m) => consoleLog.push({ type: m.type(), text: m.text() }));
page.on("pageerror", (e) => consoleLog.push({ type: "pageerror", text: String(e) }));
page.setDefaultTimeout(15000);

try {
  await check("the HTML as served has the landmarks (estimator trigger, loading badge, Generate, Subscription)", async () => {
    const response = await fetch(pageUrl(PRO));
    const html = await response.text();
    assert(response.ok, `GET / answered ${response.status}: ${html.slice(0, 300)}`);
    assert(/^text\/html/.test(response.headers.get("content-type") ?? ""), `content-type ${response.headers.get("content-type")}`);
    // Parsed by Chromium with scripts off: exactly what the server sent.
    const raw = await browser.newContext({ javaScriptEnabled: false });
    try {
      const parse = await raw.newPage();
      await parse.setContent(html, { waitUntil: "domcontentloaded" });
      const found = await parse.evaluate(() => {
        const q = (s) => document.querySelector(s);
        const trigger = q("button[aria-haspopup=dialog]");
        const badge = q(".lc-cost-badge");
        const generate = q(".lc-generate__button");
        const heading = q("h2.lc-subscription__title");
        return {
          trigger: trigger && { expanded: trigger.getAttribute("aria-expanded"), label: trigger.getAttribute("aria-label"), html: trigger.outerHTML.slice(0, 300) },
          badge: badge && { state: badge.getAttribute("data-state"), busy: badge.getAttribute("aria-busy"), text: badge.textContent.trim(), html: badge.outerHTML },
          generate: generate && generate.textContent.trim(),
          heading: heading && heading.textContent.trim(),
          hydrationScript: [...document.querySelectorAll("script[type=module]")].some((s) => s.textContent.includes("ssr_host")),
          styles: document.querySelectorAll("style#leptos-credits-styles").length,
          stylesInHead: document.querySelectorAll("head > style#leptos-credits-styles").length,
          layered: (document.querySelector("head > style#leptos-credits-styles")?.textContent ?? "").includes("@layer leptos-credits"),
        };
      });
      console.log(`     served: trigger ${JSON.stringify(found.trigger?.html)}`);
      console.log(`     served: badge ${JSON.stringify(found.badge?.html)}`);
      console.log(`     served: Generate ${JSON.stringify(found.generate)}, heading ${JSON.stringify(found.heading)}`);
      assert(found.trigger, "no button with aria-haspopup=dialog (the estimator's trigger)");
      assert(found.trigger.expanded === "false", `the trigger's aria-expanded is ${found.trigger.expanded}`);
      assert(/cost estimate/i.test(found.trigger.label ?? ""), `the trigger's label is ${found.trigger.label}`);
      assert(found.badge, "no .lc-cost-badge");
      assert(found.badge.state === "loading" && found.badge.busy === "true", `the badge is ${found.badge.state} (aria-busy ${found.badge.busy}), not loading`);
      assert(/generate/i.test(found.generate ?? ""), `the Generate button says ${JSON.stringify(found.generate)}`);
      assert(found.heading === "Subscription", `the subscription heading is ${JSON.stringify(found.heading)}`);
      assert(found.hydrationScript, "no module script that loads pkg/ssr_host.js");
      assert(found.styles === 1 && found.stylesInHead === 1, `${found.styles} <style id=leptos-credits-styles> served, ${found.stylesInHead} in <head>; want one, in the head`);
      assert(found.layered, "the served stylesheet is not in @layer leptos-credits");
    } finally {
      await raw.close();
    }
  });

  await page.goto(pageUrl(PRO));
  const bar = page.locator("form.host-bar");
  const badge = bar.locator(".lc-cost-badge");
  const trigger = bar.locator("button[aria-haspopup=dialog]");

  await check("after hydration the served stylesheet is still the only one, and it applies", async () => {
    await bar.locator(".lc-cost-badge:not([data-state=loading])").waitFor();
    const styles = await page.evaluate(() => ({
      all: document.querySelectorAll("style#leptos-credits-styles").length,
      head: document.querySelectorAll("head > style#leptos-credits-styles").length,
      surface: getComputedStyle(document.querySelector("button[aria-haspopup=dialog]")).getPropertyValue("--lc-surface").trim(),
    }));
    assert(styles.all === 1 && styles.head === 1, `${styles.all} <style id=leptos-credits-styles> after hydration (${styles.head} in <head>)`);
    assert(styles.surface !== "", "the trigger has no --lc-surface: the stylesheet does not apply");
  });

  await check("hydration: no console warning or error, and the server's nodes are kept", async () => {
    // The badge leaves "loading" only once the wasm runs: hydration is done.
    try {
      await bar.locator(".lc-cost-badge:not([data-state=loading])").waitFor();
      await page.locator(".lc-subscription:not([data-state=loading])").waitFor();
    } catch (e) {
      throw new Error(`the page did not come alive: ${e.message.split("\n")[0]}\nconsole:\n${dump(consoleLog)}`);
    }
    const same = await page.evaluate(() => {
      const s = window.__ssr;
      if (!s) return { recorded: false };
      const q = (sel) => document.querySelector(sel);
      return {
        recorded: true,
        servedBadgeState: s.badgeState,
        trigger: !!s.trigger && s.trigger === q("button[aria-haspopup=dialog]"),
        badge: !!s.badge && s.badge === q(".lc-cost-badge"),
        generate: !!s.generate && s.generate === q(".lc-generate__button"),
        heading: !!s.heading && s.heading === q(".lc-subscription__title"),
        subscription: !!s.subscription && s.subscription === q(".lc-subscription"),
        form: !!s.form && s.form === q("form.host-bar"),
      };
    });
    assert(same.recorded, "the init script did not record the server's nodes");
    assert(same.servedBadgeState === "loading", `the badge was ${same.servedBadgeState} before the wasm ran`);
    const rebuilt = Object.entries(same).filter(([k, v]) => v === false).map(([k]) => k);
    assert(rebuilt.length === 0, `rebuilt (or missing) after hydration: ${rebuilt.join(", ")}`);
    const bad = problems();
    assert(bad.length === 0, `console:\n${dump(bad)}`);
    console.log(`     ${consoleLog.length} console message(s), none a warning or error; trigger, badge, Generate, form, subscription and heading are the served nodes`);
  });

  await check("the badge shows the server's cost for the bar's settings", async () => {
    const quote = await api(PRO, "POST", "quotes", { items: [DEFAULT_ACTION] });
    const credits = quote.items[0].credits;
    assert(Number.isInteger(credits), `the API's quote: ${JSON.stringify(quote)}`);
    await bar.locator(".lc-cost-badge[data-state=ready]").waitFor();
    const text = await badge.locator(".lc-cost-badge__value").innerText();
    assert(digits(text) === String(credits), `the badge says ${JSON.stringify(text)}, the API quotes ${credits}`);
    console.log(`     badge ${JSON.stringify(text)} = API quote ${credits}`);
  });

  await check("the Subscription view shows the server's balance", async () => {
    const answer = await api(PRO, "GET", "balance");
    const value = await page.locator(".lc-subscription__balance-value").innerText();
    assert(digits(value) === String(answer.balance), `the view says ${JSON.stringify(value)}, the API ${answer.balance}`);
    console.log(`     balance ${JSON.stringify(value)} = API ${answer.balance}`);
  });

  await check("the estimator opens from the keyboard", async () => {
    await trigger.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /cost estimate/i });
    await dialog.waitFor();
    assert((await trigger.getAttribute("aria-expanded")) === "true", "aria-expanded is not true");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });

  await check("a refused Generate opens the out-of-credits prompt", async () => {
    const answer = await api(SHORT, "GET", "balance");
    const quote = await api(SHORT, "POST", "quotes", { items: [DEFAULT_ACTION] });
    assert(answer.balance < quote.items[0].credits, `${SHORT.workspace} can afford it: ${answer.balance} >= ${quote.items[0].credits}`);
    let spends = 0;
    const count = (r) => { if (r.method() === "POST" && r.url().endsWith("/generations")) spends++; };
    page.on("request", count);
    await page.goto(pageUrl(SHORT));
    await page.locator("form.host-bar .lc-cost-badge[data-state=ready]").waitFor();
    await page.locator(".lc-subscription:not([data-state=loading])").waitFor();
    const generate = page.locator(".lc-generate__button");
    assert((await generate.getAttribute("aria-disabled")) === "true", "Generate is not marked aria-disabled though the balance is short");
    // aria-disabled, not disabled: a person can still press it and learn why it refuses.
    await generate.click({ force: true });
    const prompt = page.locator("[role=dialog][aria-modal=true]");
    await prompt.waitFor();
    page.off("request", count);
    const reason = await prompt.getAttribute("data-reason");
    const title = await prompt.getByRole("heading").first().innerText();
    assert(spends === 0, `Generate sent ${spends} generation request(s) though the balance is short`);
    console.log(`     ${SHORT.workspace} (${answer.balance} left, ${quote.items[0].credits} needed): prompt ${JSON.stringify(title)}, reason ${reason}`);
    assert(reason, "the prompt has no data-reason");
    const bad = problems();
    assert(bad.length === 0, `console during the second page:\n${dump(bad)}`);
  });
} finally {
  if (shots) await page.screenshot({ path: join(shots, "ssr-host.png"), fullPage: true }).catch(() => {});
  await browser.close();
}

finish();

// The JS package's example hosts (examples/js-html, examples/js-react),
// each driven in Debian's Chromium against the reference server that serves
// them (`cargo xtask test --only js-hosts` lays them out and starts it):
//
//   node e2e/js_hosts.mjs http://127.0.0.1:PORT/ [screenshot-dir]
//
// Every check runs in both hosts, each on a fresh load of the page. One line
// per check, then "N passed, N failed".
import { join } from "node:path";
import { quoteCredits, spend } from "./api.mjs";
import { axeCheck } from "./axe.mjs";
import { assert, check, finish, openPage } from "./harness.mjs";
import {
  ACTION_ELEMENTS, badges, badgesShow, errorMessages, events, focusedElement, sameJson, until, waitEvent,
} from "./host_page.mjs";
import { watchRequests, watchTimers } from "./watch.mjs";

const [base, shots] = process.argv.slice(2);
if (!base) {
  console.error("usage: node e2e/js_hosts.mjs URL [screenshot-dir]");
  process.exit(2);
}
// The hosts' first workspace and member, and the action they start with.
const PRO = { workspace: "ws_pro_team", token: "tok_pro_admin" };
const FIRST_ACTION = { action: "image.generate", quality: "standard", count: 4, width: 1024, height: 1024 };
const HOSTS = [
  { name: "html", path: "html/" },
  { name: "react", path: "react/" },
];

const axeSeen = { serious: 0, moderate: 0 };

for (const host of HOSTS) {
  const { context, page } = await openPage(`lc-js-${host.name}`);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  await watchTimers(page);
  const net = watchRequests(page);
  const open = async () => {
    await page.goto(new URL(host.path, base).href);
    await badgesShow(page, await quoteCredits(base, PRO, FIRST_ACTION));
  };
  const hostCheck = (name, fn) => check(`${host.name}: ${name}`, fn);

  await hostCheck("both badges show the server's cost", open);

  await hostCheck("two badges under one provider: one quote request, one balance read", async () => {
    const mark = net.mark();
    await open();
    await page.waitForTimeout(1000);
    const quotes = net.since(mark, "POST", /\/quotes$/);
    const reads = net.since(mark, "GET", /\/balance$/);
    const streams = net.since(mark, "GET", /\/events$/);
    assert(quotes.length === 1, `quote requests: ${net.show(quotes)}`);
    assert(reads.length === 1, `balance reads: ${net.show(reads)}`);
    assert(streams.length <= 1, `event streams: ${net.show(streams)}`);
  });

  await hostCheck("the token is in no attribute or text of the page (its scripts aside)", async () => {
    await open();
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true);
      for (const script of copy.querySelectorAll("script")) script.remove();
      return copy.outerHTML;
    });
    assert(!html.includes(PRO.token), `the page's DOM holds ${PRO.token}`);
  });

  await hostCheck("six action changes in a burst: at most 2 quote requests, the badge ends on the last", async () => {
    await open();
    await page.waitForTimeout(300);
    const mark = net.mark();
    const burst = [3, 4, 5, 6, 7, 8].map((count) => ({ ...FIRST_ACTION, quality: "high", count }));
    await page.evaluate(([selector, burst]) => {
      for (const action of burst) for (const el of document.querySelectorAll(selector)) el.action = action;
    }, [ACTION_ELEMENTS, burst]);
    await badgesShow(page, await quoteCredits(base, PRO, burst.at(-1)));
    await page.waitForTimeout(600);
    const quotes = net.since(mark, "POST", /\/quotes$/);
    assert(quotes.length >= 1 && quotes.length <= 2, `${quotes.length} quote requests for the burst`);
  });

  await hostCheck("the estimator's pick reaches the host, which adopts it", async () => {
    await open();
    await page.locator("credits-cost-estimator [aria-haspopup=dialog]").click();
    const option = page.locator(".lc-cost-estimator__option").first();
    await option.waitFor();
    await option.click();
    const picked = (await waitEvent(page, "credits-pick")).detail?.action;
    assert(picked?.action === "image.generate" && !sameJson(picked, FIRST_ACTION), `picked ${JSON.stringify(picked)}`);
    await until(async () => {
      const count = await page.getByLabel("Images").inputValue();
      const quality = await page.getByLabel("Quality").inputValue();
      return count === String(picked.count) && quality === picked.quality;
    }, `the host's Images and Quality show the picked ${JSON.stringify(picked)}`);
    await badgesShow(page, await quoteCredits(base, PRO, picked));
  });

  await hostCheck("a wrong-shaped property: an error event and a message, until a good value", async () => {
    await open();
    const before = await badges(page);
    await page.evaluate(() => (document.querySelector("credits-cost-badge").action = { action: "nope" }));
    const wrong = await waitEvent(page, "credits-error", (d) => d?.property === "action");
    assert(typeof wrong.detail.message === "string" && wrong.detail.message, `detail ${JSON.stringify(wrong.detail)}`);
    await until(async () => (await errorMessages(page, "credits-cost-badge")).length === 1, "a message in the badge");
    assert(sameJson(await badges(page), before), `the last good cost stays: ${await badges(page)}`);
    await page.evaluate(() => (document.querySelector("credits-provider").text = 5));
    await waitEvent(page, "credits-error", (d) => d?.property === "text");
    await until(async () => (await errorMessages(page, "credits-provider")).length === 1, "a message in the provider");

    const good = { ...FIRST_ACTION, count: 2 };
    await page.evaluate((good) => (document.querySelector("credits-cost-badge").action = good), good);
    await page.evaluate(() => (document.querySelector("credits-provider").text = {}));
    await until(async () => (await errorMessages(page, "credits-cost-badge")).length === 0, "the badge's message gone");
    await until(async () => (await errorMessages(page, "credits-provider")).length === 0, "the provider's message gone");
    const want = await quoteCredits(base, PRO, good);
    await until(async () => (await badges(page))[0] === want, `the badge shows the server's ${want} credits again`);
  });

  await hostCheck("the provider's text and locale: the host's words and the locale's numbers", async () => {
    await open();
    const credits = await quoteCredits(base, PRO, { ...FIRST_ACTION, count: 16, quality: "high" });
    await page.evaluate(([selector, action]) => {
      for (const el of document.querySelectorAll(selector)) el.action = action;
      const provider = document.querySelector("credits-provider");
      provider.text = { generate: "Erzeugen", credits: { one: "{n} Credit", other: "{n} Credits" } };
      provider.locale = "de-DE";
    }, [ACTION_ELEMENTS, { ...FIRST_ACTION, count: 16, quality: "high" }]);
    const want = `${credits.toLocaleString("de-DE")} Credits`;
    await until(async () => {
      const label = await page.locator("credits-generate-button .lc-generate__label").first().textContent();
      const badge = await page.locator("credits-cost-badge .lc-cost-badge__value").first().textContent();
      return label?.trim() === "Erzeugen" && badge?.trim() === want ? true : null;
    }, `Generate reads "Erzeugen" and the badge "${want}"`);
    assert((await errorMessages(page, "credits-provider")).length === 0, "no message in the provider");
  });

  await hostCheck("a refusal opens the prompt; closed, focus is back in the Generate button", async () => {
    await open();
    await page.getByLabel("Workspace").selectOption("ws_basic_limit");
    await page.waitForFunction(() => document.querySelector("credits-generate-button [data-affordability]")?.dataset.affordability === "short");
    const generate = page.locator("credits-generate-button").getByRole("button", { name: /^Generate/ });
    const prompt = page.locator(".lc-prompt__dialog");
    for (const close of ["Escape", "its Close button"]) {
      await generate.click({ force: true });
      await prompt.waitFor();
      if (close === "Escape") await page.keyboard.press("Escape");
      else await prompt.locator(".lc-prompt__close").click();
      await prompt.waitFor({ state: "detached" });
      const focus = await focusedElement(page);
      assert(focus === "credits-generate-button", `closed with ${close}, focus is in ${focus}`);
    }
    const refused = (await events(page)).filter((e) => e.type === "credits-refused");
    assert(refused.length === 2, `credits-refused events: ${JSON.stringify(refused)}`);
    const { affordability, action } = refused[0].detail;
    assert(affordability?.kind === "short" && affordability.shortfall > 0, `affordability ${JSON.stringify(affordability)}`);
    assert(sameJson(action, FIRST_ACTION), `the refused action is ${JSON.stringify(action)}`);
  });

  await hostCheck("axe finds nothing serious: the bar, the estimator open, the prompt", async () => {
    await open();
    await axeCheck(page, axeSeen, `${host.name}: the bar`);
    await page.locator("credits-cost-estimator [aria-haspopup=dialog]").click();
    await page.locator(".lc-cost-estimator__option").first().waitFor();
    await axeCheck(page, axeSeen, `${host.name}: the estimator open`);
    await page.keyboard.press("Escape");
    await page.getByLabel("Workspace").selectOption("ws_basic_limit");
    await page.waitForFunction(() => document.querySelector("credits-generate-button [data-affordability]")?.dataset.affordability === "short");
    await page.locator("credits-generate-button").getByRole("button", { name: /^Generate/ }).click({ force: true });
    await page.locator(".lc-prompt__dialog").waitFor();
    await axeCheck(page, axeSeen, `${host.name}: the prompt`);
    await page.keyboard.press("Escape");
  });

  await hostCheck("removed elements send no requests and leave no timers, though the balance changes", async () => {
    await open();
    await until(() => net.open(/\/events$/).length === 1, "the balance stream open");
    const removedAt = await page.evaluate(() => Math.round(performance.now()));
    await page.getByRole("button", { name: "Remove the credits elements" }).click();
    await page.waitForFunction(() => !document.querySelector("credits-provider, credits-cost-badge"));
    await page.waitForTimeout(300);
    const mark = net.mark();
    await spend(base, PRO, { action: "edit.upscale", factor: 2 });
    // Past the quote debounce (150 ms), a reconnect's first step (1 s) and
    // three of the test server's 1 s heartbeats.
    await page.waitForTimeout(3500);
    const after = net.since(mark);
    assert(after.length === 0, `requests after the removal: ${net.show(after)}`);
    const streams = net.open(/\/events$/);
    assert(streams.length === 0, `balance streams still open: ${net.show(streams)}`);
    const timers = await page.evaluate(() => window.__timers());
    assert(timers.fromWasm === 0,
      `${timers.fromWasm} timers set from wasm still pending (removed at ${removedAt} ms):\n${timers.stacks.join("\n")}`);
    assert(timers.baseline !== null && timers.total <= timers.baseline,
      `${timers.total} timers pending, ${timers.baseline} before the elements were defined`);
  });

  await hostCheck("no page error and no console error in the whole run", async () => {
    assert(problems.length === 0, problems.join("\n"));
  });

  if (shots) await page.screenshot({ path: join(shots, `js-host-${host.name}.png`), fullPage: true }).catch(() => {});
  await context.close();
}
finish();

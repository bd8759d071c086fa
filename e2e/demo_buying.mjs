// Buying through the release demo as a person would, against the reference
// server's checkout: a member's "Ask an admin" that the admin declines from
// Settings → Subscription, a top-up from the prompt Generate opens, an upgrade
// from the feature-not-in-plan prompt, a renewal from Settings → Subscription,
// each followed by the generation it allowed.
//
//   node e2e/demo_buying.mjs http://127.0.0.1:PORT/ [screenshot-dir]
//
// It changes the demo workspaces it buys in, so `cargo xtask test` serves it
// a freshly seeded demo of its own (xtask/src/smoke.rs). Ends with
// "N passed, N failed".
import { assert, check, finish, generateWhen, openDemo, pickWorkspace, workspaceLabels } from "./harness.mjs";
import { join } from "node:path";

const { url, shots, context, page, errors } = await openDemo("demo_buying.mjs", "lc-e2e-buying");

/// "1,120": a number as the page writes it (in the browser's locale).
const count = (n) => page.evaluate((n) => new Intl.NumberFormat().format(n), n);
/// "1,120 credits".
const credits = async (n) => `${await count(n)} credit${n === 1 ? "" : "s"}`;
/// The number in "… 1,120 credits …".
const numberIn = (text, pattern) => {
  const found = text.match(pattern);
  assert(found, `${JSON.stringify(text)} does not match ${pattern}`);
  return Number(found[1].replace(/\D/g, ""));
};

try {
  await page.goto(url);
  const bar = page.locator(".gen-bar");
  const prompt = page.locator(".lc-prompt__dialog");
  const status = bar.locator(".gen-bar__status");
  const labels = await workspaceLabels(page);
  const workspace = async (start) => {
    const i = labels.findIndex((l) => l.startsWith(start));
    assert(i >= 0, `no workspace "${start}…" in ${JSON.stringify(labels)}`);
    await pickWorkspace(page, i);
  };
  const primary = async (way) => {
    const cls = (await way.getAttribute("class")) ?? "";
    assert(cls.includes("lc-prompt__action--primary"), `${JSON.stringify(await way.innerText())} is not offered first`);
  };

  await check("a member asks an admin, the admin declines with a note on Subscription, and the member reads it", async () => {
    await workspace("Northwind Studio — Pro, shared pool (Kim, member)");
    await bar.getByLabel("Quality").selectOption("high");
    await bar.getByLabel("Images").fill("16");
    await generateWhen(page, ["short"]);
    await prompt.waitFor();
    await prompt.getByRole("button", { name: "Ask an admin" }).click();
    await prompt.getByText("Request sent to Jonas Weber and Ari").waitFor();
    await prompt.getByRole("button", { name: "Not now" }).click();
    await page.getByRole("link", { name: "Subscription" }).click();
    await workspace("Northwind Studio — Pro, shared pool (Ari, admin)");
    const requests = page.locator(".lc-requests");
    await requests.getByRole("heading", { name: "1 request" }).waitFor();
    await requests.getByText("Kim asks for 40 credits").waitFor();
    await requests.getByRole("button", { name: "Decline", exact: true }).click();
    await requests.getByLabel("Note for Kim (optional)").fill("Next month");
    await requests.getByRole("button", { name: "Decline request" }).click();
    await requests.getByText("Request declined.").waitFor();
    await requests.getByRole("heading", { name: "0 requests" }).waitFor();
    await workspace("Northwind Studio — Pro, shared pool (Kim, member)");
    await page.locator(".lc-requests").getByText("Ari declined your request: Next month").waitFor();
    await page.getByRole("link", { name: "Create" }).click();
  });

  await check("a Pro admin a little short buys the top-up the prompt offers first, then Generate succeeds", async () => {
    await workspace("Northwind Studio — Pro, shared pool (Ari, admin)");
    await bar.getByLabel("Quality").selectOption("high");
    await bar.getByLabel("Images").fill("16");
    await generateWhen(page, ["short"]);
    await prompt.waitFor();
    const why = await prompt.getAttribute("data-reason");
    assert(why === "shared_pool_exhausted", `the prompt's reason is ${why}`);
    await prompt.getByText(/used the most/).waitFor();
    const had = numberIn(await prompt.innerText(), /This needs 160 credits; you have ([\d,]+) credits? left\./);
    const top = prompt.locator("[data-way-out=top_up]");
    await primary(top);
    const pack = numberIn(await top.innerText(), /^Top up ([\d,]+) credits$/);
    assert(had + pack >= 160, `the pack of ${pack} covers the ${160 - had} missing`);
    await top.click();
    await prompt.waitFor({ state: "detached" });
    await status.getByText(`Done: ${await credits(had + pack)} now.`).waitFor();
    await generateWhen(page, ["affordable", "low"]);
    await status.getByText(`Done: 160 credits spent, ${await credits(had + pack - 160)} left.`).waitFor();
    await bar.getByLabel("Quality").selectOption("standard");
    await bar.getByLabel("Images").fill("4");
  });

  await check("a Basic owner upgrades to Pro from the video's prompt, and the video generates with no stale Needs Pro", async () => {
    await workspace("Harbor Lane Photo — Basic");
    await bar.getByRole("radio", { name: "Video" }).check();
    await bar.getByLabel("Quality").selectOption("standard");
    await bar.locator(".lc-cost-badge").getByText("Needs Pro").waitFor();
    await generateWhen(page, ["blocked"]);
    await prompt.waitFor();
    const why = await prompt.getAttribute("data-reason");
    assert(why === "feature_not_in_plan", `the prompt's reason is ${why}`);
    const upgrade = prompt.getByRole("button", { name: "Upgrade to Pro" });
    await primary(upgrade);
    await upgrade.click();
    await prompt.waitFor({ state: "detached" });
    await status.getByText(/^Done: [\d,]+ credits now\.$/).waitFor();
    const badge = bar.locator(".lc-cost-badge[data-state=ready]");
    await badge.waitFor();
    const cost = numberIn(await badge.innerText(), /([\d,]+) credits?/);
    await generateWhen(page, ["affordable", "low"]);
    await status.getByText(new RegExp(`^Done: ${await credits(cost)} spent, [\\d,]+ credits? left\\.$`)).waitFor();
    await bar.getByRole("button", { name: /cost estimate/i }).click();
    const estimator = page.getByRole("dialog", { name: /cost estimate/i });
    await estimator.locator(".lc-cost-estimator__cost").getByText(await credits(cost)).waitFor();
    const seen = await page.locator("body").innerText();
    await page.keyboard.press("Escape");
    assert(!seen.includes("Needs Pro"), `the page still says Needs Pro:\n${seen}`);
    await bar.getByRole("radio", { name: "Image" }).check();
  });

  await check("an expired owner renews from Settings → Subscription and can generate again", async () => {
    await page.getByRole("link", { name: "Subscription" }).click();
    await workspace("Tidewater Films");
    const renew = page.locator(".lc-subscription__remedy").getByRole("button", { name: "Renew Pro" });
    await renew.click();
    const said = new RegExp(`^Done: ${await credits(5000)} added; the balance is now [\\d,]+ credits?\\.$`);
    const bought = page.locator(".lc-subscription__bought").getByText(said);
    await bought.waitFor();
    const balance = numberIn(await bought.innerText(), /the balance is now ([\d,]+) credits?/);
    await page.locator(".lc-subscription__balance-value").getByText(await count(balance), { exact: true }).waitFor();
    await page.locator("[data-plan=pro] .lc-plans__current").getByText("Current plan", { exact: true }).waitFor();
    await page.getByRole("link", { name: "Create" }).click();
    await generateWhen(page, ["affordable", "low"]);
    await status.getByText(`Done: 16 credits spent, ${await credits(balance - 16)} left.`).waitFor();
  });

  await check("no script error on the page", async () => {
    assert(errors.length === 0, errors.join("\n"));
  });
} finally {
  if (shots) await page.screenshot({ path: join(shots, "demo-buying.png") }).catch(() => {});
  await context.close();
}

finish();

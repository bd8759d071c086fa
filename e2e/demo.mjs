// End-to-end check of the demo page as a person uses it: real key presses
// and clicks in Debian's Chromium (driven by playwright-core, which downloads
// no browser), against the reference server that serves the built demo.
//
//   node e2e/demo.mjs http://127.0.0.1:PORT/ [screenshot-dir]
//
// Prints one line per check, then perf.mjs's layout-shift checks and runtime
// figures (`measure:` lines), and ends with "N passed, N failed".
import { assert, check, finish, openDemo } from "./harness.mjs";
import { perf } from "./perf.mjs";
import { join } from "node:path";

const { url, shots, context, page, errors } = await openDemo("demo.mjs", "lc-e2e");

// The page's cost badges as HTML, or the start of the body when there is
// none: what a failed badge check shows.
const badgesHtml = () =>
  page.evaluate(() => {
    const badges = [...document.querySelectorAll(".lc-cost-badge")].map((b) => b.outerHTML);
    const html = badges.length ? badges.join("\n") : `no .lc-cost-badge in ${document.body?.outerHTML ?? "an empty page"}`;
    return html.length > 3000 ? `${html.slice(0, 3000)}\n... (${html.length - 3000} more characters)` : html;
  });

try {
  await page.goto(url);
  const bar = page.locator(".gen-bar");
  const trigger = bar.getByRole("button", { name: /cost estimate/i });

  await check("the generation bar's badge shows the server's quote", async () => {
    await bar.locator(".lc-cost-badge[data-state=ready]").waitFor().catch(async (e) => {
      throw new Error(`${e.message}\n${await badgesHtml()}`);
    });
    const text = await bar.locator(".lc-cost-badge").innerText();
    assert(/16 credits/.test(text), `badge says ${JSON.stringify(text)}\n${await badgesHtml()}`);
  });

  await check("the badge follows the Quality and Images controls", async () => {
    await bar.getByLabel("Quality").selectOption("high");
    await bar.getByLabel("Images").fill("2");
    await page.waitForFunction(() => /20 credits/.test(document.querySelector(".gen-bar .lc-cost-badge")?.textContent ?? ""));
    await bar.getByLabel("Quality").selectOption("standard");
    await bar.getByLabel("Images").fill("4");
    await page.waitForFunction(() => /16 credits/.test(document.querySelector(".gen-bar .lc-cost-badge")?.textContent ?? ""));
  });

  await check("the estimator opens from the keyboard and takes focus", async () => {
    await trigger.focus();
    let quotes = 0;
    const count = (r) => { if (r.method() === "POST" && r.url().endsWith("/quotes")) quotes++; };
    page.on("request", count);
    const opened = Date.now();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /cost estimate/i });
    await dialog.waitFor();
    await dialog.locator(".lc-cost-estimator__option").first().waitFor();
    const ms = Date.now() - opened;
    page.off("request", count);
    console.log(`     measure: ladder shown ${ms} ms after Enter, ${quotes} quote request(s)`);
    assert(quotes <= 1, `opening sends at most one quote request, sent ${quotes}`);
    assert((await trigger.getAttribute("aria-expanded")) === "true", "aria-expanded is true");
    await dialog.locator(".lc-cost-estimator__cost").waitFor();
    const inside = await page.evaluate(() => document.querySelector("[role=dialog]")?.contains(document.activeElement));
    assert(inside, "focus moved into the dialog");
  });

  await check("Tab walks the options, Enter picks one and the host's controls follow", async () => {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    assert(/Draft quality/.test(focused), `first Tab stop is ${JSON.stringify(focused)}`);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".gen-bar select")?.value === "draft");
    await page.waitForFunction(() => /4 credits/.test(document.querySelector(".lc-cost-estimator__cost")?.textContent ?? ""));
  });

  await check("Escape closes the estimator and focus returns to its trigger", async () => {
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    const back = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    assert(/cost estimate/i.test(back ?? ""), `focus is on ${back}`);
  });

  await check("a click outside closes the estimator", async () => {
    await trigger.click();
    await page.getByRole("dialog").waitFor();
    await page.locator(".demo-brand").click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
  });

  await check("Generate spends credits and the estimator's balance follows", async () => {
    const generate = bar.getByRole("button", { name: /^Generate/ });
    await page.waitForFunction(() => document.querySelector(".gen-bar .lc-generate")?.dataset.affordability === "affordable");
    await generate.click();
    await bar.getByText(/Done: 4 credits spent, 116 credits left\./).waitFor();
    await trigger.click();
    await page.waitForFunction(() => /Balance now\s*116 credits/.test(document.querySelector(".lc-cost-estimator__balance")?.textContent ?? ""));
    await page.keyboard.press("Escape");
  });

  await check("Generate refuses when the balance is short and says by how much", async () => {
    await bar.getByLabel("Quality").selectOption("high");
    await bar.getByLabel("Images").fill("16");
    await page.waitForFunction(() => document.querySelector(".gen-bar .lc-generate")?.dataset.affordability === "short");
    // aria-disabled, not disabled: a person can still press it and learn why it refuses.
    await bar.getByRole("button", { name: /^Generate/ }).click({ force: true });
    await bar.getByText("You need 44 more credits than you have.").waitFor();
    // The out-of-credits prompt opens with the reason and the numbers; Escape closes it.
    const prompt = page.locator(".lc-prompt__dialog");
    await prompt.waitFor();
    const why = await prompt.getAttribute("data-reason");
    assert(why === "shared_pool_exhausted", `the prompt's reason is ${why}`);
    await prompt.getByText("This needs 160 credits; you have 116 credits left.").waitFor();
    await page.keyboard.press("Escape");
    await prompt.waitFor({ state: "detached" });
    await bar.getByLabel("Quality").selectOption("standard");
    await bar.getByLabel("Images").fill("4");
  });

  await check("editing tools show their costs and Free for upload, view and download", async () => {
    const tools = page.locator(".edit-tools");
    await page.waitForFunction(() => document.querySelectorAll(".edit-tools .lc-cost-badge[data-state=loading]").length === 0);
    const text = await tools.innerText();
    assert(/Upscale 2×[\s\S]*2 credits/.test(text), "upscale 2× costs 2 credits");
    for (const free of ["Upload", "View", "Download"]) {
      const row = tools.locator(".edit-tool").filter({ hasText: free }).last();
      const badge = (await row.locator(".lc-cost-badge").innerText()).trim();
      assert(/Free$/.test(badge) && !/\d/.test(badge), `${free} shows ${JSON.stringify(badge)}, not Free with no number`);
    }
  });

  // The bar's badge, Generate's chip and the estimator's cost, once they all say `cost`.
  const barSays = async (cost) => {
    await page.waitForFunction((c) => {
      const bar = document.querySelector(".gen-bar");
      const badge = bar?.querySelector(".lc-cost-badge__value")?.textContent;
      const chip = bar?.querySelector(".lc-generate:not(.lc-finish) .lc-generate__cost")?.textContent;
      return badge === c && chip === c;
    }, cost);
  };
  const estimatorOption = async (label, cost) => {
    await trigger.click();
    const dialog = page.getByRole("dialog", { name: /cost estimate/i });
    const option = dialog.locator(".lc-cost-estimator__option").filter({ hasText: label }).first();
    await option.locator(".lc-cost-estimator__option-cost", { hasText: cost }).waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  };

  await check("the mode switch is a labelled radio group the arrow keys walk", async () => {
    const modes = bar.getByRole("radiogroup", { name: "Mode" });
    await modes.getByRole("radio", { name: "Image" }).focus();
    await page.keyboard.press("ArrowRight");
    assert(await modes.getByRole("radio", { name: "Video" }).isChecked(), "ArrowRight selects Video");
    await bar.getByLabel("Seconds").waitFor();
    await bar.getByLabel("Resolution").waitFor();
  });

  await check("video is priced by the badge, the estimator's ladder and Generate", async () => {
    // Standard, 5 s at 720p: 6 × 2 × 5 credits; at 1080p, 6 × 3 × 5.
    await barSays("60 credits");
    await estimatorOption("1080p", "90 credits");
    await bar.getByLabel("Resolution").selectOption("1080p");
    await barSays("90 credits");
    await bar.getByLabel("Resolution").selectOption("720p");
  });

  await check("training is priced by the badge, the estimator's ladder and Generate", async () => {
    await bar.getByRole("radio", { name: "Video" }).focus();
    await page.keyboard.press("ArrowRight");
    await bar.getByLabel("Training images").waitFor();
    // 100 credits of setup + 10 images × 1,000 steps / 1,000.
    await barSays("110 credits");
    await estimatorOption("500 steps", "105 credits");
    await bar.getByRole("radio", { name: "Train" }).focus();
    await page.keyboard.press("ArrowRight");
    assert(await bar.getByRole("radio", { name: "Image" }).isChecked(), "ArrowRight wraps to Image");
  });

  await check("draft first keeps the settings, then Finish at High generates them", async () => {
    await bar.getByLabel("Quality").selectOption("high");
    await barSays("40 credits");
    await trigger.click();
    const dialog = page.getByRole("dialog", { name: /cost estimate/i });
    const draft = dialog.locator("[data-change=draft-preview]");
    await draft.getByText("draft 1 + final 40 = 41 credits").waitFor();
    await draft.click();
    await dialog.waitFor({ state: "detached" });
    await bar.getByText(/Done: 1 credit spent, 115 credits left\./).waitFor();
    assert((await bar.getByLabel("Quality").inputValue()) === "high", "the draft kept the quality");
    assert((await bar.getByLabel("Images").inputValue()) === "4", "the draft kept the count");
    await bar.getByRole("button", { name: /^Finish at High quality/ }).click();
    await bar.getByText(/Done: 40 credits spent, 75 credits left\./).waitFor();
    await bar.locator(".lc-finish").waitFor({ state: "detached" });
    await bar.getByLabel("Quality").selectOption("standard");
  });

  await check("at 320 px wide the open estimator fits the screen", async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await trigger.click();
    const dialog = page.getByRole("dialog");
    await dialog.locator(".lc-cost-estimator__cost").waitFor();
    const box = await dialog.boundingBox();
    assert(box && box.x >= 0 && box.x + box.width <= 320, `dialog box ${JSON.stringify(box)}`);
    if (shots) await page.screenshot({ path: join(shots, "estimator-320.png") });
    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 1100, height: 760 });
  });

  await check("no script error on the page", async () => {
    assert(errors.length === 0, errors.join("\n"));
  });
} finally {
  if (shots) await page.screenshot({ path: join(shots, "demo.png") }).catch(() => {});
  await context.close();
}

await perf(url, shots);
finish();

// The live balance on the release demo, as two people on one shared pool
// would see it: Ari (admin) and Kim (member) in two browser contexts. Ari
// spends; within a second Kim's balance and Generate verdict change with no
// request from Kim's page. A page left idle for two minutes still gets an
// update. The server restarts on the same port and file database; the pages
// reconnect, resume with Last-Event-ID and miss no event, with no reload.
//
//   node e2e/demo_live.mjs SERVER_BINARY DIST_DIR [screenshot-dir]
//
// It runs its own servers (the restart needs one it can stop), on a fresh
// SQLite file seeded with the demo. Ends with "N passed, N failed".
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, check, finish, openPage, pickWorkspace, workspaceLabels } from "./harness.mjs";

const [exe, dist, shots] = process.argv.slice(2);
if (!exe || !dist) {
  console.error("usage: node e2e/demo_live.mjs SERVER_BINARY DIST_DIR [screenshot-dir]");
  process.exit(2);
}
const db = join(mkdtempSync(join(tmpdir(), "lc-e2e-live-")), "credits.db");
const IDLE_MS = 120_000;
const WS = "ws_pro_team";

/// Starts the server on `listen` with the file database; resolves with its URL.
function startServer(listen) {
  const proc = spawn(exe, ["--listen", listen, "--db", db, "--seed-demo", "--static", dist], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CREDITS_LOG: "warn" },
  });
  let err = "";
  proc.stderr.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout.on("data", (d) => {
      out += d;
      const found = out.match(/listening on (http:\/\/[\d.:]+)/);
      if (found) resolve({ proc, url: found[1] });
    });
    proc.on("exit", (code) => reject(new Error(`the server exited (${code}) before listening: ${err.slice(-500)}`)));
  });
}

/// Stops the server (SIGINT: it ends its streams and exits) and waits for it.
async function stopServer(server) {
  const exited = new Promise((resolve) => server.proc.once("exit", resolve));
  server.proc.kill("SIGINT");
  const timer = setTimeout(() => server.proc.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/// Binds the same port again (the old socket may linger a moment).
async function restartOn(url) {
  const listen = url.replace("http://", "");
  for (let i = 0; ; i++) {
    try {
      return await startServer(listen);
    } catch (e) {
      if (i >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/// `count` high-quality images spent as `token` over HTTP (10 credits each).
async function spend(url, token, workspace, count) {
  const r = await fetch(`${url}/api/v1/workspaces/${workspace}/generations`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({ action: "image.generate", quality: "high", count, width: 1024, height: 1024 }),
  });
  const body = await r.text();
  assert(r.status === 201, `the spend answered ${r.status}: ${body}`);
  return JSON.parse(body).balance;
}

/// A page of the demo (`path`: the Create view, or e.g. `#settings/subscription`)
/// as the member `label` starts with,
/// with every request it sends recorded.
async function memberPage(url, prefix, label, path = "") {
  const { context, page } = await openPage(prefix);
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), headers: r.headers() }));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}/${path}`);
  const labels = await workspaceLabels(page);
  const i = labels.findIndex((l) => l.startsWith(label));
  assert(i >= 0, `no workspace "${label}…" in ${JSON.stringify(labels)}`);
  await pickWorkspace(page, i);
  return { context, page, requests, errors };
}

/// What the page shows: the stream's state, Generate's verdict, and the
/// balance the low-balance banner names.
const shown = (page) =>
  page.evaluate(() => {
    const banner = document.querySelector(".lc-low-balance__text")?.innerText ?? "";
    const n = banner.match(/[\d,.\u00a0\u202f]+(?= credits?)/);
    return {
      live: document.querySelector(".gen-bar__live")?.dataset.live,
      verdict: document.querySelector(".gen-bar .lc-generate:not(.lc-finish)")?.dataset.affordability,
      balance: n ? Number(n[0].replace(/\D/g, "")) : null,
    };
  });

/// Waits until `page` shows `want` (a subset of `shown`), at most `ms`.
async function until(page, want, ms, what) {
  const start = Date.now();
  let now;
  while (Date.now() - start <= ms) {
    now = await shown(page);
    if (Object.entries(want).every(([k, v]) => now[k] === v)) return Date.now() - start;
    await page.waitForTimeout(25);
  }
  throw new Error(`${what}: wanted ${JSON.stringify(want)} within ${ms} ms, the page shows ${JSON.stringify(now)}`);
}

/// The requests `p` sent after the first `from`.
const since = (p, from) => p.requests.slice(from).map((r) => `${r.method} ${r.url}`);

/// Kim's bar: 10 high-quality images, 100 credits.
async function tenHighImages(page) {
  const bar = page.locator(".gen-bar");
  await bar.getByLabel("Quality").selectOption("high");
  await bar.getByLabel("Images").fill("10");
}

let server = await startServer("127.0.0.1:0");
const pages = [];
try {
  const { url } = server;
  // The idle page: the Enterprise owner's Subscription view, opened first and
  // then left alone; nobody spends there for two minutes.
  const idle = await memberPage(url, "lc-e2e-live-idle", "Atlas Media Group", "#settings/subscription");
  pages.push(idle);
  const subscription = (page) =>
    page.evaluate(() => ({
      live: document.querySelector(".lc-subscription__live")?.dataset.live,
      said: document.querySelector(".lc-subscription__live")?.innerText,
      balance: Number((document.querySelector(".lc-subscription__balance-value")?.innerText ?? "").replace(/\D/g, "")),
    }));
  await idle.page.waitForFunction(() => document.querySelector(".lc-subscription__live")?.dataset.live === "live");
  const idleSince = Date.now();
  const idleFrom = idle.requests.length;

  const ari = await memberPage(url, "lc-e2e-live-ari", "Northwind Studio — Pro, shared pool (Ari");
  const kim = await memberPage(url, "lc-e2e-live-kim", "Northwind Studio — Pro, shared pool (Kim");
  pages.push(ari, kim);

  await check("Ari spends on the shared pool; within 1 s Kim's balance and Generate verdict change, and Kim's page sent no request", async () => {
    await tenHighImages(kim.page);
    await until(kim.page, { live: "live", balance: 120, verdict: "affordable" }, 15000, "Kim's page before");
    const bar = ari.page.locator(".gen-bar");
    await bar.getByLabel("Quality").selectOption("high");
    await bar.getByLabel("Images").fill("4");
    await ari.page.waitForFunction(() =>
      ["affordable", "low"].includes(document.querySelector(".gen-bar .lc-generate:not(.lc-finish)")?.dataset.affordability),
    );
    await kim.page.waitForTimeout(300);
    const from = kim.requests.length;
    const answered = ari.page.waitForResponse((r) => r.url().endsWith("/generations") && r.request().method() === "POST");
    await bar.getByRole("button", { name: /^Generate/ }).click();
    assert((await answered).status() === 201, "Ari's generation was charged");
    const took = await until(kim.page, { balance: 80, verdict: "short" }, 1000, "Kim's page after Ari's spend");
    await kim.page.waitForTimeout(300);
    assert(since(kim, from).length === 0, `Kim's page sent ${JSON.stringify(since(kim, from))}`);
    console.log(`     Kim's page changed ${took} ms after Ari's answer`);
    if (shots) await kim.page.screenshot({ path: join(shots, "demo-live-kim.png") });
  });

  await check("a page left idle for two minutes still gets the next spend within a second, having sent nothing meanwhile", async () => {
    const left = IDLE_MS - (Date.now() - idleSince);
    if (left > 0) await idle.page.waitForTimeout(left);
    const before = await subscription(idle.page);
    assert(before.live === "live" && before.said === "Live", `after two idle minutes the page says ${JSON.stringify(before)}`);
    assert(since(idle, idleFrom).length === 0, `the idle page sent ${JSON.stringify(since(idle, idleFrom))}`);
    const balance = await spend(url, "tok_ent_owner", "ws_enterprise", 1);
    assert(balance === before.balance - 10, `the page showed ${before.balance} before a 10-credit spend left ${balance}`);
    await idle.page.waitForFunction(
      (n) => Number((document.querySelector(".lc-subscription__balance-value")?.innerText ?? "").replace(/\D/g, "")) === n,
      balance,
      { timeout: 1000 },
    );
    const polls = since(idle, idleFrom).filter((r) => r.includes("/balance") || r.includes("/events"));
    assert(polls.length === 0, `the update came by the open stream: ${JSON.stringify(since(idle, idleFrom))}`);
  });

  await check("the server restarts on the same port and file; Kim's page resumes with Last-Event-ID and shows every spend, with no reload", async () => {
    await until(kim.page, { live: "live", balance: 80 }, 5000, "Kim's page before the restart");
    const from = kim.requests.length;
    await stopServer(server);
    server = await restartOn(url);
    // Spent before Kim's page is back: only the resumed stream can bring it.
    assert((await spend(url, "tok_pro_admin", WS, 1)) === 70, "the pool had 80 before this spend");
    await until(kim.page, { live: "live", balance: 70 }, 15000, "Kim's page after the restart");
    await spend(url, "tok_pro_admin", WS, 1);
    await until(kim.page, { balance: 60 }, 1000, "Kim's page, live again");
    const sent = kim.requests.slice(from);
    const streams = sent.filter((r) => r.url.endsWith(`/${WS}/events`));
    assert(streams.length >= 1, `Kim's page reconnected: ${JSON.stringify(since(kim, from))}`);
    assert(
      streams.every((r) => /^\d+$/.test(r.headers["last-event-id"] ?? "")),
      `every reconnection resumes with Last-Event-ID: ${JSON.stringify(streams.map((r) => r.headers["last-event-id"]))}`,
    );
    const polls = sent.filter((r) => r.url.endsWith("/balance"));
    assert(polls.length === 0, `the balance came by the stream, not a poll: ${JSON.stringify(since(kim, from))}`);
    assert(!sent.some((r) => r.method === "GET" && r.url.endsWith("/")), "no reload");
  });

  for (const p of pages) assert(p.errors.length === 0, `script errors: ${p.errors.join("; ")}`);
} finally {
  for (const p of pages) await p.context.close();
  await stopServer(server);
}
finish();

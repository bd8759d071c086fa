// What a page leaves running: its API requests as playwright sees them, and
// its pending timers, counted by an init script that wraps setTimeout and
// setInterval before any of the page's own scripts run.

/// Records every request to `/api/` the page sends (all its loads): `mark()`
/// is where the log is now, `since(mark)` what came after, `open(pattern)`
/// the requests whose path matches and that have not finished or failed
/// (such as an event stream still read).
export function watchRequests(page) {
  const log = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/")) log.push({ request, method: request.method(), path: url.pathname, done: false });
  });
  const end = (request) => {
    const entry = log.find((e) => e.request === request);
    if (entry) entry.done = true;
  };
  page.on("requestfinished", end);
  page.on("requestfailed", end);
  const show = (entries) => entries.map((e) => `${e.method} ${e.path}`).join(", ") || "none";
  return {
    mark: () => log.length,
    since: (mark, method, pattern) =>
      log.slice(mark).filter((e) => (!method || e.method === method) && (!pattern || pattern.test(e.path))),
    open: (pattern) => log.filter((e) => !e.done && pattern.test(e.path)),
    show,
  };
}

/// Installs the timer count in every document `page` loads. In the page,
/// `window.__timers()` answers `{ total, fromWasm, baseline, stacks }`: the
/// timeouts not yet run or cleared plus the intervals not cleared; those of
/// them set from WebAssembly (a wasm frame in the stack that set them); how
/// many were pending when the first `credits-*` element was defined; and the
/// stacks of the wasm ones, for a failure message.
export function watchTimers(page) {
  return page.addInitScript(() => {
    Error.stackTraceLimit = 60;
    const pending = new Map();
    let baseline = null;
    const original = {
      setTimeout: window.setTimeout,
      setInterval: window.setInterval,
      clearTimeout: window.clearTimeout,
      clearInterval: window.clearInterval,
    };
    const note = (id, kind, ms) => {
      const stack = new Error().stack ?? "";
      const at = Math.round(performance.now());
      pending.set(id, { what: `${kind} of ${ms} ms set at ${at} ms`, fromWasm: /wasm-function/.test(stack), stack });
    };
    window.setTimeout = function (handler, ms, ...args) {
      if (typeof handler !== "function") return original.setTimeout.call(window, handler, ms, ...args);
      const id = original.setTimeout.call(window, (...a) => {
        pending.delete(id);
        handler(...a);
      }, ms, ...args);
      note(id, "timeout", ms);
      return id;
    };
    window.setInterval = function (handler, ms, ...args) {
      const id = original.setInterval.call(window, handler, ms, ...args);
      note(id, "interval", ms);
      return id;
    };
    window.clearTimeout = function (id) {
      pending.delete(id);
      return original.clearTimeout.call(window, id);
    };
    window.clearInterval = function (id) {
      pending.delete(id);
      return original.clearInterval.call(window, id);
    };
    const define = customElements.define;
    customElements.define = function (name, ...rest) {
      if (baseline === null && name.startsWith("credits-")) baseline = pending.size;
      return define.call(this, name, ...rest);
    };
    // The JS frames that name who set it (the wasm ones are only numbers).
    const frames = (stack) =>
      stack.split("\n").slice(3).filter((l) => !l.includes("wasm-function")).map((l) => l.trim().replace(/^at /, "")).join(" < ");
    window.__timers = () => {
      const wasm = [...pending.values()].filter((t) => t.fromWasm);
      return { total: pending.size, fromWasm: wasm.length, baseline, stacks: wasm.map((t) => `${t.what}, from ${frames(t.stack)}`) };
    };
  });
}

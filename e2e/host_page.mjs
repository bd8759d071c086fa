// Reading an example host of the JS package (examples/js-html, examples/js-react)
// from its DOM: the credits elements' painted costs, the host's event log
// (`#event-log`, one `<li data-type=TYPE>TYPE DETAIL-JSON</li>` per event), and
// the elements' error messages.
/// Every credits element.
const ELEMENTS = ["credits-provider", "credits-cost-badge", "credits-cost-estimator", "credits-generate-button",
  "credits-low-balance", "credits-subscription", "credits-usage-history", "credits-plans", "credits-out-of-credits"];

/// The elements that take an `action` property.
export const ACTION_ELEMENTS = "credits-cost-badge, credits-cost-estimator, credits-generate-button";

/// Polls `read` (async) until it answers something truthy; fails after `ms`
/// with `what` and the last answer.
export async function until(read, what, ms = 10000) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    last = await read();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`${what} (after ${ms} ms; last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/// Each `<credits-cost-badge>`'s painted number, or its `data-state` while it has none.
export const badges = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("credits-cost-badge")].map((el) => {
      const badge = el.querySelector(".lc-cost-badge");
      if (badge?.dataset.state !== "ready") return badge?.dataset.state ?? "no .lc-cost-badge";
      return Number((badge.querySelector(".lc-cost-badge__value")?.textContent ?? "").replace(/[^0-9]/g, ""));
    }),
  );

/// Waits until there are `n` badges and each shows `credits`.
export async function badgesShow(page, credits, n = 2) {
  await until(async () => {
    const now = await badges(page);
    return now.length === n && now.every((c) => c === credits) ? now : null;
  }, `the ${n} badges show the server's ${credits} credits: ${JSON.stringify(await badges(page))}`);
}

/// The host's event log so far: `[{ type, detail }]`, oldest first.
export const events = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#event-log li")].map((li) => ({
      type: li.dataset.type,
      detail: JSON.parse(li.textContent.slice(li.dataset.type.length + 1)),
    })),
  );

/// Waits for an event of `type` in the host's log whose detail satisfies `fits`.
export const waitEvent = (page, type, fits = () => true) =>
  until(async () => (await events(page)).find((e) => e.type === type && fits(e.detail)), `a ${type} event in the host's log`);

/// The visible `.lc-element-error` messages that belong to the first `tag`
/// element (not to a credits element inside it).
export const errorMessages = (page, tag) =>
  page.evaluate(
    ([tag, all]) => {
      const el = document.querySelector(tag);
      return [...(el?.querySelectorAll(".lc-element-error") ?? [])]
        .filter((p) => p.closest(all) === el && p.checkVisibility() && p.getAttribute("role") === "alert")
        .map((p) => p.textContent);
    },
    [tag, ELEMENTS.join(", ")],
  );

/// Deep equality of two JSON values, keys in any order.
export function sameJson(a, b) {
  const sort = (v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])]))
      : v;
  return JSON.stringify(sort(a)) === JSON.stringify(sort(b));
}

/// Where focus is: the tag of the credits element around `document.activeElement`.
export const focusedElement = (page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const owner = active?.closest("credits-generate-button, credits-provider");
    return owner ? owner.localName : `${active?.localName ?? "nothing"} outside the credits elements`;
  });

// axe-core (npm, pinned in package.json) over a page, for the e2e scripts.
import { createRequire } from "node:module";
import { assert } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/// Runs axe over the page; throws on serious or critical violations, prints
/// moderate ones, and counts both in `seen` ({ serious, moderate }).
export async function axeCheck(page, seen, state) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    }));
  });
  const describe = (v) =>
    `${v.id} (${v.impact}) in ${state}\n` +
    v.nodes.map((n) => `  at ${n.target}\n    ${String(n.summary).split("\n").join("\n    ")}`).join("\n");
  const bad = found.filter((v) => v.impact === "serious" || v.impact === "critical");
  const moderate = found.filter((v) => v.impact === "moderate");
  seen.serious += bad.length;
  seen.moderate += moderate.length;
  for (const v of moderate) console.log(`     moderate: ${describe(v).split("\n").join("\n     ")}`);
  assert(bad.length === 0, bad.map(describe).join("\n"));
}

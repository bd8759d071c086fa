// Type-checked against the generated pkg/index.d.ts by `cargo xtask test`
// (step js-hosts): what a TypeScript host writes must compile, and the
// mistakes marked @ts-expect-error must not.
import { defineCreditsElements, type CreditAction } from "../../../pkg/index.js";

await defineCreditsElements();

const action: CreditAction = { action: "image.generate", quality: "high", count: 4, width: 1024, height: 1024 };
const badge = document.querySelector("credits-cost-badge");
if (badge) badge.action = action;

// @ts-expect-error: quality is draft, standard or high
const ultra: CreditAction = { action: "image.generate", quality: "ultra", count: 4, width: 1024, height: 1024 };
void ultra;

const estimator = document.createElement("credits-cost-estimator");
estimator.addEventListener("credits-pick", (e) => {
  estimator.action = e.detail.action;
});
estimator.addEventListener("credits-short", (e) => {
  const short: number = e.detail.shortfall;
  e.preventDefault();
  void short;
});

const button = document.createElement("credits-generate-button");
button.hideCost = true;
button.label = "Create";
button.addEventListener("credits-refused", (e) => {
  const fit = e.detail.affordability;
  const why: string = fit.kind === "short" ? `${fit.shortfall} short` : `needs ${fit.requiredPlan}`;
  void why;
});
// @ts-expect-error: hideCost is a boolean
button.hideCost = "yes";

const provider = document.createElement("credits-provider");
provider.baseUrl = "/api";
provider.workspace = "ws_pro_team";
provider.token = "tok_pro_admin";
provider.text = { generate: "Erzeugen", credits: { one: "{n} Credit", other: "{n} Credits" }, subscription: { title: "Abo" } };
provider.addEventListener("credits-error", (e) => console.warn(e.detail.property, e.detail.message));
// @ts-expect-error: words are strings
provider.text = { generate: 5 };

const banner = document.createElement("credits-low-balance");
banner.nextCost = 16;
const plans = document.createElement("credits-plans");
plans.addEventListener("credits-upgrade", (e) => {
  const plan: string = e.detail.plan;
  void plan;
});

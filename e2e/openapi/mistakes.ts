// Mistakes a host could make with the generated `credits-api` types, each a
// type error the document must keep catching: `tsc --noEmit` (`cargo xtask
// test`, step `openapi`) fails with TS2578 on an `@ts-expect-error` whose
// line stopped being an error. One mistake per line.
import type { components, operations } from "credits-api";

type Schemas = components["schemas"];
type Action = Schemas["Action"];

// A setting on the wrong action: each action takes only its own settings.
// @ts-expect-error `steps` is model.train's
export const viewWithSteps: Action = { action: "asset.view", steps: 100 };
// @ts-expect-error `count` is the other edits', not edit.upscale's
export const upscaleWithCount: Action = { action: "edit.upscale", factor: 2, count: 3 };
// @ts-expect-error `resolution` is video.generate's
export const imageWithResolution: Action = { action: "image.generate", quality: "draft", count: 1, width: 512, height: 512, resolution: "720p" };
// @ts-expect-error no such action
export const teleport: Action = { action: "image.teleport" };

// A missing required field.
// @ts-expect-error model.train needs `steps`
export const trainWithoutSteps: Action = { action: "model.train", images: 10 };
// @ts-expect-error image.generate needs `quality`
export const imageWithoutQuality: Action = { action: "image.generate", count: 1, width: 512, height: 512 };
// @ts-expect-error a top-up needs `credits`
export const topUpWithoutCredits: Schemas["TopUpRequest"] = {};
// @ts-expect-error a quote request needs `items`
export const quotesWithoutItems: Schemas["QuoteRequest"] = { actions: [] };
// @ts-expect-error a generation needs its Idempotency-Key
export const spendWithoutKey: operations["createGeneration"]["parameters"]["header"] = {};

// A wrong value where the set is closed (what a request may send).
// @ts-expect-error qualities are draft, standard, high
export const ultra: Action = { action: "image.generate", quality: "ultra", count: 1, width: 512, height: 512 };
// @ts-expect-error resolutions are 480p, 720p, 1080p
export const fourK: Action = { action: "video.generate", quality: "draft", duration_s: 5, resolution: "4k" };
// @ts-expect-error factors are 2 and 4
export const triple: Action = { action: "edit.upscale", factor: 3 };
// @ts-expect-error a plan change names a plan the server sells
export const gold: Schemas["PlanChangeRequest"] = { plan: "gold" };
// @ts-expect-error a renewal or payment fix takes no settings
export const renewForce: Schemas["EmptyRequest"] = { force: true };

// A wrong type.
// @ts-expect-error counts are numbers
export const countAsText: Action = { action: "edit.inpaint", count: "2" };

// Reading an answer as if it could not be otherwise.
export function misreadQuote(quote: Schemas["QuoteResponse"]) {
  // @ts-expect-error an item may be `{error}` in its slot
  return quote.items.map((item) => item.credits);
}
export function misreadLine(line: Schemas["BreakdownLine"]) {
  // @ts-expect-error `count` comes only with the kinds that count something
  const count: number = line.count;
  return count;
}
export function misreadRefusal(refusal: Schemas["InsufficientCredits"]) {
  // @ts-expect-error `resets_at` is null when no cycle is ahead
  const resets: string = refusal.resets_at;
  return resets;
}

// An enumeration that may grow cannot be handled exhaustively: a value
// this host does not know yet is still possible after every known case.
export function statusWord(status: Schemas["BalanceResponse"]["status"]): string {
  switch (status) {
    case "free":
    case "trialing":
    case "active":
    case "past_due":
    case "expired":
    case "canceled":
      return status;
  }
  // @ts-expect-error `status` is not `never` here
  const unreachable: never = status;
  return unreachable;
}

// A host's calls of every operation of the contract, typed by `credits-api`:
// the types openapi-typescript generates from docs/openapi.yaml
// (e2e/openapi/generate.mjs). `cargo xtask test`, step `openapi`,
// type-checks this file with `tsc --noEmit`; it is never run.
import type { components, operations } from "credits-api";

type Schemas = components["schemas"];
type Op = keyof operations;
type Params<K extends Op> = operations[K]["parameters"];
type Body<K extends Op> = operations[K] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;
/** The body of answer `S` of operation `K` (JSON or problem+json). */
type Answer<K extends Op, S extends keyof operations[K]["responses"]> =
  operations[K]["responses"][S] extends { content: infer C } ? C[keyof C] : never;

/** The known values of an enumeration that may grow: `(string & {})` left out. */
type Known<T> = T extends string ? (string extends T ? never : T) : never;

const API = "/api";

async function send(method: "GET" | "POST", path: string, headers: Record<string, string>, body?: unknown) {
  const init: RequestInit = { method, headers: { ...headers, "Content-Type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return fetch(`${API}${path}`, init);
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const ws = (path: Params<"getBalance">["path"]) => `/v1/workspaces/${encodeURIComponent(path.workspace)}`;

export async function listPlans(): Promise<Answer<"listPlans", 200>> {
  return (await send("GET", "/v1/plans", {})).json();
}

export async function getBalance(
  path: Params<"getBalance">["path"],
  token: string,
  etag?: string,
): Promise<Answer<"getBalance", 200> | "unchanged"> {
  const r = await send("GET", `${ws(path)}/balance`, etag ? { ...bearer(token), "If-None-Match": etag } : bearer(token));
  return r.status === 304 ? "unchanged" : r.json();
}

export async function createQuotes(path: Params<"createQuotes">["path"], token: string, body: Body<"createQuotes">) {
  const r = await send("POST", `${ws(path)}/quotes`, bearer(token), body);
  return (await r.json()) as Answer<"createQuotes", 200>;
}

export async function listUsage(path: Params<"listUsage">["path"], token: string, query: NonNullable<Params<"listUsage">["query"]>) {
  const q = new URLSearchParams();
  if (query.limit !== undefined) q.set("limit", String(query.limit));
  if (query.cursor !== undefined) q.set("cursor", query.cursor);
  if (query.member !== undefined) q.set("member", query.member);
  if (query.status !== undefined) q.set("status", query.status.join(","));
  return (await (await send("GET", `${ws(path)}/usage?${q}`, bearer(token))).json()) as Answer<"listUsage", 200>;
}

type Spend =
  | { status: 201; spent: Answer<"createGeneration", 201> }
  | { status: 402; refusal: Answer<"createGeneration", 402> }
  | { status: 403; refusal: Answer<"createGeneration", 403> };

export async function createGeneration(
  path: Params<"createGeneration">["path"],
  token: string,
  header: Params<"createGeneration">["header"],
  body: Body<"createGeneration">,
): Promise<Spend> {
  const r = await send("POST", `${ws(path)}/generations`, { ...bearer(token), ...header }, body);
  if (r.status === 201) return { status: 201, spent: await r.json() };
  if (r.status === 402 || r.status === 403) return { status: r.status, refusal: await r.json() };
  throw new Error(`generation refused: ${r.status}`);
}

/**
 * The balance stream (`text/event-stream`): its 200 is typed as one event
 * (`BalanceEvent`), whose `data` is a `BalanceResponse` in JSON. The host reads
 * it with `fetch` (the token in a header, which `EventSource` cannot send) and
 * splits the events itself.
 */
export async function streamBalance(
  path: Params<"streamBalance">["path"],
  token: string,
  header: Params<"streamBalance">["header"],
  onBalance: (id: string, balance: Schemas["BalanceResponse"]) => void,
): Promise<void> {
  const r = await send("GET", `${ws(path)}/events`, { ...bearer(token), ...header });
  const reader = r.body?.getReader();
  if (!r.ok || !reader) throw new Error(`stream refused: ${r.status}`);
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = text.indexOf("\n\n")) >= 0) {
      const fields = new Map(text.slice(0, end).split("\n").map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
      text = text.slice(end + 2);
      const data = fields.get("data");
      if (data === undefined) continue;
      const event: Answer<"streamBalance", 200> = { id: fields.get("id") ?? "", event: fields.get("event") ?? "", data };
      if (event.event === "balance") onBalance(event.id, JSON.parse(event.data) as Schemas["BalanceResponse"]);
    }
  }
}

/** The checkout stand-ins share one shape: a key, a body, a purchase. */
type Checkout = "buyTopUp" | "changePlan" | "renewSubscription" | "fixPaymentMethod";
const CHECKOUT_PATHS: Record<Checkout, string> = {
  buyTopUp: "top-ups",
  changePlan: "plan",
  renewSubscription: "renewal",
  fixPaymentMethod: "payment-method",
};

export async function checkOut<K extends Checkout>(
  op: K,
  path: Params<K>["path"],
  token: string,
  header: Params<K>["header"],
  body: Body<K>,
): Promise<Answer<K, 201>> {
  const r = await send("POST", `${ws(path)}/${CHECKOUT_PATHS[op]}`, { ...bearer(token), ...header }, body);
  return r.json();
}

/** A member asks the owners and admins; the answer names them. 429 says when to try again. */
export async function askForCredits(
  path: Params<"askForCredits">["path"],
  token: string,
  header: Params<"askForCredits">["header"],
  body: Body<"askForCredits">,
): Promise<{ asked: Answer<"askForCredits", 201> } | { retryAfter: number }> {
  const r = await send("POST", `${ws(path)}/requests`, { ...bearer(token), ...header }, body);
  if (r.status === 429) return { retryAfter: Number(r.headers.get("Retry-After") ?? "60") };
  return { asked: await r.json() };
}

export async function listCreditRequests(path: Params<"listCreditRequests">["path"], token: string) {
  return (await (await send("GET", `${ws(path)}/requests`, bearer(token))).json()) as Answer<"listCreditRequests", 200>;
}

export async function declineCreditRequest(
  path: Params<"declineCreditRequest">["path"],
  token: string,
  header: Params<"declineCreditRequest">["header"],
  body: Body<"declineCreditRequest">,
): Promise<Answer<"declineCreditRequest", 200>> {
  const at = `${ws(path)}/requests/${encodeURIComponent(path.id)}/decline`;
  return (await send("POST", at, { ...bearer(token), ...header }, body)).json();
}

const STATUS_WORDS: Record<Known<Schemas["BalanceResponse"]["status"]>, string> = {
  free: "Free",
  trialing: "Trial",
  active: "Active",
  past_due: "Payment due",
  expired: "Expired",
  canceled: "Canceled",
};

/** A status this host does not know yet reads "Unknown" instead of failing. */
export function statusWord(status: Schemas["BalanceResponse"]["status"]): string {
  return status in STATUS_WORDS ? STATUS_WORDS[status as Known<typeof status>] : "Unknown";
}
const later: Schemas["BalanceResponse"]["status"] = "paused";

type Line = Schemas["BreakdownLine"];
/** A host's own words for each kind of breakdown line, from the line's numbers (here German). */
const LINE_WORDS: Record<Known<Line["kind"]>, (line: Line) => string> = {
  per_image: (l) => `${l.count} Bilder × ${l.unit} Credits`,
  per_second: (l) => `${l.count} s × ${l.unit} Credits (${l.resolution})`,
  per_edit: (l) => `${l.count} Bilder × ${l.unit} Credits (${l.tool})`,
  upscale: (l) => `Hochskalieren ${l.factor}×`,
  training_setup: () => "Einrichtung des Trainings",
  training_steps: (l) => `${l.images} Bilder × ${l.steps} Schritte`,
};

/** A kind this host does not know yet shows the server's English `label`. */
export function lineWords(line: Line): string {
  return line.kind in LINE_WORDS ? LINE_WORDS[line.kind as Known<Line["kind"]>](line) : line.label;
}
const newerLine: Line = { label: "Priority queue", credits: 5, kind: "priority" };

export async function host(token: string) {
  const workspace = { workspace: "ws_pro_team" };
  const { plans } = await listPlans();
  const cheapest = plans[0]?.price?.amount_minor ?? 0;
  const balance = await getBalance(workspace, token);
  const word = balance === "unchanged" ? "" : statusWord(balance.status);
  const quotes = await createQuotes(workspace, token, {
    items: [
      { action: "image.generate", quality: "draft", count: 4, width: 1024, height: 1024 },
      { action: "video.generate", quality: "high", duration_s: 5, resolution: "720p", model: null },
      { action: "edit.upscale", factor: 4 },
      { action: "edit.inpaint" },
      { action: "model.train", images: 20, steps: 1000 },
      { action: "asset.view" },
    ],
  });
  const costs = quotes.items.map((item) => ("error" in item ? item.error.code : item.credits));
  const lines = quotes.items.flatMap((item) => ("error" in item ? [] : item.breakdown.map(lineWords)));
  const page = await listUsage(workspace, token, { limit: 20 });
  const next = page.next_cursor === null ? null : await listUsage(workspace, token, { cursor: page.next_cursor });
  const failed = await listUsage(workspace, token, { member: "u_lea", status: ["failed", "refunded"], limit: 5 });
  const failedTotals = `${failed.totals.count} generations, ${failed.totals.credits} credits`;
  const moreFailed =
    failed.next_cursor === null
      ? null
      : await listUsage(workspace, token, { member: "u_lea", status: ["failed", "refunded"], cursor: failed.next_cursor });
  const key = { "Idempotency-Key": crypto.randomUUID() };
  const spend = await createGeneration(workspace, token, key, { action: "edit.relight", count: 2 });
  const shortBy = spend.status === 402 ? spend.refusal.needed - spend.refusal.balance : 0;
  const unlock = spend.status === 403 ? spend.refusal.required_plan : null;
  const topUp = await checkOut("buyTopUp", workspace, token, key, { credits: 500 });
  await checkOut("changePlan", workspace, token, key, { plan: "pro" });
  await checkOut("renewSubscription", workspace, token, key, {});
  await checkOut("fixPaymentMethod", workspace, token, key, {});
  let live = 0;
  await streamBalance(workspace, token, { "Last-Event-ID": "0" }, (_, b) => (live = b.balance));
  const asked = await askForCredits(workspace, token, key, { credits: 500, message: "for the launch" });
  const sentTo = "asked" in asked ? asked.asked.admins.map((a) => a.name).join(" and ") : "";
  const { items, pending } = await listCreditRequests(workspace, token);
  const first = items[0];
  if (first?.status === "pending" && first.credits !== undefined) {
    await checkOut("buyTopUp", workspace, token, key, { credits: first.credits, request: first.id });
  } else if (first !== undefined) {
    const declined = await declineCreditRequest({ ...workspace, id: first.id }, token, key, { note: "next month" });
    void declined.note;
  }
  return { cheapest, word, costs, lines, newerLine, next, shortBy, unlock, left: topUp.balance, later, live, sentTo, pending, failedTotals, moreFailed };
}

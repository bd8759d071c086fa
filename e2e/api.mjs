// The reference API from node, as one member: what the e2e scripts compare
// pages with, and how they change a workspace behind a page's back.
import { randomUUID } from "node:crypto";

/// `method` on `/api/v1/workspaces/{who.workspace}/{path}` with `who.token`;
/// the answer's JSON, or an error naming the status and body.
export async function api(base, who, method, path, body, headers = {}) {
  const response = await fetch(new URL(`api/v1/workspaces/${who.workspace}/${path}`, base), {
    method,
    headers: { authorization: `Bearer ${who.token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/// The server's price of `action` in credits (POST .../quotes).
export async function quoteCredits(base, who, action) {
  const answer = await api(base, who, "POST", "quotes", { items: [action] });
  const credits = answer.items[0]?.credits;
  if (typeof credits !== "number") throw new Error(`no credits in the quote: ${JSON.stringify(answer)}`);
  return credits;
}

/// Spends `action` (POST .../generations with a new Idempotency-Key); the answer.
export const spend = (base, who, action) =>
  api(base, who, "POST", "generations", action, { "idempotency-key": randomUUID() });

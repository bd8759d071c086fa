// TypeScript types for hosts, generated from the contract with
// openapi-typescript (npm, pinned in package.json), as a host would generate
// its client: `cargo xtask test`, step `openapi`, then type-checks
// sample-host.ts and mistakes.ts against them.
//
//   node e2e/openapi/generate.mjs docs/openapi.yaml OUT.d.ts
//
// The one option besides the defaults is `postTransform: openEnums`: an
// enumeration that may gain values is written in the document as
// `anyOf: [{type: string, enum: [known]}, {type: string}]`, which
// openapi-typescript turns into `"a" | "b" | string`, and TypeScript
// collapses that to plain `string`, losing the known values. Written
// `"a" | "b" | (string & {})` instead, it still accepts any string, but
// editors offer the known values and `Exclude`/`Record` over them work.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node e2e/openapi/generate.mjs OPENAPI.yaml OUT.d.ts");
  process.exit(2);
}

/** The members of a union, nested (and parenthesized) unions flattened. */
function members(type) {
  if (ts.isParenthesizedTypeNode(type)) {
    return members(type.type);
  }
  return ts.isUnionTypeNode(type) ? type.types.flatMap(members) : [type];
}

// openapi-typescript writes a string literal type as an identifier `"a"`.
const isStringLiteral = (t) =>
  (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) ||
  (ts.isIdentifier(t) && t.text.startsWith('"'));
const isString = (t) => t.kind === ts.SyntaxKind.StringKeyword;

/** `"a" | "b" | string` -> `"a" | "b" | (string & {})`; anything else unchanged. */
export function openEnums(type) {
  const all = members(type);
  if (!all.some(isString) || !all.some(isStringLiteral)) {
    return undefined;
  }
  const openString = ts.factory.createIntersectionTypeNode([
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
    ts.factory.createTypeLiteralNode([]),
  ]);
  return ts.factory.createUnionTypeNode(all.map((t) => (isString(t) ? openString : t)));
}

const ast = await openapiTS(pathToFileURL(input), { postTransform: openEnums, silent: true });
writeFileSync(output, COMMENT_HEADER + astToString(ast));
console.log(`generated ${output} from ${input}`);

/**
 * Loads and prepares the OpenAPI document that the stand-in routes and validates against.
 */
import { createRequire } from "node:module";

/** An HTTP method as it keys an OpenAPI path item. */
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The corrected document that `@autoenhance/api-types` ships as `./openapi.json`.
 *
 * It is resolved at run time, through Node's resolver, from the installed types package, so the
 * stand-in always follows the document the types were generated from. `import.meta.url` exists in
 * both builds: natively in ESM and through tsup's shim in CJS.
 */
export function loadDefaultDocument(): JsonObject {
  const require = createRequire(import.meta.url);
  return require("@autoenhance/api-types/openapi.json") as JsonObject;
}

/** Calls `visit` on every object in a JSON value, depth first. */
function walk(value: unknown, visit: (node: JsonObject) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (isObject(value)) {
    visit(value);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

/**
 * Returns a private copy of `document` that openapi-backend can use:
 *
 * - a deep copy, because dereferencing rewrites the document in place and the default document is
 *   shared with every other user of the module cache;
 * - only local `$ref`s (`#/...`) are accepted, so loading never reads a file or the network;
 * - an operation without an `operationId` gets a stable synthetic one (`post_v3_images_id_process`),
 *   because openapi-backend cannot validate a request for an operation that has none.
 */
export function prepareDocument(document: object): JsonObject {
  if (!isObject(document)) {
    throw new TypeError("The OpenAPI document must be an object.");
  }
  const copy = structuredClone(document);

  walk(copy, (node) => {
    const ref = node["$ref"];
    if (typeof ref === "string" && !ref.startsWith("#")) {
      throw new Error(`The stand-in only resolves local $refs, not ${JSON.stringify(ref)}.`);
    }
  });

  const paths = isObject(copy["paths"]) ? copy["paths"] : {};
  const taken = new Set<string>();
  const unnamed: Array<{ operation: JsonObject; method: string; path: string }> = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      if (typeof operation["operationId"] === "string") taken.add(operation["operationId"]);
      else unnamed.push({ operation, method, path });
    }
  }
  for (const { operation, method, path } of unnamed) {
    const base = `${method}_${path}`.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+$/, "");
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
    taken.add(id);
    operation["operationId"] = id;
  }
  return copy;
}

/** Every `format` the document's schemas use, so that each can be given a validator. */
export function collectFormats(document: JsonObject): Set<string> {
  const formats = new Set<string>();
  walk(document, (node) => {
    if (typeof node["format"] === "string") formats.add(node["format"]);
  });
  return formats;
}

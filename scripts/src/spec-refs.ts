/**
 * `$ref` handling for the spec diff: following local references, and working out which
 * operations reach each component schema, on which side of the exchange.
 */
import { asObject, isObject, type JsonObject } from "./spec-change.js";

/** The HTTP methods a path item may hold, in the order reports list them. */
export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const SCHEMA_PREFIX = "#/components/schemas/";

/**
 * The component schema a node points at, if it is a `$ref` to one.
 *
 * @param node - Any schema node.
 * @returns The name in `components.schemas`, or undefined.
 */
export function schemaRefName(node: unknown): string | undefined {
  const ref = isObject(node) ? node.$ref : undefined;
  if (typeof ref !== "string" || !ref.startsWith(SCHEMA_PREFIX)) return undefined;
  return unescapePointer(ref.slice(SCHEMA_PREFIX.length));
}

function unescapePointer(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Follows a node's local `$ref` chain (parameters, request bodies, responses, schemas).
 *
 * The snapshot has passed validation, so every local reference resolves; a chain that loops or
 * leaves the document yields an empty object rather than hanging the diff.
 *
 * @param doc - The document the node belongs to.
 * @param node - Any node.
 * @returns The node the references end at.
 */
export function deref(doc: JsonObject, node: unknown): JsonObject {
  let current: unknown = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops += 1) {
    const ref = current.$ref;
    if (hops > 32 || !ref.startsWith("#/")) return {};
    current = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((at, token) => asObject(at)[unescapePointer(token)], doc);
  }
  return asObject(current);
}

/** Which operations use a component schema, per side. */
export interface SchemaUsage {
  request: Set<string>;
  response: Set<string>;
}

/** One operation of a document, with the label reports use for it. */
export interface OperationEntry {
  /** `GET /v3/orders/{id}`. */
  label: string;
  path: string;
  method: string;
  operation: JsonObject;
  pathItem: JsonObject;
}

/**
 * Lists a document's operations.
 *
 * @param doc - An OpenAPI 3 document.
 * @returns One entry per method of every path item, keyed by label.
 */
export function operationsOf(doc: JsonObject): Map<string, OperationEntry> {
  const result = new Map<string, OperationEntry>();
  for (const [path, rawItem] of Object.entries(asObject(doc.paths))) {
    const pathItem = deref(doc, rawItem);
    for (const method of METHODS) {
      if (!isObject(pathItem[method])) continue;
      const label = `${method.toUpperCase()} ${path}`;
      result.set(label, { label, path, method, operation: pathItem[method], pathItem });
    }
  }
  return result;
}

/**
 * Maps every component schema to the operations that reach it, directly or through other
 * schemas, in their requests (parameters, bodies) and responses.
 *
 * @param docs - The old and the new document: a change is attributed to an operation that
 *   uses the schema in either of them.
 * @returns Usage per schema name; schemas no operation reaches are absent.
 */
export function schemaUsage(...docs: JsonObject[]): Map<string, SchemaUsage> {
  const usage = new Map<string, SchemaUsage>();
  for (const doc of docs) {
    for (const entry of operationsOf(doc).values()) {
      const { operation, pathItem, label } = entry;
      const requestRoots = [pathItem.parameters, operation.parameters, operation.requestBody];
      for (const name of reachableSchemas(doc, requestRoots)) {
        usageOf(usage, name).request.add(label);
      }
      for (const name of reachableSchemas(doc, [operation.responses])) {
        usageOf(usage, name).response.add(label);
      }
    }
  }
  return usage;
}

function usageOf(usage: Map<string, SchemaUsage>, name: string): SchemaUsage {
  let entry = usage.get(name);
  if (!entry) {
    entry = { request: new Set(), response: new Set() };
    usage.set(name, entry);
  }
  return entry;
}

/** Walks the nodes, following every local `$ref`, and collects the component schemas met. */
function reachableSchemas(doc: JsonObject, roots: unknown[]): Set<string> {
  const found = new Set<string>();
  const visitedRefs = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (isObject(node)) {
      const ref = node.$ref;
      if (typeof ref === "string") {
        if (visitedRefs.has(ref)) continue;
        visitedRefs.add(ref);
        const name = schemaRefName(node);
        if (name !== undefined) found.add(name);
        stack.push(deref(doc, node));
      } else {
        stack.push(...Object.values(node));
      }
    }
  }
  return found;
}

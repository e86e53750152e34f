/**
 * The spec diff: every change between two OpenAPI documents, judged from the point of view of a
 * client built against the old one, and the release that calls for.
 *
 * Why not a library: openapi-diff 0.24.1 (the maintained npm engine that installs here) misses
 * response enum widening, nullability and security changes, calls every added response field
 * breaking, and reports only "request/response body scope" rather than which field changed. The
 * rules this project needs are small enough to own; they live in classify.ts.
 */
import { bumpFor, type Bump, type Direction } from "./classify.js";
import { diffOperation, diffSecuritySchemes } from "./diff-operation.js";
import { diffSchema } from "./diff-schema.js";
import { normaliseDocument } from "./normalise.js";
import { asObject, ChangeSink, same, show, type Change, type JsonObject } from "./spec-change.js";
import { operationsOf, schemaUsage } from "./spec-refs.js";

/**
 * The outcome of {@link diffSpecs}.
 */
export interface SpecDiff {
  /** `info.version` of the old and the new document. */
  oldVersion: string;
  newVersion: string;
  /** Breaking changes first, then non-breaking, then documentation; each group by subject. */
  changes: Change[];
  /** What `@autoenhance/api-types` needs; undefined when the documents are the same. */
  bump: Bump | undefined;
  /** What `@autoenhance/client` needs: the bump of the changes it can see. */
  clientBump: Bump | undefined;
}

type Side = Exclude<Direction, "none">;

/**
 * Compares two OpenAPI 3 documents.
 *
 * A change inside a component schema is reported once, under the schema's own name, with every
 * operation that reaches it (through any chain of `$ref`s) listed as affected; a schema used by
 * both requests and responses is judged once per side, since a wider enum helps one and breaks
 * the other.
 *
 * @param oldDoc - The committed document.
 * @param newDoc - The freshly pulled one.
 * @returns The judged changes and the bumps they call for.
 */
export function diffSpecs(oldDoc: unknown, newDoc: unknown): SpecDiff {
  const a = asObject(oldDoc);
  const b = asObject(newDoc);
  const sink = new ChangeSink();
  const usage = schemaUsage(a, b);
  const queue: Array<[string, Side]> = [];
  const queued = new Set<string>();
  const onSharedRef = (name: string, side: Side) => {
    if (queued.has(`${name} ${side}`)) return;
    queued.add(`${name} ${side}`);
    queue.push([name, side]);
  };
  const ctx = { oldDoc: a, newDoc: b, sink, onSharedRef };
  const oldOps = operationsOf(a);
  const newOps = operationsOf(b);
  const isCommon = (label: string) => oldOps.has(label) && newOps.has(label);

  diffTopLevel(a, b, sink);
  for (const label of [...new Set([...oldOps.keys(), ...newOps.keys()])].sort()) {
    const before = oldOps.get(label);
    const after = newOps.get(label);
    const id = (after ?? before)?.operation.operationId;
    const named = id === undefined ? "" : ` (${String(id)})`;
    if (!before) sink.add("added", "none", label, `operation added${named}`, [label]);
    else if (!after) sink.add("removed", "none", label, `operation removed${named}`, [label]);
    else diffOperation(before, after, ctx);
  }
  diffSecuritySchemes(
    asObject(asObject(a.components).securitySchemes),
    asObject(asObject(b.components).securitySchemes),
    sink,
  );

  const oldSchemas = asObject(asObject(a.components).schemas);
  const newSchemas = asObject(asObject(b.components).schemas);
  const compare = (name: string, side: Side) => {
    const users = usage.get(name);
    // Only operations in both documents can be affected; new and removed ones say so already.
    const operations = side === "both" ? [] : [...(users?.[side] ?? [])].filter(isCommon);
    const schemaCtx = { ...ctx, direction: side, operations };
    diffSchema(oldSchemas[name], newSchemas[name], name, schemaCtx);
  };
  const drain = () => {
    for (let next = queue.shift(); next; next = queue.shift()) compare(...next);
  };
  drain();
  // Schemas no shared `$ref` led to: unused ones, and ones only a removed operation used.
  // They are public types all the same.
  const reached = (name: string) =>
    ["request", "response", "both"].some((side) => queued.has(`${name} ${side}`));
  for (const name of [
    ...new Set([...Object.keys(oldSchemas), ...Object.keys(newSchemas)]),
  ].sort()) {
    if (!(name in newSchemas)) {
      sink.add("removed", "none", name, "schema removed");
    } else if (!(name in oldSchemas)) {
      sink.add("added", "none", name, "schema added");
    } else if (!reached(name) && !same(oldSchemas[name], newSchemas[name])) {
      const users = usage.get(name);
      const sides: Side[] = [];
      if (users?.request.size) sides.push("request");
      if (users?.response.size) sides.push("response");
      for (const side of sides.length > 0 ? sides : (["both"] as const)) onSharedRef(name, side);
      drain();
    }
  }

  let changes = merge(sink.changes);
  if (changes.length === 0 && normaliseDocument(a) !== normaliseDocument(b)) {
    // Belt and braces: a difference this diff does not look at still deserves a release note.
    sink.add("docs", "none", "document", "changed outside the parts this diff compares");
    changes = sink.changes;
  }
  return {
    oldVersion: String(asObject(a.info).version),
    newVersion: String(asObject(b.info).version),
    changes,
    bump: bumpFor(changes.map((c) => c.severity)),
    clientBump: bumpFor(changes.filter((c) => c.touchesClient).map((c) => c.severity)),
  };
}

/** `info`, `servers` and `tags`: none of them changes a type, but the version is pinned. */
function diffTopLevel(a: JsonObject, b: JsonObject, sink: ChangeSink): void {
  const oldInfo = asObject(a.info);
  const newInfo = asObject(b.info);
  if (!same(oldInfo.version, newInfo.version)) {
    // The client sends `specVersion` as its default API version.
    const detail = `changed from ${show(oldInfo.version)} to ${show(newInfo.version)}`;
    sink.add("docs", "none", "info.version", detail, [], true);
  }
  for (const key of Object.keys({ ...oldInfo, ...newInfo }).sort()) {
    if (key !== "version" && !same(oldInfo[key], newInfo[key])) {
      sink.add("docs", "none", `info.${key}`, "changed", [], false);
    }
  }
  for (const key of ["servers", "tags", "externalDocs"]) {
    if (!same(a[key], b[key])) sink.add("docs", "none", key, "changed", [], false);
  }
}

const RANK = { breaking: 0, "non-breaking": 1, docs: 2 };

/**
 * Folds duplicates together: the same finding on both sides of one schema (a description, say)
 * is one line, and keeps its users from both.
 */
function merge(changes: Change[]): Change[] {
  const byKey = new Map<string, Change>();
  for (const change of changes) {
    const key = `${change.severity}\n${change.subject}\n${change.detail}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...change, operations: [...change.operations] });
      continue;
    }
    if (seen.direction !== change.direction) seen.direction = "both";
    seen.operations = [...new Set([...seen.operations, ...change.operations])].sort();
    seen.touchesClient ||= change.touchesClient;
  }
  return [...byKey.values()].sort(
    (x, y) =>
      RANK[x.severity] - RANK[y.severity] ||
      x.subject.localeCompare(y.subject, "en") ||
      x.detail.localeCompare(y.detail, "en"),
  );
}

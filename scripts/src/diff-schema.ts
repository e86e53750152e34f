/**
 * Compares two JSON Schema nodes (OpenAPI 3.0 or 3.1 flavour) and reports each difference as a
 * widening, a narrowing, an addition, and so on. Whether that breaks anyone depends on the side
 * of the exchange, which the caller passes in and classify.ts decides on.
 */
import type { ChangeKind, Direction } from "./classify.js";
import {
  asObject,
  canonical,
  isObject,
  same,
  show,
  unionKeys,
  type ChangeSink,
  type JsonObject,
} from "./spec-change.js";
import { deref, schemaRefName } from "./spec-refs.js";
import { diffValues, VALUE_KEYWORDS } from "./diff-values.js";

/** What a schema comparison needs to know about where it is. */
export interface SchemaContext {
  oldDoc: JsonObject;
  newDoc: JsonObject;
  direction: Exclude<Direction, "none">;
  /** The operations that reach this schema, attached to every change found in it. */
  operations: readonly string[];
  sink: ChangeSink;
  /**
   * Called instead of descending when both sides `$ref` the same component schema: the
   * component is compared once on its own and its changes are attributed to all its users,
   * rather than repeated under every operation.
   */
  onSharedRef: (name: string, direction: Exclude<Direction, "none">) => void;
}

/** Keywords that change what the docs say, not what is sent or received. */
const DOC_KEYWORDS = new Set(["description", "title", "example", "examples", "externalDocs"]);

/** Keywords this file compares; any other keyword that changes is reported as not understood. */
const HANDLED = new Set([
  "$ref",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "default",
  ...VALUE_KEYWORDS,
  ...DOC_KEYWORDS,
]);

/**
 * Compares one schema node of the old document with its counterpart in the new one.
 *
 * @param before - The old node (absent means "anything").
 * @param after - The new node.
 * @param path - How reports name this node, e.g. `OrderOut.status`.
 * @param ctx - Documents, side, and where to report.
 * @param following - `$ref` pairs already being compared further up, so cycles terminate.
 */
export function diffSchema(
  before: unknown,
  after: unknown,
  path: string,
  ctx: SchemaContext,
  following: ReadonlySet<string> = new Set(),
): void {
  const emit = (kind: ChangeKind, detail: string, at = path) =>
    ctx.sink.add(kind, ctx.direction, at, detail, ctx.operations);
  const oldRef = schemaRefName(before);
  const newRef = schemaRefName(after);
  if (oldRef !== undefined && oldRef === newRef) {
    ctx.onSharedRef(oldRef, ctx.direction);
    return;
  }
  if (oldRef !== undefined || newRef !== undefined) {
    // Different targets, or a ref on one side only: compare what they point at, in place.
    const pair = `${oldRef ?? ""}>${newRef ?? ""}`;
    if (following.has(pair)) return;
    if (oldRef !== undefined && newRef !== undefined) {
      emit("docs", `now refers to ${newRef} instead of ${oldRef}`);
    }
    const next = new Set(following).add(pair);
    diffSchema(deref(ctx.oldDoc, before), deref(ctx.newDoc, after), path, ctx, next);
    return;
  }
  const a = asObject(before);
  const b = asObject(after);
  if (!isObject(before ?? {}) || !isObject(after ?? {})) {
    if (!same(before, after)) emit("unknown", "schema changed in a form this diff does not read");
    return;
  }
  if (diffValues(a, b, emit)) return; // A retyped node's children are not comparable.
  diffProperties(a, b, path, ctx, following);
  diffAdditional(a, b, path, ctx, following);
  if (a.items !== undefined || b.items !== undefined) {
    diffSchema(a.items, b.items, `${path}[]`, ctx, following);
  }
  for (const keyword of ["anyOf", "oneOf", "allOf"] as const) {
    diffVariants(a, b, keyword, path, ctx, following);
  }
  diffRemaining(a, b, emit);
}

type Emit = (kind: ChangeKind, detail: string, at?: string) => void;

function diffProperties(
  a: JsonObject,
  b: JsonObject,
  path: string,
  ctx: SchemaContext,
  following: ReadonlySet<string>,
): void {
  const oldProps = asObject(a.properties);
  const newProps = asObject(b.properties);
  const oldRequired = new Set(Array.isArray(a.required) ? a.required : []);
  const newRequired = new Set(Array.isArray(b.required) ? b.required : []);
  const emit = (kind: ChangeKind, at: string, detail: string) =>
    ctx.sink.add(kind, ctx.direction, at, detail, ctx.operations);
  const names = new Set([...unionKeys(oldProps, newProps), ...oldRequired, ...newRequired]);
  for (const name of [...names].sort() as string[]) {
    const at = `${path}.${name}`;
    const inOld = name in oldProps;
    const inNew = name in newProps;
    if (inOld && !inNew) {
      if (b.additionalProperties === false) emit("removed", at, "field removed");
      else emit("removed-open", at, "field removed (unknown fields are still accepted)");
      continue;
    }
    if (!inOld && inNew) {
      if (newRequired.has(name)) emit("added-required", at, "required field added");
      else emit("added", at, "optional field added");
      continue;
    }
    if (oldRequired.has(name) !== newRequired.has(name)) {
      if (newRequired.has(name)) emit("narrowed", at, "became required");
      else emit("widened", at, "became optional");
    }
    if (inOld) diffSchema(oldProps[name], newProps[name], at, ctx, following);
  }
}

/** `additionalProperties`: closed (false), open (absent, true, {}) or typed (a schema). */
function diffAdditional(
  a: JsonObject,
  b: JsonObject,
  path: string,
  ctx: SchemaContext,
  following: ReadonlySet<string>,
): void {
  const mode = (v: unknown) =>
    v === false ? "closed" : v === undefined || v === true || same(v, {}) ? "open" : "typed";
  const before = mode(a.additionalProperties);
  const after = mode(b.additionalProperties);
  const emit = (kind: ChangeKind, detail: string) =>
    ctx.sink.add(kind, ctx.direction, path, detail, ctx.operations);
  if (before === after) {
    if (before === "typed") {
      diffSchema(a.additionalProperties, b.additionalProperties, `${path}.*`, ctx, following);
    }
    return;
  }
  // Opening an object is like adding fields: extra data that an old client simply ignores.
  if (before === "closed") emit("added", "now accepts unknown fields");
  else if (after === "closed") emit("narrowed", "no longer accepts unknown fields");
  else if (after === "typed") emit("narrowed", "unknown fields now constrained by a schema");
  else emit("widened", "unknown fields no longer constrained by a schema");
}

/**
 * `anyOf`/`oneOf`/`allOf`. Identical members are paired first so that a reordering or an
 * insertion is not read as every member changing; the rest pair up by position.
 */
function diffVariants(
  a: JsonObject,
  b: JsonObject,
  keyword: "anyOf" | "oneOf" | "allOf",
  path: string,
  ctx: SchemaContext,
  following: ReadonlySet<string>,
): void {
  const before = Array.isArray(a[keyword]) ? [...a[keyword]] : [];
  const after = Array.isArray(b[keyword]) ? [...b[keyword]] : [];
  if (before.length === 0 && after.length === 0) return;
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const match = after.findIndex((v) => same(v, before[i]));
    if (match >= 0) {
      before.splice(i, 1);
      after.splice(match, 1);
    }
  }
  const paired = Math.min(before.length, after.length);
  for (let i = 0; i < paired; i += 1) {
    diffSchema(before[i], after[i], `${path} (${keyword} member)`, ctx, following);
  }
  // An extra allOf member is one more condition; an extra anyOf/oneOf member one more option.
  const more: ChangeKind = keyword === "allOf" ? "narrowed" : "widened";
  const fewer: ChangeKind = keyword === "allOf" ? "widened" : "narrowed";
  for (const _ of after.slice(paired))
    ctx.sink.add(more, ctx.direction, path, `${keyword} member added`, ctx.operations);
  for (const _ of before.slice(paired))
    ctx.sink.add(fewer, ctx.direction, path, `${keyword} member removed`, ctx.operations);
}

/** Defaults, docs, and anything this diff does not model. */
function diffRemaining(a: JsonObject, b: JsonObject, emit: Emit): void {
  if (!same(a.default, b.default)) {
    emit("behaviour", `default changed from ${show(a.default)} to ${show(b.default)}`);
  }
  for (const keyword of unionKeys(a, b)) {
    if (same(a[keyword], b[keyword])) continue;
    if (DOC_KEYWORDS.has(keyword) || keyword.startsWith("x-")) {
      emit("docs", `${keyword} changed`);
    } else if (!HANDLED.has(keyword)) {
      emit("unknown", `${keyword} changed; this diff does not model it, so review it by hand`);
    }
  }
}

/**
 * The values one schema node allows, for the schema diff: its type, nullability, enum, bounds,
 * lengths, patterns and formats, and access flags. Each change is reported as that set of values
 * growing or shrinking; the side of the exchange decides the verdict (see classify.ts).
 */
import type { ChangeKind } from "./classify.js";
import { canonical, same, show, type JsonObject } from "./spec-change.js";

/** Lower bounds: raising one allows fewer values. */
const LOWER = ["minimum", "minLength", "minItems", "minProperties"];
/** Upper bounds: raising one allows more values. */
const UPPER = ["maximum", "maxLength", "maxItems", "maxProperties"];
/** Constraints that cannot be ordered: a new one allows fewer values, a replaced one different. */
const EXACT = ["pattern", "format", "multipleOf"];

/** Boolean keywords: what switching one on or off means, and how to say it. */
const FLAGS: Array<[keyword: string, on: [ChangeKind, string], off: [ChangeKind, string]]> = [
  ["nullable", ["widened", "now nullable"], ["narrowed", "no longer nullable"]],
  ["uniqueItems", ["narrowed", "items now unique"], ["widened", "items no longer unique"]],
  // The server ignores a read-only field in requests; the shape itself is unchanged.
  ["readOnly", ["behaviour", "now read-only"], ["behaviour", "no longer read-only"]],
  ["writeOnly", ["behaviour", "now write-only"], ["behaviour", "no longer write-only"]],
  ["deprecated", ["docs", "now deprecated"], ["docs", "no longer deprecated"]],
];

/** Every keyword {@link diffValues} looks at. */
export const VALUE_KEYWORDS = [
  "type",
  "enum",
  ...LOWER,
  ...UPPER,
  ...EXACT,
  "exclusiveMinimum",
  "exclusiveMaximum",
  ...FLAGS.map(([keyword]) => keyword),
];

type Emit = (kind: ChangeKind, detail: string) => void;

/**
 * Reports every change to the values a node allows.
 *
 * @param a - The old schema node.
 * @param b - The new schema node.
 * @param emit - Receives each change.
 * @returns True when the type was replaced outright, so the node's children are not comparable.
 */
export function diffValues(a: JsonObject, b: JsonObject, emit: Emit): boolean {
  if (diffType(a, b, emit)) return true;
  for (const [keyword, on, off] of FLAGS) {
    if ((a[keyword] === true) !== (b[keyword] === true)) emit(...(b[keyword] === true ? on : off));
  }
  diffEnum(a, b, emit);
  diffConstraints(a, b, emit);
  return false;
}

/** Reports a changed `type`; returns true when it was replaced outright. */
function diffType(a: JsonObject, b: JsonObject, emit: Emit): boolean {
  const before = typeSet(a);
  const after = typeSet(b);
  // OpenAPI 3.1 spells nullability as a "null" type; report it like 3.0's `nullable`.
  const nullBefore = before?.delete("null") ?? false;
  const nullAfter = after?.delete("null") ?? false;
  if (nullBefore !== nullAfter)
    emit(nullAfter ? "widened" : "narrowed", nullAfter ? "now nullable" : "no longer nullable");
  if (before === undefined && after === undefined) return false;
  const list = (set: Set<string> | undefined) => [...(set ?? [])].join(" | ");
  if (before === undefined || before.size === 0) {
    if (after !== undefined && after.size > 0)
      emit("narrowed", `now typed as ${list(after)} (was untyped)`);
    return false;
  }
  if (after === undefined || after.size === 0) {
    emit("widened", `no longer typed (was ${list(before)})`);
    return false;
  }
  // An integer is a number, so integer -> number accepts more, number -> integer fewer.
  const covers = (set: Set<string>, t: string) =>
    set.has(t) || (t === "integer" && set.has("number"));
  const added = [...after].filter((t) => !covers(before, t));
  const removed = [...before].filter((t) => !covers(after, t));
  if (added.length > 0 && removed.length > 0) {
    emit("retyped", `type changed from ${list(before)} to ${list(after)}`);
    return true;
  }
  if (added.length > 0) {
    emit("widened", `type widened from ${list(before)} to ${list(after)}`);
  } else if (removed.length > 0) {
    emit("narrowed", `type narrowed from ${list(before)} to ${list(after)}`);
  }
  return false;
}

function typeSet(schema: JsonObject): Set<string> | undefined {
  const { type } = schema;
  if (typeof type === "string") return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === "string"));
  return undefined;
}

function diffEnum(a: JsonObject, b: JsonObject, emit: Emit): void {
  const before = Array.isArray(a.enum) ? a.enum : undefined;
  const after = Array.isArray(b.enum) ? b.enum : undefined;
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    emit("narrowed", `now limited to ${after!.map(show).join(", ")}`);
    return;
  }
  if (after === undefined) {
    emit("widened", `no longer limited to ${before.map(show).join(", ")}`);
    return;
  }
  const oldKeys = new Set(before.map(canonical));
  const newKeys = new Set(after.map(canonical));
  const added = after.filter((v) => !oldKeys.has(canonical(v)));
  const removed = before.filter((v) => !newKeys.has(canonical(v)));
  if (added.length > 0) emit("widened", `enum widened: added ${added.map(show).join(", ")}`);
  if (removed.length > 0)
    emit("narrowed", `enum narrowed: removed ${removed.map(show).join(", ")}`);
}

/** Bounds, lengths, patterns and formats that were added, removed or moved. */
function diffConstraints(a: JsonObject, b: JsonObject, emit: Emit): void {
  for (const keyword of LOWER) bound(keyword, a[keyword], b[keyword], "lower", emit);
  for (const keyword of UPPER) bound(keyword, a[keyword], b[keyword], "upper", emit);
  // 3.0 spells exclusive bounds as booleans beside minimum/maximum, 3.1 as numbers.
  exclusive("exclusiveMinimum", a.exclusiveMinimum, b.exclusiveMinimum, "lower", emit);
  exclusive("exclusiveMaximum", a.exclusiveMaximum, b.exclusiveMaximum, "upper", emit);
  for (const keyword of EXACT) {
    const before = a[keyword];
    const after = b[keyword];
    if (same(before, after)) continue;
    if (before === undefined) emit("narrowed", `${keyword} ${show(after)} added`);
    else if (after === undefined) emit("widened", `${keyword} ${show(before)} removed`);
    else emit("retyped", `${keyword} changed from ${show(before)} to ${show(after)}`);
  }
}

function bound(
  keyword: string,
  before: unknown,
  after: unknown,
  side: "lower" | "upper",
  emit: Emit,
): void {
  if (same(before, after)) return;
  if (typeof before !== "number" && typeof after !== "number") return;
  if (typeof before !== "number") {
    emit("narrowed", `${keyword} ${show(after)} added`);
  } else if (typeof after !== "number") {
    emit("widened", `${keyword} ${show(before)} removed`);
  } else {
    const tighter = side === "lower" ? after > before : after < before;
    emit(tighter ? "narrowed" : "widened", `${keyword} changed from ${before} to ${after}`);
  }
}

function exclusive(
  keyword: string,
  before: unknown,
  after: unknown,
  side: "lower" | "upper",
  emit: Emit,
): void {
  if (typeof before === "number" || typeof after === "number") {
    bound(keyword, before, after, side, emit);
  } else if ((before === true) !== (after === true)) {
    emit(after === true ? "narrowed" : "widened", `${keyword} ${show(after ?? false)}`);
  }
}

/**
 * The vocabulary shared by the spec diff, its report and the changeset writer: one detected
 * change, and a sink that the detectors report into.
 */
import { classify, type ChangeKind, type Direction, type Severity } from "./classify.js";
import { sortKeys, type JsonValue } from "./normalise.js";

/** A parsed JSON object from an OpenAPI document. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * One difference between the old and the new document, already judged.
 */
export interface Change {
  kind: ChangeKind;
  direction: Direction;
  severity: Severity;
  /**
   * Where it happened, in the document's own names: a schema path such as `OrderOut.status`, or
   * an operation and a place in it such as `GET /v3/orders/ query parameter per_page`.
   */
  subject: string;
  /** What happened, as a short phrase: `enum widened: added "cancelled"`. */
  detail: string;
  /** Every operation the change reaches (`GET /v3/orders/{id}`), through `$ref`s too; sorted. */
  operations: string[];
  /**
   * Whether `@autoenhance/client` sees it. The client re-exports `paths`, `components` and
   * `operations` wholesale and pins `specVersion`, so only document parts that never reach the
   * generated types (servers, tags, the title) are false.
   */
  touchesClient: boolean;
}

/**
 * Receives the changes the detectors find. The detectors only say what happened and on which
 * side; the sink attaches the verdict from classify.ts.
 */
export class ChangeSink {
  readonly changes: Change[] = [];

  /**
   * Records one change.
   *
   * @param kind - What happened.
   * @param direction - The side of the exchange it happened on.
   * @param subject - Where.
   * @param detail - What, in words.
   * @param operations - The operations it reaches.
   * @param touchesClient - False only for parts of the document the client never sees.
   */
  add(
    kind: ChangeKind,
    direction: Direction,
    subject: string,
    detail: string,
    operations: Iterable<string> = [],
    touchesClient = true,
  ): void {
    const severity = classify(kind, direction);
    const ops = [...new Set(operations)].sort();
    this.changes.push({
      kind,
      direction,
      severity,
      subject,
      detail,
      operations: ops,
      touchesClient,
    });
  }
}

/** Narrows a JSON value to an object, so callers can read keys without casts. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object at `value`, or an empty one: an absent schema allows anything, like `{}`. */
export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** Key order never carries meaning in a schema object, so compare in sorted form. */
export function canonical(value: unknown): string {
  return JSON.stringify(value === undefined ? null : sortKeys(value as JsonValue));
}

/** True when two JSON values are the same, ignoring object key order. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Values for a message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

/** Keys of either object, sorted so reports come out in the same order every time. */
export function unionKeys(a: JsonObject, b: JsonObject): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

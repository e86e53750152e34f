/**
 * The judgement half of the spec diff: how much a detected change matters to a client that was
 * compiled against the OLD document, and which release it therefore calls for.
 *
 * Detection (diff-spec.ts, diff-schema.ts) only says what happened and to which side of the
 * exchange; every verdict lives in {@link RULES}, so the policy can be read and reviewed in one
 * place.
 */

/**
 * Which way the values at a location flow, which decides whether a wider or narrower set of
 * values hurts: a client sends requests (the server must keep accepting what it sends) and
 * receives responses (it must keep understanding what it gets).
 *
 * `both` is used for a schema no operation uses (it is still a public type) and takes the worse
 * verdict of the two sides; `none` is for changes that have no side, such as an added operation.
 */
export type Direction = "request" | "response" | "both" | "none";

/**
 * What kind of change was found, in terms of the set of values a location allows.
 *
 * - `widened`: more values are allowed (enum value added, field became optional or nullable,
 *   constraint loosened, security requirement dropped).
 * - `narrowed`: fewer values are allowed (enum value removed, field became required, constraint
 *   tightened, type or enum introduced, security newly required).
 * - `retyped`: the allowed values changed in both directions (type or format replaced).
 * - `added` / `removed`: a whole field, parameter, operation, response or schema appeared or
 *   disappeared.
 * - `added-required`: a field, parameter or body appeared that a request must now send.
 * - `removed-open`: a request field was dropped from an object that still accepts unknown
 *   properties, so a client that keeps sending it is not rejected.
 * - `behaviour`: the shape is the same but the meaning may not be (a new default value).
 * - `unknown`: a keyword this diff does not understand changed; it is treated as breaking so
 *   that a gap in the diff can only over-bump, never hide a break.
 * - `docs`: descriptions, summaries, examples, tags, the document's version.
 */
export type ChangeKind =
  | "widened"
  | "narrowed"
  | "retyped"
  | "added"
  | "added-required"
  | "removed"
  | "removed-open"
  | "behaviour"
  | "unknown"
  | "docs";

/** The verdict on one change. */
export type Severity = "breaking" | "non-breaking" | "docs";

/** The release a set of changes calls for (semver, as changesets spells it). */
export type Bump = "major" | "minor" | "patch";

/**
 * The verdict per kind and side, from the point of view of a client built against the old
 * document. Read a row as "when a request ... / when a response ...".
 */
export const RULES: Record<ChangeKind, { request: Severity; response: Severity }> = {
  // A client may send any value it could before, and must handle any value it may now receive.
  widened: { request: "non-breaking", response: "breaking" },
  narrowed: { request: "breaking", response: "non-breaking" },
  retyped: { request: "breaking", response: "breaking" },
  // New optional things are ignored by an old client; new response fields are just extra data.
  added: { request: "non-breaking", response: "non-breaking" },
  "added-required": { request: "breaking", response: "non-breaking" },
  // Something the client sends or reads is gone; for the generated types, a name disappears.
  removed: { request: "breaking", response: "breaking" },
  "removed-open": { request: "non-breaking", response: "breaking" },
  behaviour: { request: "non-breaking", response: "non-breaking" },
  unknown: { request: "breaking", response: "breaking" },
  docs: { request: "docs", response: "docs" },
};

const ORDER: Record<Severity, number> = { docs: 0, "non-breaking": 1, breaking: 2 };

/** The worse of two verdicts. */
export function worse(a: Severity, b: Severity): Severity {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/**
 * Judges one change.
 *
 * @param kind - What happened.
 * @param direction - Which side of the exchange it happened on.
 * @returns The verdict from {@link RULES}; `both` and `none` take the worse of the two sides.
 */
export function classify(kind: ChangeKind, direction: Direction): Severity {
  const rule = RULES[kind];
  if (direction === "request" || direction === "response") return rule[direction];
  return worse(rule.request, rule.response);
}

/**
 * The release a set of verdicts calls for: any break is major, any other change to the types or
 * behaviour is minor, and documentation alone is a patch.
 *
 * @param severities - One verdict per change.
 * @returns The bump, or `undefined` when there is nothing to release.
 */
export function bumpFor(severities: Iterable<Severity>): Bump | undefined {
  let worst: Severity | undefined;
  for (const severity of severities) {
    worst = worst === undefined ? severity : worse(worst, severity);
  }
  if (worst === undefined) return undefined;
  return worst === "breaking" ? "major" : worst === "non-breaking" ? "minor" : "patch";
}

/**
 * Compares one operation that exists in both documents: its id, parameters, request body,
 * responses and security. Schemas inside are handed to diff-schema.ts on the right side.
 */
import type { ChangeKind, Direction } from "./classify.js";
import { diffSchema, type SchemaContext } from "./diff-schema.js";
import {
  asObject,
  same,
  show,
  unionKeys,
  type ChangeSink,
  type JsonObject,
} from "./spec-change.js";
import { deref, type OperationEntry } from "./spec-refs.js";

/** Documents and sinks shared by every comparison in one diff. */
export interface DiffContext {
  oldDoc: JsonObject;
  newDoc: JsonObject;
  sink: ChangeSink;
  onSharedRef: SchemaContext["onSharedRef"];
}

const OPERATION_DOCS = ["summary", "description", "tags", "externalDocs", "deprecated"];
const OPERATION_KEYS = new Set([
  ...OPERATION_DOCS,
  "operationId",
  "parameters",
  "requestBody",
  "responses",
  "security",
]);
const PARAMETER_DOCS = ["description", "example", "examples", "deprecated"];
const PARAMETER_KEYS = new Set([...PARAMETER_DOCS, "name", "in", "required", "schema"]);

/**
 * Compares an operation present in both documents.
 *
 * @param before - The operation in the old document.
 * @param after - The same method and path in the new document.
 * @param ctx - Documents and where to report.
 */
export function diffOperation(before: OperationEntry, after: OperationEntry, ctx: DiffContext) {
  const { label } = after;
  const add = (kind: ChangeKind, direction: Direction, subject: string, detail: string) =>
    ctx.sink.add(kind, direction, subject, detail, [label]);
  const a = before.operation;
  const b = after.operation;
  // openapi-typescript names the `operations` type after the id, so a new id renames a type.
  if (a.operationId !== b.operationId) {
    const kind = a.operationId === undefined ? "added" : "removed";
    add(
      kind,
      "none",
      label,
      `operationId changed from ${show(a.operationId)} to ${show(b.operationId)}`,
    );
  }
  for (const key of unionKeys(a, b)) {
    if (same(a[key], b[key])) continue;
    if (OPERATION_DOCS.includes(key)) add("docs", "none", label, `${key} changed`);
    else if (!OPERATION_KEYS.has(key))
      add("unknown", "none", label, `${key} changed; review it by hand`);
  }
  diffParameters(before, after, ctx);
  diffRequestBody(label, a.requestBody, b.requestBody, ctx);
  diffResponses(label, asObject(a.responses), asObject(b.responses), ctx);
  diffSecurity(label, effectiveSecurity(ctx.oldDoc, a), effectiveSecurity(ctx.newDoc, b), ctx);
}

function schemaContext(ctx: DiffContext, direction: "request" | "response", label: string) {
  return { ...ctx, direction, operations: [label] } satisfies SchemaContext;
}

/** Path-level parameters apply unless the operation redefines the same name and location. */
function parametersOf(doc: JsonObject, entry: OperationEntry): Map<string, JsonObject> {
  const result = new Map<string, JsonObject>();
  for (const list of [entry.pathItem.parameters, entry.operation.parameters]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const param = deref(doc, raw);
      const location = String(param.in);
      // Header names are case-insensitive on the wire.
      const name = location === "header" ? String(param.name).toLowerCase() : String(param.name);
      result.set(`${location} parameter ${name}`, param);
    }
  }
  return result;
}

function diffParameters(before: OperationEntry, after: OperationEntry, ctx: DiffContext): void {
  const label = after.label;
  const oldParams = parametersOf(ctx.oldDoc, before);
  const newParams = parametersOf(ctx.newDoc, after);
  const keys = [...new Set([...oldParams.keys(), ...newParams.keys()])].sort();
  for (const key of keys) {
    const subject = `${label} ${key}`;
    const add = (kind: ChangeKind, detail: string) =>
      ctx.sink.add(kind, "request", subject, detail, [label]);
    const a = oldParams.get(key);
    const b = newParams.get(key);
    if (a === undefined) {
      add(
        b!.required === true ? "added-required" : "added",
        b!.required === true ? "required parameter added" : "optional parameter added",
      );
      continue;
    }
    if (b === undefined) {
      add("removed", "parameter removed");
      continue;
    }
    diffRequired(a, b, add);
    for (const field of unionKeys(a, b)) {
      if (same(a[field], b[field])) continue;
      if (PARAMETER_DOCS.includes(field)) add("docs", `${field} changed`);
      else if (!PARAMETER_KEYS.has(field)) add("unknown", `${field} changed; review it by hand`);
    }
    diffSchema(a.schema, b.schema, subject, schemaContext(ctx, "request", label));
  }
}

/** A parameter or a request body switching between optional and required. */
function diffRequired(
  a: JsonObject,
  b: JsonObject,
  add: (kind: ChangeKind, detail: string) => void,
) {
  if ((a.required === true) === (b.required === true)) return;
  if (b.required === true) add("narrowed", "became required");
  else add("widened", "became optional");
}

function diffRequestBody(label: string, rawA: unknown, rawB: unknown, ctx: DiffContext): void {
  const subject = `${label} request body`;
  const add = (kind: ChangeKind, detail: string) =>
    ctx.sink.add(kind, "request", subject, detail, [label]);
  if (rawA === undefined && rawB === undefined) return;
  const a = deref(ctx.oldDoc, rawA);
  const b = deref(ctx.newDoc, rawB);
  if (rawA === undefined) {
    add(b.required === true ? "added-required" : "added", "request body added");
    return;
  }
  if (rawB === undefined) {
    add("removed", "request body removed");
    return;
  }
  diffRequired(a, b, add);
  if (!same(a.description, b.description)) add("docs", "description changed");
  diffContent(
    subject,
    asObject(a.content),
    asObject(b.content),
    schemaContext(ctx, "request", label),
  );
}

function diffResponses(label: string, a: JsonObject, b: JsonObject, ctx: DiffContext): void {
  for (const status of unionKeys(a, b)) {
    const subject = `${label} response ${status}`;
    const add = (kind: ChangeKind, detail: string) =>
      ctx.sink.add(kind, "response", subject, detail, [label]);
    if (!(status in a)) {
      add("added", "response added");
      continue;
    }
    if (!(status in b)) {
      // Losing a success response removes the shape the client reads; an error response going
      // away only means one less outcome to handle.
      if (status.startsWith("2")) add("removed", "response removed");
      else add("narrowed", "response removed");
      continue;
    }
    const before = deref(ctx.oldDoc, a[status]);
    const after = deref(ctx.newDoc, b[status]);
    if (!same(before.description, after.description)) add("docs", "description changed");
    const schemaCtx = schemaContext(ctx, "response", label);
    diffContent(subject, asObject(before.content), asObject(after.content), schemaCtx);
    const oldHeaders = asObject(before.headers);
    const newHeaders = asObject(after.headers);
    for (const name of unionKeys(oldHeaders, newHeaders)) {
      const at = `${subject} header ${name}`;
      if (!(name in oldHeaders)) ctx.sink.add("added", "response", at, "header added", [label]);
      else if (!(name in newHeaders))
        ctx.sink.add("removed", "response", at, "header removed", [label]);
      else {
        const schemaOf = (doc: JsonObject, h: unknown) => deref(doc, h).schema;
        diffSchema(
          schemaOf(ctx.oldDoc, oldHeaders[name]),
          schemaOf(ctx.newDoc, newHeaders[name]),
          at,
          schemaCtx,
        );
      }
    }
  }
}

/** Media types of a body: one the client sends or reads going away breaks it. */
function diffContent(subject: string, a: JsonObject, b: JsonObject, ctx: SchemaContext): void {
  const types = unionKeys(a, b);
  for (const type of types) {
    // JSON is the norm here, so only other media types are named in the report.
    const at = types.length === 1 && type === "application/json" ? subject : `${subject} (${type})`;
    if (!(type in a)) ctx.sink.add("added", ctx.direction, at, "media type added", ctx.operations);
    else if (!(type in b))
      ctx.sink.add("removed", ctx.direction, at, "media type removed", ctx.operations);
    else diffSchema(asObject(a[type]).schema, asObject(b[type]).schema, at, ctx);
  }
}

/** An operation's own `security` wins over the document's; absent on both means none. */
function effectiveSecurity(doc: JsonObject, operation: JsonObject): string[] | undefined {
  const list = operation.security ?? doc.security;
  const requirements = (Array.isArray(list) ? list : []).map((req) =>
    Object.keys(asObject(req))
      .sort()
      .map((scheme) => {
        const scopes = asObject(req)[scheme];
        return Array.isArray(scopes) && scopes.length > 0
          ? `${scheme}(${scopes.join(",")})`
          : scheme;
      })
      .join(" + "),
  );
  // No requirement, or an empty one among the alternatives, lets anonymous calls through.
  return requirements.length === 0 || requirements.includes("") ? undefined : requirements;
}

function diffSecurity(
  label: string,
  a: string[] | undefined,
  b: string[] | undefined,
  ctx: DiffContext,
) {
  const add = (kind: ChangeKind, detail: string) =>
    ctx.sink.add(kind, "request", `${label} security`, detail, [label]);
  if (a === undefined && b === undefined) return;
  if (a === undefined) return add("narrowed", `now requires ${b!.join(" or ")}`);
  if (b === undefined) return add("widened", `no longer requires ${a.join(" or ")}`);
  const dropped = a.filter((req) => !b.includes(req));
  const offered = b.filter((req) => !a.includes(req));
  if (dropped.length > 0) add("narrowed", `no longer accepts ${dropped.join(" or ")}`);
  if (offered.length > 0) add("widened", `now also accepts ${offered.join(" or ")}`);
}

/**
 * Compares `components.securitySchemes`. Which operations use a scheme is compared per
 * operation; here only the definitions matter: a scheme that moves its key elsewhere breaks
 * every client that sends it.
 *
 * @param a - The old `components.securitySchemes`.
 * @param b - The new one.
 * @param sink - Where to report.
 */
export function diffSecuritySchemes(a: JsonObject, b: JsonObject, sink: ChangeSink): void {
  for (const name of unionKeys(a, b)) {
    const subject = `security scheme ${name}`;
    if (!(name in a)) sink.add("added", "none", subject, "scheme added");
    else if (!(name in b)) sink.add("behaviour", "none", subject, "scheme removed");
    else {
      const { description: oldDescription, ...before } = asObject(a[name]);
      const { description: newDescription, ...after } = asObject(b[name]);
      if (!same(before, after))
        sink.add("retyped", "none", subject, `changed from ${show(before)} to ${show(after)}`);
      if (!same(oldDescription, newDescription))
        sink.add("docs", "none", subject, "description changed");
    }
  }
}

/**
 * Turns Ajv's errors (as openapi-backend reports them) into the body APIFlask sends with a 422:
 * `{ message: "Validation error", detail: { <location>: { <field>: ["message", ...] } } }`, with
 * marshmallow's wording so that code written against the real API reads the same messages.
 */
import type { ValidationErrorBody } from "@autoenhance/api-types";

/** The parts of an Ajv `ErrorObject` that the mapping reads. */
export interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown> | unknown[];
  message?: string;
  data?: unknown;
}

/** The field-level messages of a 422: location (`json`, `query`, ...) to field to messages. */
export type ValidationDetail = Record<string, Record<string, string[]>>;

/** The key marshmallow uses for an error that concerns the input as a whole, not one field. */
export const SCHEMA_FIELD = "_schema";

/** openapi-backend's top-level keys for a request's parts, and APIFlask's names for them. */
const LOCATIONS: Record<string, string> = {
  requestBody: "json",
  query: "query",
  path: "path",
  header: "headers",
  cookie: "cookies",
};

const TYPE_MESSAGES: Record<string, string> = {
  string: "Not a valid string.",
  integer: "Not a valid integer.",
  number: "Not a valid number.",
  boolean: "Not a valid boolean.",
  array: "Not a valid list.",
  object: "Invalid input type.",
};

const FORMAT_MESSAGES: Record<string, string> = {
  "date-time": "Not a valid datetime.",
  uuid: "Not a valid UUID.",
};

/** Builds the 422 body for a detail map. */
export function validationErrorBody(detail: ValidationDetail): ValidationErrorBody {
  return { message: "Validation error", detail };
}

/** Adds one message to a detail map, skipping duplicates. */
export function addMessage(
  detail: ValidationDetail,
  location: string,
  field: string,
  message: string,
): void {
  const fields = (detail[location] ??= {});
  const messages = (fields[field] ??= []);
  if (!messages.includes(message)) messages.push(message);
}

/** Splits a JSON pointer (`/requestBody/name`) into its unescaped segments. */
function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function param(error: AjvErrorLike, name: string): unknown {
  return Array.isArray(error.params) ? undefined : error.params[name];
}

/** marshmallow's message for one Ajv error. */
function messageFor(error: AjvErrorLike): string {
  switch (error.keyword) {
    case "required":
      return "Missing data for required field.";
    case "additionalProperties":
      return "Unknown field.";
    case "type":
      if (error.data === null) return "Field may not be null.";
      return TYPE_MESSAGES[String(param(error, "type"))] ?? "Invalid value.";
    case "enum": {
      const allowed = param(error, "allowedValues");
      const choices = Array.isArray(allowed) ? allowed.map((value) => String(value)) : [];
      return `Must be one of: ${choices.join(", ")}.`;
    }
    case "maxLength":
      return `Longer than maximum length ${String(param(error, "limit"))}.`;
    case "minLength":
      return `Shorter than minimum length ${String(param(error, "limit"))}.`;
    case "maximum":
      return `Must be less than or equal to ${String(param(error, "limit"))}.`;
    case "minimum":
      return `Must be greater than or equal to ${String(param(error, "limit"))}.`;
    case "exclusiveMaximum":
      return `Must be less than ${String(param(error, "limit"))}.`;
    case "exclusiveMinimum":
      return `Must be greater than ${String(param(error, "limit"))}.`;
    case "format": {
      const format = String(param(error, "format"));
      return FORMAT_MESSAGES[format] ?? `Not a valid ${format}.`;
    }
    default: {
      const text = error.message ?? "is invalid";
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    }
  }
}

/**
 * Whether an error only says that the query string carries a parameter the operation does not
 * declare. APIFlask (webargs) excludes unknown query, header and cookie values instead of
 * refusing them, so the stand-in ignores these errors.
 */
export function isIgnorable(error: AjvErrorLike): boolean {
  if (error.keyword !== "additionalProperties") return false;
  const [location, ...rest] = pointerSegments(error.instancePath);
  return rest.length === 0 && location !== undefined && location !== "requestBody";
}

/**
 * Maps openapi-backend's request validation errors to APIFlask's detail map. A field is named by
 * its path below the location, joined with dots (`name`, `finetune.sharpness`); an unknown or
 * missing property names that property; an error about a whole part is filed under `_schema`.
 */
export function toValidationDetail(errors: readonly AjvErrorLike[]): ValidationDetail {
  const detail: ValidationDetail = {};
  for (const error of errors) {
    const segments = pointerSegments(error.instancePath);
    const [part, ...fieldPath] = segments;
    let location = part === undefined ? "json" : (LOCATIONS[part] ?? part);
    if (part === undefined && error.keyword === "required") {
      // The whole body is missing: `{ requestBody }` lacks its only property.
      location = "json";
    } else if (error.keyword === "required" || error.keyword === "additionalProperties") {
      const name = param(
        error,
        error.keyword === "required" ? "missingProperty" : "additionalProperty",
      );
      if (typeof name === "string") fieldPath.push(name);
    }
    const field = fieldPath.length > 0 ? fieldPath.join(".") : SCHEMA_FIELD;
    addMessage(detail, location, field, messageFor(error));
  }
  return detail;
}

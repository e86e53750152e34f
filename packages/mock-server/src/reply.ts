/**
 * The stand-in's answers: the shape every handler returns, the APIFlask error bodies, the headers
 * common to every response and the CORS preflight. In one place so that every outcome, from a 404
 * to a created order, leaves the stand-in looking the same.
 */
import type { MockResponse } from "./api.js";
import { addMessage, validationErrorBody, type ValidationDetail } from "./validation-errors.js";

/** What an internal handler produces before the common headers are added. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Headers a browser may send on a cross-origin request, besides those a preflight asks for. */
const CORS_ALLOWED_HEADERS = ["content-type", "x-api-key", "x-api-version"];
const CORS_ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const HEADER_TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * An APIFlask `HTTPError` body. (`HttpErrorBody` types `detail` as an empty object; the stand-in
 * may put a hint in it, which the document's `type: object` allows.)
 */
export function httpError(
  message: string,
  detail: Record<string, unknown> = {},
): { message: string; detail: Record<string, unknown> } {
  return { message, detail };
}

/** Adds the headers every response carries and serialises the body. */
export function finishReply(reply: Reply, requestId: string): MockResponse {
  const headers: Record<string, string> = {
    "x-request-id": requestId,
    "access-control-allow-origin": "*",
    "access-control-expose-headers": "x-request-id",
  };
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  if (reply.body === undefined) {
    return { status: reply.status, headers, body: "" };
  }
  headers["content-type"] = "application/json";
  return { status: reply.status, headers, body: JSON.stringify(reply.body) };
}

/** A 422 with an APIFlask `ValidationError` body carrying `detail`. */
export function validationReply(detail: ValidationDetail): Reply {
  return { status: 422, body: validationErrorBody(detail) };
}

/**
 * A 422 for one field, for the checks the document cannot express; in the same `ValidationError`
 * shape as a schema failure, so a client handles both alike.
 */
export function fieldError(location: string, field: string, message: string): Reply {
  const detail: ValidationDetail = {};
  addMessage(detail, location, field, message);
  return validationReply(detail);
}

/**
 * The answer to a CORS preflight (`OPTIONS`), given the request's lower-cased headers. It allows
 * the headers the preflight asks for as well, as long as they are valid header names.
 */
export function preflight(headers: Record<string, string>): Reply {
  const requested = (headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => HEADER_TOKEN.test(name));
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": CORS_ALLOWED_METHODS,
      "access-control-allow-headers": [...new Set([...CORS_ALLOWED_HEADERS, ...requested])].join(
        ", ",
      ),
      "access-control-max-age": "600",
    },
  };
}

/**
 * The errors the client throws. Every failure is an {@link AutoenhanceError}; the subclass says
 * what kind of failure it was, so callers can branch with `instanceof`.
 */
import type { HttpErrorBody, ValidationErrorBody } from "@autoenhance/api-types";

// Classes are matched by a registry-wide symbol rather than by prototype alone, so that an error
// thrown by the CommonJS build is still `instanceof` the class imported from the ESM build (the
// dual-package hazard) and vice versa.
const KINDS = Symbol.for("@autoenhance/client.error-kinds");

/** What every error knows about the exchange that failed. */
export interface ErrorFacts {
  /** The HTTP status, when a response arrived. */
  status?: number;
  /** The parsed JSON body, or the raw text when the body was not JSON. */
  body?: unknown;
  /** The response headers, when a response arrived. */
  headers?: Headers;
  /** The request id the server sent (`x-request-id`), when it sent one. */
  requestId?: string;
  /**
   * True when the request may have taken effect on the server although the call failed, for
   * example a create that timed out after it was sent and could not be retried safely.
   */
  outcomeUnknown?: boolean;
  /** The underlying error, for connection failures. */
  cause?: unknown;
}

/** The base class of every error this client throws. */
export class AutoenhanceError extends Error {
  /** A stable name for the kind of failure, also used as `name`. */
  static readonly kind: string = "AutoenhanceError";

  readonly status: number | undefined;
  readonly body: unknown;
  readonly headers: Headers | undefined;
  readonly requestId: string | undefined;
  readonly outcomeUnknown: boolean;

  constructor(message: string, facts: ErrorFacts = {}) {
    super(message, facts.cause === undefined ? undefined : { cause: facts.cause });
    const kind = new.target.kind;
    this.name = kind;
    this.status = facts.status;
    this.body = facts.body;
    this.headers = facts.headers;
    this.requestId = facts.requestId;
    this.outcomeUnknown = facts.outcomeUnknown ?? false;
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target) });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const kinds = (value as { [KINDS]?: readonly string[] })[KINDS];
    return kinds
      ? kinds.includes(this.kind)
      : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

function kindsOf(constructor: unknown): string[] {
  const kinds: string[] = [];
  for (let c = constructor as { kind?: string } | null; c && c.kind; c = Object.getPrototypeOf(c)) {
    if (!kinds.includes(c.kind)) kinds.push(c.kind);
  }
  return kinds;
}

/** The API answered with a non-2xx status that has no more specific class. */
export class ApiError extends AutoenhanceError {
  static override readonly kind: string = "ApiError";
  declare readonly status: number;
}

/** `401`: the API key is missing or wrong. */
export class AuthenticationError extends ApiError {
  static override readonly kind: string = "AuthenticationError";
}

/** `403`: the API key may not do this. */
export class PermissionDeniedError extends ApiError {
  static override readonly kind: string = "PermissionDeniedError";
}

/** `404`: the resource does not exist. */
export class NotFoundError extends ApiError {
  static override readonly kind: string = "NotFoundError";
}

/** `409`: the request conflicts with existing state, such as an `order_id` already in use. */
export class ConflictError extends ApiError {
  static override readonly kind: string = "ConflictError";
}

/** Field errors by request location, then field: `{ json: { name: ["Not a valid string."] } }`. */
export type FieldErrors = NonNullable<ValidationErrorBody["detail"]>;

/** `422`: the API rejected the request's parameters or body. */
export class ValidationError extends ApiError {
  static override readonly kind: string = "ValidationError";

  /** The field errors from the body, as a plain map; empty when the body had none. */
  get fieldErrors(): FieldErrors {
    const detail = isRecord(this.body) ? (this.body as ValidationErrorBody).detail : undefined;
    return isRecord(detail) ? detail : {};
  }

  /** The messages for one field of the JSON body, e.g. `error.messagesFor("order_id")`. */
  messagesFor(field: string, location = "json"): string[] {
    return this.fieldErrors[location]?.[field] ?? [];
  }
}

/** `429`: too many requests. Retried by default, honouring `Retry-After`. */
export class RateLimitError extends ApiError {
  static override readonly kind: string = "RateLimitError";
}

/** `5xx`: the API or a proxy in front of it failed. */
export class ServerError extends ApiError {
  static override readonly kind: string = "ServerError";
}

/** The request could not reach the API, or the connection broke before a full answer arrived. */
export class ConnectionError extends AutoenhanceError {
  static override readonly kind: string = "ConnectionError";
}

/** An attempt took longer than `timeoutMs`. */
export class TimeoutError extends ConnectionError {
  static override readonly kind: string = "TimeoutError";
}

/** The caller's `AbortSignal` fired. Never retried. */
export class AbortError extends AutoenhanceError {
  static override readonly kind: string = "AbortError";
}

/** A `2xx` answer whose body could not be read as the expected JSON (an HTML page, say). */
export class InvalidResponseError extends AutoenhanceError {
  static override readonly kind: string = "InvalidResponseError";
}

const STATUS_CLASSES: Record<number, typeof ApiError> = {
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
  429: RateLimitError,
};

/** Builds the error for a non-2xx response whose body has already been read. */
export function errorFromResponse(
  response: Response,
  body: unknown,
  context: { what: string; outcomeUnknown?: boolean },
): ApiError {
  const { status } = response;
  const Class = STATUS_CLASSES[status] ?? (status >= 500 ? ServerError : ApiError);
  const serverMessage = messageOf(body);
  const unknown = context.outcomeUnknown
    ? " The request may have taken effect: check before repeating it."
    : "";
  // "Invalid API key." ends a sentence of its own; drop its full stop rather than double it.
  const reason = serverMessage ? `: ${serverMessage.replace(/\.$/, "")}` : "";
  const message = `${context.what} failed with ${status}${reason}.${unknown}`;
  return new Class(message, {
    status,
    body,
    headers: response.headers,
    requestId: response.headers.get("x-request-id") ?? undefined,
    outcomeUnknown: context.outcomeUnknown,
  });
}

function messageOf(body: unknown): string | undefined {
  if (isRecord(body) && typeof (body as HttpErrorBody).message === "string") {
    return (body as HttpErrorBody).message;
  }
  if (typeof body === "string" && body.trim() !== "") {
    return looksLikeHtml(body)
      ? "the server sent an HTML page instead of JSON"
      : body.slice(0, 200);
  }
  return undefined;
}

/** True for a body that is an HTML page, such as a proxy's error page. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body)/i.test(text);
}

function isRecord<T>(value: T): value is T & object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

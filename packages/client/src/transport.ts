/**
 * The `fetch` that the openapi-fetch client calls: one logical request becomes one or more
 * attempts, each with a fresh `Request`, its own deadline, and the caller's signal. It turns
 * transport failures into typed errors and returns the last response; statuses become errors one
 * level up, where the operation is known.
 */
import {
  AbortError,
  ConnectionError,
  InvalidResponseError,
  TimeoutError,
  looksLikeHtml,
} from "./errors.js";
import type { AutoenhanceError } from "./errors.js";
import type { Logger } from "./logger.js";
import { isRetriedStatus, retryDelayMs, type RetryBackoff } from "./retry.js";
import { attemptSignal, sleep } from "./signals.js";

/** What the client reports before it waits and tries again. */
export interface RetryEvent {
  /** `POST /v3/orders/`, say: the method and path of the request. */
  request: string;
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** Why: `"503 Service Unavailable"`, `"timeout"`, `"connection failed"`, ... */
  reason: string;
}

/** How one logical request is attempted. */
export interface AttemptPolicy {
  maxRetries: number;
  timeoutMs: number;
  backoff: RetryBackoff | undefined;
  /** Whether repeating the request is harmless. Defaults to true for all methods but POST and PATCH. */
  idempotent?: boolean;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

/** What a caller learns about the attempts of one request, for decisions made after it. */
export interface AttemptRecord {
  attempts: number;
  /** True once an attempt failed after it was sent, so the server may have acted on it. */
  uncertain: boolean;
}

type Failure = (facts: { outcomeUnknown: boolean }) => AutoenhanceError;

type Outcome =
  | { kind: "response"; response: Response }
  | { kind: "aborted" }
  | { kind: "failed"; error: Failure; sent: boolean; reason: string };

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const UNSAFE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/** Creates the per-request `fetch` for one policy; `record` observes the attempts. */
export function createTransport(baseFetch: typeof fetch, log: Logger) {
  return (policy: AttemptPolicy, record: AttemptRecord = { attempts: 0, uncertain: false }) =>
    async (input: Request): Promise<Response> => {
      const what = `${input.method} ${new URL(input.url).pathname}`;
      const idempotent = policy.idempotent ?? !["POST", "PATCH"].includes(input.method);
      const callerSignal = input.signal;
      // Read once; every attempt gets a new Request over the same bytes.
      const body = input.body ? await input.arrayBuffer() : undefined;

      for (let attempt = 1; ; attempt++) {
        record.attempts = attempt;
        if (callerSignal.aborted) throw abortError(what, callerSignal, record);
        log.debug(`${what}: attempt ${attempt}`);

        const request = (signal: AbortSignal) =>
          new Request(input.url, {
            method: input.method,
            headers: input.headers,
            body,
            redirect: input.redirect,
            signal,
          });
        const outcome = await attemptOnce(baseFetch, request, policy.timeoutMs, callerSignal, what);
        const canRetry = attempt <= policy.maxRetries;

        let reason: string;
        let retryAfter: string | null = null;
        if (outcome.kind === "aborted") {
          // Aborted in flight: like a timeout, the request may have reached the server.
          record.uncertain = true;
          throw abortError(what, callerSignal, record);
        }
        if (outcome.kind === "response") {
          const { status, statusText } = outcome.response;
          if (!(canRetry && isRetriedStatus(status, idempotent))) {
            log.debug(`${what}: ${status} after ${attempt} attempt(s)`);
            return outcome.response;
          }
          reason = `${status}${statusText ? ` ${statusText}` : ""}`;
          retryAfter = outcome.response.headers.get("retry-after");
          if (status >= 500) record.uncertain = true;
        } else {
          if (outcome.sent) record.uncertain = true;
          if (!(canRetry && (idempotent || !outcome.sent))) {
            const error = outcome.error({
              outcomeUnknown: outcome.sent && UNSAFE_METHODS.has(input.method),
            });
            log.error(error.message);
            throw error;
          }
          reason = outcome.reason;
        }

        const delayMs = retryDelayMs(attempt, policy.backoff, retryAfter);
        log.warn(
          `${what}: retrying in ${Math.round(delayMs)} ms after attempt ${attempt}: ${reason}`,
        );
        policy.onRetry?.({ request: what, attempt, delayMs, reason });
        try {
          await sleep(delayMs, callerSignal);
        } catch {
          throw abortError(what, callerSignal, record);
        }
      }
    };
}

async function attemptOnce(
  baseFetch: typeof fetch,
  request: (signal: AbortSignal) => Request,
  timeoutMs: number,
  callerSignal: AbortSignal,
  what: string,
): Promise<Outcome> {
  const deadline = attemptSignal(timeoutMs, callerSignal);
  const attempt = request(deadline.signal);
  inFlight.add(attempt);
  let sent = false;
  try {
    const response = await baseFetch(attempt);
    sent = true;
    // The body is read inside the deadline: a server that sends headers and then stalls is a timeout.
    const bytes = await response.arrayBuffer();
    const invalid = invalidBody(response, bytes, what);
    if (invalid) return { kind: "failed", error: invalid, sent, reason: "unreadable response" };
    return { kind: "response", response: rebuilt(response, bytes) };
  } catch (error) {
    const cause = deadline.cause();
    if (cause === "caller") return { kind: "aborted" };
    if (cause === "timeout") {
      const message = `${what} timed out after ${timeoutMs} ms.`;
      return {
        kind: "failed",
        error: (facts) =>
          new TimeoutError(message + unknownNote(facts), { ...facts, cause: error }),
        sent: true,
        reason: "timeout",
      };
    }
    const message = `${what} failed: ${describe(error)}.`;
    return {
      kind: "failed",
      error: (facts) =>
        new ConnectionError(message + unknownNote(facts), { ...facts, cause: error }),
      sent: sent || !refusedBeforeSending(error),
      reason: "connection failed",
    };
  } finally {
    deadline.release();
    inFlight.delete(attempt);
  }
}

/**
 * The attempts in progress, held so that none is garbage-collected early. Node's fetch copies the
 * Request it is given, and the copy's signal stops following ours once the original Request is
 * collected (nodejs/undici#4068): the deadline would then never abort the attempt.
 */
const inFlight = new Set<Request>();

/** A 2xx body that ought to be JSON and is not (an HTML page from a proxy, a cut-off body). */
function invalidBody(response: Response, bytes: ArrayBuffer, what: string): Failure | undefined {
  const { status, headers } = response;
  if (!response.ok || bytes.byteLength === 0) return undefined;

  // Every JSON operation of the API answers JSON; only binary downloads (images) are let through.
  const type = headers.get("content-type") ?? "";
  if (!/json|html|text\/|^$/i.test(type)) return undefined;
  const text = new TextDecoder().decode(bytes);
  if (isJson(text)) return undefined;

  const html = /html/i.test(type) || looksLikeHtml(text);
  const message =
    `${what} answered ${status} with ${html ? "an HTML page" : "a body that is not valid JSON"}` +
    " instead of JSON; a proxy or gateway may be in the way.";
  return (facts) =>
    new InvalidResponseError(message + unknownNote(facts), {
      ...facts,
      status,
      body: text,
      headers,
      requestId: headers.get("x-request-id") ?? undefined,
    });
}

/** The same response over its buffered bytes, so openapi-fetch can read it again. */
function rebuilt(response: Response, bytes: ArrayBuffer): Response {
  const { status, statusText, headers } = response;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : bytes, {
    status,
    statusText,
    headers,
  });
}
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// Also said when retries ran out, so it must not claim that none was made.
function unknownNote(facts: { outcomeUnknown: boolean }): string {
  return facts.outcomeUnknown
    ? " The request may have taken effect: check before repeating it."
    : "";
}

function abortError(what: string, signal: AbortSignal, record: AttemptRecord): AbortError {
  return new AbortError(`${what} was aborted by the caller.`, {
    cause: signal.reason,
    outcomeUnknown: record.uncertain,
  });
}

// Errors that prove no byte of the request reached the server, so even a POST may be repeated.
const REFUSED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH"]);

function refusedBeforeSending(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === "string" && REFUSED_CODES.has(code);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === "string") return `${cause.code}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The `fetch` that the openapi-fetch client calls: one logical request becomes one or more
 * attempts, each sent afresh with its own deadline and the caller's signal. It turns
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
import { redact, type Logger } from "./logger.js";
import { BufferedResponse } from "./buffered-response.js";
import { PlainRequest } from "./plain-request.js";
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
export function createTransport(baseFetch: typeof fetch, log: Logger, secret: string) {
  return (policy: AttemptPolicy, record: AttemptRecord = { attempts: 0, uncertain: false }) =>
    async (input: Request | PlainRequest): Promise<Response> => {
      const what = `${input.method} ${pathOf(input.url)}`;
      const idempotent = policy.idempotent ?? !["POST", "PATCH"].includes(input.method);
      // A shared never-aborting signal would collect a listener per attempt; none is cheaper.
      const callerSignal: AbortSignal | undefined = input.signal ?? undefined;
      // Read once; every attempt is sent afresh over the same bytes.
      const body =
        input instanceof PlainRequest ? input.body : input.body ? await input.arrayBuffer() : null;

      for (let attempt = 1; ; attempt++) {
        record.attempts = attempt;
        if (callerSignal?.aborted) throw abortError(what, callerSignal, record);
        log.debug(`${what}: attempt ${attempt}`);

        // A URL and an init rather than a Request: nothing to copy, and no stream to set up.
        const init = (signal: AbortSignal): RequestInit => ({
          method: input.method,
          headers: input.headers,
          body,
          redirect: input.redirect,
          signal,
        });
        const send = (signal: AbortSignal) => baseFetch(input.url, init(signal));
        const outcome = await attemptOnce(send, policy.timeoutMs, callerSignal, what, secret);
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
  send: (signal: AbortSignal) => Promise<Response>,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  what: string,
  secret: string,
): Promise<Outcome> {
  const deadline = attemptSignal(timeoutMs, callerSignal);
  let sent = false;
  try {
    const response = await send(deadline.signal);
    sent = true;
    // The body is read inside the deadline: a server that sends headers and then stalls is a timeout.
    const { status, statusText } = response;
    // A server that echoes the key back must not hand it to errors, logs or callers.
    const headers = withoutSecret(response.headers, secret);
    const init = { status, statusText, headers };
    if (!TEXTUAL.test(headers.get("content-type") ?? "")) {
      const bytes = await response.arrayBuffer();
      const body = NULL_BODY_STATUSES.has(status) ? null : bytes;
      return { kind: "response", response: new Response(body, init) };
    }

    const text = redact(await response.text(), secret);
    const json = text === "" ? undefined : parseJson(text);
    if (response.ok && text !== "" && !json) {
      const error = invalidBody(status, headers, text, what);
      return { kind: "failed", error, sent, reason: "unreadable response" };
    }
    const rebuilt = new BufferedResponse(text, json, init);
    return { kind: "response", response: rebuilt };
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
  }
}

// Every JSON operation of the API answers JSON; only binary downloads (images) are let through.
const TEXTUAL = /json|html|text\/|^$/i;

/** A 2xx body that ought to be JSON and is not (an HTML page from a proxy, a cut-off body). */
function invalidBody(status: number, headers: Headers, text: string, what: string): Failure {
  const html = /html/i.test(headers.get("content-type") ?? "") || looksLikeHtml(text);
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

function withoutSecret(headers: Headers, secret: string): Headers {
  for (const [, value] of headers) {
    if (value.includes(secret)) {
      return new Headers([...headers].map(([name, v]) => [name, redact(v, secret)]));
    }
  }
  return headers;
}

/** The path of an absolute URL, without parsing all of it. */
function pathOf(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").replace(/[?#].*$/, "") || "/";
}

/** The parsed value, boxed so that `null` is told apart from "not JSON". */
function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

// Also said when retries ran out, so it must not claim that none was made.
function unknownNote(facts: { outcomeUnknown: boolean }): string {
  return facts.outcomeUnknown
    ? " The request may have taken effect: check before repeating it."
    : "";
}

function abortError(
  what: string,
  signal: AbortSignal | undefined,
  record: AttemptRecord,
): AbortError {
  return new AbortError(`${what} was aborted by the caller.`, {
    cause: signal?.reason,
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

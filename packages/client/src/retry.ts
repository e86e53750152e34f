/**
 * When to retry and how long to wait. The policy, in one place:
 *
 * - Retried: connection failures, timeouts, `408`, `429` and `5xx`. Other statuses are answers
 *   about the request itself and would fail again.
 * - A request that is not idempotent (a `POST` without an `order_id`, say) is retried only when
 *   the failure proves the server did not act on it: the connection was refused, or the server
 *   answered `408` or `429`. A timeout, a reset or a `5xx` after sending leaves the outcome
 *   unknown, so it is reported instead of repeated.
 */

/** How the waits between attempts grow. All values in milliseconds. */
export interface RetryBackoff {
  /** The wait before the first retry, before jitter. Default `500`. */
  initialDelayMs?: number;
  /** The longest wait computed from the backoff. Default `8000`. */
  maxDelayMs?: number;
  /** The longest wait a `Retry-After` header may ask for; longer asks are cut to this. Default `60000`. */
  maxRetryAfterMs?: number;
}

const DEFAULT_BACKOFF: Required<RetryBackoff> = {
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

const RETRIED_STATUSES = new Set([408, 429]);
const STATUSES_BEFORE_ACTION = new Set([408, 429]);

/** True when a response with this status is worth another attempt. */
export function isRetriedStatus(status: number, idempotent: boolean): boolean {
  if (idempotent) return RETRIED_STATUSES.has(status) || status >= 500;
  return STATUSES_BEFORE_ACTION.has(status);
}

/**
 * The wait before retry number `retry` (1-based): exponential with "equal jitter", so waits stay
 * spread out while never dropping below half the nominal value. A `Retry-After` header, in
 * seconds or as an HTTP date, takes precedence up to `maxRetryAfterMs`.
 */
export function retryDelayMs(
  retry: number,
  backoff: RetryBackoff | undefined,
  retryAfter: string | null,
  now = Date.now(),
): number {
  const { initialDelayMs, maxDelayMs, maxRetryAfterMs } = { ...DEFAULT_BACKOFF, ...backoff };
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, maxRetryAfterMs);

  const nominal = Math.min(maxDelayMs, initialDelayMs * 2 ** (retry - 1));
  return nominal / 2 + Math.random() * (nominal / 2);
}

/** Reads `Retry-After` as delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;

  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The options of the client and of each call, and how their defaults are found. */
import { specVersion } from "@autoenhance/api-types";
import type { Logger, LogLevel } from "./logger.js";
import type { RetryBackoff } from "./retry.js";
import type { RetryEvent } from "./transport.js";

/** Options for {@link Autoenhance}. Every one is optional. */
export interface ClientOptions {
  /**
   * Your Autoenhance API key, sent as `x-api-key`.
   * Default: the `AUTOENHANCE_API_KEY` environment variable, where the runtime has one.
   */
  apiKey?: string;
  /**
   * Where the API lives; a path prefix is kept (`https://proxy.example/autoenhance`).
   * Default: `AUTOENHANCE_BASE_URL`, else `https://api.autoenhance.ai`.
   */
  baseUrl?: string;
  /**
   * The `fetch` to send requests with, for proxies, tracing or tests; it is called as
   * `fetch(url, init)`, once per attempt. Default: the global `fetch`.
   */
  fetch?: typeof fetch;
  /** How long one attempt may take, from sending it to the end of its body. Default `60000` ms. */
  timeoutMs?: number;
  /** How often a failed request is retried when retrying is safe; `0` disables. Default `2`. */
  maxRetries?: number;
  /** How the waits between attempts grow. */
  retryBackoff?: RetryBackoff;
  /**
   * The API version sent as `x-api-version`. Default: the `info.version` of the document this
   * package was generated from, so that a new server-side version never changes a deployed client.
   */
  apiVersion?: string;
  /**
   * Whether `orders.create` chooses a random `order_id` when the caller gives none, which makes
   * creates safe to retry. Default `true`; see {@link Orders.create}.
   */
  generateOrderIds?: boolean;
  /** Receives log lines, the API key redacted. The client never logs otherwise. */
  logger?: Logger;
  /** What reaches `logger`. Default: `"warn"` when a logger is given, else `"off"`. */
  logLevel?: LogLevel;
  /** Called before every retry, with the failed attempt and the reason. */
  onRetry?: (event: RetryEvent) => void;
}

/** Options for one call; they override the client's. */
export interface RequestOptions {
  /** Aborts the call, including any wait between attempts. */
  signal?: AbortSignal;
  /** How long one attempt may take. Default: the client's `timeoutMs`. */
  timeoutMs?: number;
  /** How often to retry this call. Default: the client's `maxRetries`. */
  maxRetries?: number;
}

/** The client's options with every default filled in. */
export interface ResolvedOptions extends Required<
  Omit<ClientOptions, "logger" | "onRetry" | "retryBackoff">
> {
  logger: Logger | undefined;
  onRetry: ((event: RetryEvent) => void) | undefined;
  retryBackoff: RetryBackoff | undefined;
}

const DEFAULT_BASE_URL = "https://api.autoenhance.ai";

/** Fills in defaults and rejects options that cannot work, with a message that says what to do. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const env = environment();
  const apiKey = options.apiKey ?? env.AUTOENHANCE_API_KEY;
  if (!apiKey) {
    throw new TypeError(
      "Missing API key: pass { apiKey } to new Autoenhance() or set the AUTOENHANCE_API_KEY environment variable.",
    );
  }

  // The runtime's own message for a bad header value would quote the key; check it here instead.
  try {
    new Headers({ "x-api-key": apiKey });
  } catch {
    throw new TypeError(
      "Invalid apiKey: it contains a character that cannot be sent in an HTTP header, such as a line break.",
    );
  }

  const baseUrl = options.baseUrl ?? env.AUTOENHANCE_BASE_URL ?? DEFAULT_BASE_URL;
  if (!/^https?:\/\/[^/]/i.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new TypeError(
      `Invalid baseUrl ${JSON.stringify(baseUrl)}: give an absolute http(s) URL such as ${DEFAULT_BASE_URL}.`,
    );
  }

  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    throw new TypeError(
      "No fetch available: pass { fetch } or run on a runtime with a global fetch.",
    );
  }

  return {
    apiKey,
    baseUrl,
    fetch: fetchImpl,
    timeoutMs: positive("timeoutMs", options.timeoutMs ?? 60_000),
    maxRetries: nonNegativeInteger("maxRetries", options.maxRetries ?? 2),
    retryBackoff: options.retryBackoff,
    apiVersion: options.apiVersion ?? specVersion,
    generateOrderIds: options.generateOrderIds ?? true,
    logger: options.logger,
    logLevel: options.logLevel ?? (options.logger ? "warn" : "off"),
    onRetry: options.onRetry,
  };
}

/** Checks one call's overrides the same way as the client's options. */
export function resolveRequestOptions(defaults: ResolvedOptions, options: RequestOptions = {}) {
  return {
    timeoutMs: positive("timeoutMs", options.timeoutMs ?? defaults.timeoutMs),
    maxRetries: nonNegativeInteger("maxRetries", options.maxRetries ?? defaults.maxRetries),
  };
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`${name} must be a positive number of milliseconds, got ${value}.`);
  }
  return value;
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a whole number of 0 or more, got ${value}.`);
  }
  return value;
}

// Runtimes without `process` (browsers, most edge runtimes) simply have no environment defaults.
function environment(): Record<string, string | undefined> {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } })
    .process;
  return process?.env ?? {};
}

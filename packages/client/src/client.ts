/** The client: `new Autoenhance({ apiKey })`. */
import type { Client } from "openapi-fetch";
import { createClient } from "./create-client.js";
import type { paths } from "@autoenhance/api-types";
import { levelledLogger, type Logger } from "./logger.js";
import {
  resolveOptions,
  resolveRequestOptions,
  type ClientOptions,
  type RequestOptions,
  type ResolvedOptions,
} from "./options.js";
import { Orders } from "./orders.js";
import { PlainRequestConstructor } from "./plain-request.js";
import { createTransport, type AttemptPolicy, type AttemptRecord } from "./transport.js";
import { version } from "../package.json";

/** The typed openapi-fetch client for every endpoint of the API. */
export type AutoenhanceApi = Client<paths>;

/** @internal What the resources share. */
export interface ClientCore {
  options: ResolvedOptions;
  api: AutoenhanceApi;
  log: Logger;
  transport(
    options: RequestOptions,
    policy: Pick<AttemptPolicy, "idempotent">,
    record?: AttemptRecord,
  ): (request: Request) => Promise<Response>;
}

/**
 * The Autoenhance.ai API client.
 *
 * @example
 * ```ts
 * import { Autoenhance } from "@autoenhance/client";
 *
 * const autoenhance = new Autoenhance({ apiKey: process.env.AUTOENHANCE_API_KEY });
 * const order = await autoenhance.orders.create({ name: "12 Elm St" });
 * ```
 */
export class Autoenhance {
  /** Orders: create and read. */
  readonly orders: Orders;

  /**
   * The typed openapi-fetch client, for every endpoint the wrappers do not cover yet. It sends
   * the same headers and has the same retries and timeouts; it returns `{ data, error, response }`
   * instead of throwing for error statuses.
   *
   * @example
   * ```ts
   * const { data, error } = await autoenhance.api.GET("/v3/orders/{id}", {
   *   params: { path: { id: "my-order" } },
   * });
   * ```
   */
  readonly api: AutoenhanceApi;

  /**
   * @throws {TypeError} when no API key is given or found, or an option cannot work.
   */
  constructor(options: ClientOptions = {}) {
    const resolved = resolveOptions(options);
    const log = levelledLogger(resolved.logger, resolved.logLevel, resolved.apiKey);
    const send = createTransport(resolved.fetch, log, resolved.apiKey);
    const transport: ClientCore["transport"] = (callOptions, policy, record) =>
      send(
        {
          ...resolveRequestOptions(resolved, callOptions),
          ...policy,
          backoff: resolved.retryBackoff,
          onRetry: resolved.onRetry,
        },
        record,
      );

    const clientOptions = {
      baseUrl: resolved.baseUrl,
      headers: defaultHeaders(resolved),
      fetch: transport({}, {}),
    };
    this.api = createClient<paths>(clientOptions);
    // The resources' own client skips building a Request that the transport would only unpack.
    const api = createClient<paths>({ ...clientOptions, Request: PlainRequestConstructor });
    this.orders = new Orders({ options: resolved, api, log, transport });
  }
}

function defaultHeaders({ apiKey, apiVersion }: ResolvedOptions): Record<string, string> {
  const headers: Record<string, string> = { "x-api-key": apiKey, "x-api-version": apiVersion };
  // Browsers name themselves and would add the header to every CORS preflight.
  if (typeof (globalThis as { document?: unknown }).document === "undefined") {
    headers["user-agent"] = `autoenhance-client-typescript/${version}`;
  }
  return headers;
}

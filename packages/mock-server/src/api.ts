/**
 * The transport-independent core of the stand-in: one function that turns a request into a
 * response. This module holds the public types and the request flow (recording, preflight, the
 * hand-over to the engine); the engine routes and validates, the operations answer.
 */
import { randomUUID } from "node:crypto";
import type { Order } from "@autoenhance/api-types";
import { loadDefaultDocument } from "./document.js";
import { engineFor, type Exchange, type InstanceState } from "./engine.js";
import { finishReply, httpError, preflight, type Reply } from "./reply.js";
import { parseBody, splitUrl } from "./request.js";

/** Options of {@link createMockApi}: how the stand-in authenticates and refuses requests. */
export interface MockApiOptions {
  /**
   * The API keys the stand-in accepts in the `x-api-key` header. When omitted, any non-empty key
   * is accepted; an empty list accepts none.
   */
  apiKeys?: string[];
  /**
   * How a `POST /v3/orders/` that repeats an existing `order_id` is refused: `409` with an
   * `HTTPError` body, or `422` with a `ValidationError` body naming `order_id`. Default `409`.
   */
  duplicateOrderStatus?: 409 | 422;
  /**
   * The OpenAPI 3.0 document to route and validate against. Default: the corrected document that
   * `@autoenhance/api-types` ships as `@autoenhance/api-types/openapi.json`. Only local `$ref`s
   * are supported. The stand-in works on a copy and never modifies the object passed in; mocks
   * of the same document share its compiled validators, so only the first one pays for them.
   */
  document?: object;
}

/** A request as {@link MockApi.handle} takes it, independent of any HTTP library. */
export interface MockRequest {
  /** The HTTP method, in any case (`"GET"`, `"post"`). */
  method: string;
  /** The path and query string, as on an HTTP request line: `/v3/orders/?per_page=5`. */
  url: string;
  /** The request headers; names in any case, `undefined` values are ignored. */
  headers: Record<string, string | undefined>;
  /** The raw request body, if any. An empty body counts as none. */
  body?: string;
}

/** A response as {@link MockApi.handle} returns it, ready to be written by any HTTP server. */
export interface MockResponse {
  /** The HTTP status code. */
  status: number;
  /** The response headers, with lower-case names. */
  headers: Record<string, string>;
  /** The response body: JSON text, or `""` for a response without content (`204`). */
  body: string;
}

/** One request the stand-in received, as kept in {@link MockApi.requests}. */
export interface RecordedRequest {
  /** The `x-request-id` the stand-in sent back for this request. */
  requestId: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The path, without the query string. */
  path: string;
  /** The query string without the leading `?`; `""` when there is none. */
  query: string;
  /**
   * The request headers with lower-case names. Credentials are never kept: the value of the API
   * key header and of `authorization` is replaced by `"[redacted]"`.
   */
  headers: Record<string, string>;
  /**
   * The body: the parsed JSON value, the raw text when it is not valid JSON, or `undefined` when
   * the request had no body.
   */
  body: unknown;
}

/** The stand-in's request handler and its in-memory state. */
export interface MockApi {
  /**
   * Answers one request: routes it, checks the API key, validates it against the document and
   * runs the operation. Never rejects for a bad request (every outcome is a response); rejects only
   * if the document could not be loaded.
   */
  handle(request: MockRequest): Promise<MockResponse>;
  /**
   * The orders the stand-in holds, by `order_id`. Tests may read it, or seed it with orders that
   * `GET /v3/orders/{id}` and `GET /v3/orders/` then return.
   */
  orders: Map<string, Order>;
  /** Every request received so far, oldest first, credentials redacted. */
  requests: RecordedRequest[];
  /** Forgets every order and every recorded request; the same `Map` and array are emptied. */
  reset(): void;
}

/** The value that replaces a credential in {@link RecordedRequest.headers}. */
export const REDACTED = "[redacted]";

/**
 * Creates the stand-in's core: a {@link MockApi} whose `handle` answers requests in memory,
 * without any server. {@link startMockServer} serves it over HTTP; fault-injection tests can wrap
 * `handle` in their own server.
 *
 * @param options - Accepted API keys, duplicate handling and the document; all optional.
 * @returns The handler with its state. The document is loaded in the background; the first
 *   `handle` call waits for it.
 * @throws TypeError or RangeError when an option is invalid; Error when the document has a
 *   `$ref` that is not local.
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  return createMockApiWithReady(options).api;
}

/** {@link createMockApi}, plus the promise that settles once the document is loaded. */
export function createMockApiWithReady(options: MockApiOptions = {}): {
  api: MockApi;
  ready: Promise<void>;
} {
  const duplicateOrderStatus = options.duplicateOrderStatus ?? 409;
  if (duplicateOrderStatus !== 409 && duplicateOrderStatus !== 422) {
    throw new RangeError("duplicateOrderStatus must be 409 or 422.");
  }
  if (
    options.apiKeys !== undefined &&
    (!Array.isArray(options.apiKeys) || options.apiKeys.some((key) => typeof key !== "string"))
  ) {
    throw new TypeError("apiKeys must be an array of strings.");
  }
  const engine = engineFor(options.document ?? loadDefaultDocument());
  const state: InstanceState = {
    orders: new Map<string, Order>(),
    apiKeys: options.apiKeys === undefined ? undefined : new Set(options.apiKeys),
    duplicateOrderStatus,
  };
  const requests: RecordedRequest[] = [];

  async function handle(request: MockRequest): Promise<MockResponse> {
    await engine.ready;
    const requestId = randomUUID();
    try {
      const method = String(request.method).trim().toUpperCase();
      const { path, query } = splitUrl(String(request.url));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers ?? {})) {
        if (value !== undefined) headers[name.toLowerCase()] = String(value);
      }
      const body = parseBody(request.body);

      const recordedHeaders = { ...headers };
      for (const name of engine.credentialHeaders) {
        if (name in recordedHeaders) recordedHeaders[name] = REDACTED;
      }
      requests.push({
        requestId,
        method,
        path,
        query,
        headers: recordedHeaders,
        body: body.kind === "json" ? body.value : body.kind === "invalid" ? body.raw : undefined,
      });

      if (method === "OPTIONS") return finishReply(preflight(headers), requestId);

      const exchange: Exchange = {
        state,
        method,
        path,
        body,
        contentType: headers["content-type"],
      };
      const reply = (await engine.backend.handleRequest(
        {
          method,
          path,
          query,
          headers,
          // An empty body reads as `{}`, as webargs reads a missing JSON body.
          body: body.kind === "json" ? body.value : body.kind === "invalid" ? body.raw : {},
        },
        exchange,
      )) as Reply;
      return finishReply(reply, requestId);
    } catch {
      // Deliberately without the error text: it could quote the request, credentials included.
      return finishReply({ status: 500, body: httpError("Internal Server Error") }, requestId);
    }
  }

  const api: MockApi = {
    handle,
    orders: state.orders,
    requests,
    reset() {
      state.orders.clear();
      requests.length = 0;
    },
  };
  return { api, ready: engine.ready };
}

/**
 * The transport-independent core of the stand-in: one function that turns a request into a
 * response, with openapi-backend doing the routing and the request validation.
 */
import { randomUUID } from "node:crypto";
import {
  OpenAPIBackend,
  type AjvCustomizer,
  type Context,
  type Document,
  type Handler,
} from "openapi-backend";
import type { Order, OrderInput } from "@autoenhance/api-types";
import { collectFormats, loadDefaultDocument, prepareDocument } from "./document.js";
import {
  addMessage,
  isIgnorable,
  SCHEMA_FIELD,
  toValidationDetail,
  validationErrorBody,
  type AjvErrorLike,
  type ValidationDetail,
} from "./validation-errors.js";

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

/** What an internal handler produces before the common headers are added. */
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type ParsedBody =
  { kind: "empty" } | { kind: "json"; value: unknown } | { kind: "invalid"; raw: string };

/** The state of one {@link MockApi}; engines are shared, so handlers find it in the exchange. */
interface InstanceState {
  orders: Map<string, Order>;
  apiKeys: Set<string> | undefined;
  duplicateOrderStatus: 409 | 422;
}

/** The per-request state that openapi-backend hands to every handler as its second argument. */
interface Exchange {
  state: InstanceState;
  method: string;
  path: string;
  body: ParsedBody;
  contentType: string | undefined;
  authFailure?: "missing" | "invalid";
}

type ExchangeHandler = (context: Context, exchange: Exchange) => Reply;

/** The value that replaces a credential in {@link RecordedRequest.headers}. */
export const REDACTED = "[redacted]";

const DEFAULT_PER_PAGE = 5;
const DUPLICATE_ORDER_MESSAGE = "An order with this order_id already exists.";

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

function isJsonMediaType(contentType: string | undefined): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[^/]+\+json$/.test(type);
}

function parseBody(raw: string | undefined): ParsedBody {
  if (raw === undefined || raw.trim() === "") return { kind: "empty" };
  try {
    return { kind: "json", value: JSON.parse(raw) as unknown };
  } catch {
    return { kind: "invalid", raw };
  }
}

/** Splits a request target into path and query, accepting the absolute form as well. */
function splitUrl(url: string): { path: string; query: string } {
  let target = url.split("#")[0] ?? "";
  if (!target.startsWith("/")) {
    try {
      const parsed = new URL(target);
      target = `${parsed.pathname}${parsed.search}`;
    } catch {
      target = `/${target}`;
    }
  }
  const index = target.indexOf("?");
  return index === -1
    ? { path: target, query: "" }
    : { path: target.slice(0, index), query: target.slice(index + 1) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The pattern openapi-backend matches a path template with: `{id}` is one segment. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/\{[^}]*\}/)
    .map(escapeRegExp)
    .join("[^/]+");
  return new RegExp(`^${source}$`);
}

function firstString(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstString(value[0]);
  return typeof value === "string" ? value : undefined;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-insensitive, then by code unit: the same order on every machine, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b);
}

function validationReply(detail: ValidationDetail): Reply {
  return { status: 422, body: validationErrorBody(detail) };
}

function fieldError(location: string, field: string, message: string): Reply {
  const detail: ValidationDetail = {};
  addMessage(detail, location, field, message);
  return validationReply(detail);
}

/** Gives the formats the document uses validators, so Ajv neither warns nor skips them. */
function formatCustomizer(formats: Set<string>): AjvCustomizer {
  const validators: Record<string, RegExp | ((value: string) => boolean)> = {
    "date-time": (value) =>
      /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  };
  return (ajv) => {
    for (const name of formats) {
      if (ajv.formats[name] !== undefined) continue;
      ajv.addFormat(name, validators[name] ?? (() => true));
    }
    return ajv;
  };
}

/** A document's openapi-backend instance with the stand-in's handlers, shared by every mock. */
interface Engine {
  backend: OpenAPIBackend;
  /** Headers whose values are credentials, never recorded. */
  credentialHeaders: Set<string>;
  /** Settles once the document is dereferenced and the validators are compiled. */
  ready: Promise<void>;
}

/**
 * Engines by document text. Loading a document and compiling its validators takes about half a
 * second; every mock of the same document after the first starts at once. Handlers keep no state
 * of their own (the instance's state travels in each request's exchange), so sharing is safe.
 */
const engines = new Map<string, Engine>();

function engineFor(source: object): Engine {
  const key = JSON.stringify(source);
  let engine = engines.get(key);
  if (engine === undefined) {
    engine = createEngine(prepareDocument(source));
    engines.set(key, engine);
  }
  return engine;
}

function createEngine(document: Record<string, unknown>): Engine {
  const securitySchemes = ((document["components"] as Record<string, unknown> | undefined)?.[
    "securitySchemes"
  ] ?? {}) as Record<string, { type?: string; in?: string; name?: string }>;
  const credentialHeaders = new Set(["authorization"]);
  for (const scheme of Object.values(securitySchemes)) {
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) {
      credentialHeaders.add(scheme.name.toLowerCase());
    }
  }

  const backend = new OpenAPIBackend({
    definition: document as unknown as Document,
    strict: true,
    // The API's collection paths end with a slash (`/v3/orders/`); a client that drops it must
    // find out here, not against the real API.
    ignoreTrailingSlashes: false,
    coerceTypes: true,
    ajvOpts: { allErrors: true, verbose: true },
    customizeAjv: formatCustomizer(collectFormats(document)),
  });

  /** The operations whose path template matches a request path, for `Allow` and slash hints. */
  function operationsAt(path: string): Array<{ method: string; path: string }> {
    return backend
      .getOperations()
      .filter((operation) => templatePattern(operation.path).test(path))
      .map(({ method, path: template }) => ({ method, path: template }));
  }

  // --- Routing, security and validation outcomes --------------------------------------------

  function notFound(exchange: Exchange): Reply {
    const alternative = exchange.path.endsWith("/")
      ? exchange.path.replace(/\/+$/, "")
      : `${exchange.path}/`;
    const method = exchange.method.toLowerCase();
    const hint = operationsAt(alternative).some((operation) => operation.method === method)
      ? { hint: `No such path. Did you mean ${alternative}?` }
      : {};
    return { status: 404, body: httpError("Not Found", hint) };
  }

  function methodNotAllowed(exchange: Exchange): Reply {
    const allowed = [
      ...new Set(operationsAt(exchange.path).map(({ method }) => method.toUpperCase())),
    ];
    return {
      status: 405,
      body: httpError("Method Not Allowed"),
      headers: { allow: [...allowed, "OPTIONS"].join(", ") },
    };
  }

  function unauthorized(exchange: Exchange): Reply {
    const message =
      exchange.authFailure === "invalid"
        ? "Invalid API key."
        : "Missing API key: send it in the x-api-key header.";
    return { status: 401, body: httpError(message) };
  }

  /**
   * Checks the body of an operation that takes one, after routing and authentication and before
   * schema validation: it must be declared as JSON, and be JSON. `undefined` means it may go on.
   */
  function bodyProblem(context: Context, exchange: Exchange): Reply | undefined {
    if (!context.operation.requestBody || exchange.body.kind === "empty") return undefined;
    if (!isJsonMediaType(exchange.contentType)) {
      return {
        status: 415,
        body: httpError(
          "Unsupported Media Type: send the body as JSON, with Content-Type: application/json.",
        ),
      };
    }
    if (exchange.body.kind === "invalid") {
      return fieldError("json", SCHEMA_FIELD, "Invalid JSON body.");
    }
    return undefined;
  }

  function notImplemented(context: Context): Reply {
    const { method, path, operationId } = context.operation;
    return {
      status: 501,
      body: httpError(
        `The Autoenhance mock server does not implement ${method.toUpperCase()} ${path} ` +
          `(${String(operationId)}).`,
      ),
    };
  }

  /** Runs the operation of a request that passed routing, authentication and validation. */
  function dispatch(context: Context, exchange: Exchange): Reply {
    const problem = bodyProblem(context, exchange);
    if (problem) return problem;
    const operation = OPERATIONS[String(context.operation.operationId)];
    return operation ? operation(context, exchange) : notImplemented(context);
  }

  function validationFail(context: Context, exchange: Exchange): Reply {
    const problem = bodyProblem(context, exchange);
    if (problem) return problem;
    const errors = (context.validation.errors ?? []) as AjvErrorLike[];
    const relevant = errors.filter((error) => !isIgnorable(error) && error.keyword !== "parse");
    if (relevant.length === 0) return dispatch(context, exchange);
    return validationReply(toValidationDetail(relevant));
  }

  const asHandler =
    (handler: ExchangeHandler): Handler =>
    (context, exchange: Exchange) =>
      handler(context, exchange);

  // No operation gets a handler of its own: each one reaches `notImplemented`, which dispatches to
  // the implementation when there is one and answers 501 otherwise.
  backend.register({
    notFound: asHandler((_context, exchange) => notFound(exchange)),
    methodNotAllowed: asHandler((_context, exchange) => methodNotAllowed(exchange)),
    unauthorizedHandler: asHandler((_context, exchange) => unauthorized(exchange)),
    validationFail: asHandler(validationFail),
    notImplemented: asHandler(dispatch),
  });

  // Security: every apiKey scheme is checked against the instance's accepted keys.
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    if (scheme.type !== "apiKey" || !scheme.name) continue;
    const location = scheme.in ?? "header";
    const keyName = location === "header" ? scheme.name.toLowerCase() : scheme.name;
    backend.registerSecurityHandler(name, (context, exchange: Exchange) => {
      const source =
        location === "query"
          ? context.request.query
          : location === "cookie"
            ? context.request.cookies
            : context.request.headers;
      const value = firstString((source as Record<string, unknown>)[keyName])?.trim() ?? "";
      if (value === "") {
        exchange.authFailure ??= "missing";
        return false;
      }
      const { apiKeys } = exchange.state;
      if (apiKeys !== undefined && !apiKeys.has(value)) {
        exchange.authFailure = "invalid";
        return false;
      }
      return true;
    });
  }

  const ready = backend.init().then(() => undefined);
  // A failed load surfaces from `ready` and from every `handle` call, never as an unhandled
  // rejection of this promise.
  ready.catch(() => undefined);
  return { backend, credentialHeaders, ready };
}

// --- Operations ------------------------------------------------------------------------------

const createOrder: ExchangeHandler = (context, { state }) => {
  const input = (context.request.requestBody ?? {}) as OrderInput;
  if (input.order_id === "") {
    return fieldError("json", "order_id", "Shorter than minimum length 1.");
  }
  const orderId = input.order_id ?? randomUUID();
  if (state.orders.has(orderId)) {
    return state.duplicateOrderStatus === 409
      ? { status: 409, body: httpError(DUPLICATE_ORDER_MESSAGE) }
      : fieldError("json", "order_id", DUPLICATE_ORDER_MESSAGE);
  }
  const now = new Date().toISOString();
  const order: Order = {
    order_id: orderId,
    ...(input.name !== undefined && { name: input.name }),
    images: [],
    status: "waiting",
    is_deleted: false,
    is_merging: false,
    is_processing: false,
    created_at: now,
    last_updated_at: now,
    total_images: 0,
    ...(input.default_image_sort_order !== undefined && {
      default_image_sort_order: input.default_image_sort_order,
    }),
  };
  state.orders.set(orderId, order);
  return { status: 200, body: structuredClone(order) };
};

const retrieveOrder: ExchangeHandler = (context, { state }) => {
  const order = state.orders.get(String(context.request.params.id));
  return order
    ? { status: 200, body: structuredClone(order) }
    : { status: 404, body: httpError("Order not found.") };
};

const deleteOrder: ExchangeHandler = (context, { state }) => {
  const deleted = state.orders.delete(String(context.request.params.id));
  return deleted ? { status: 204 } : { status: 404, body: httpError("Order not found.") };
};

const listOrders: ExchangeHandler = (context, { state }) => {
  const query = context.request.query as Record<string, unknown>;
  const search = firstString(query.q)?.toLowerCase();
  const sort = firstString(query.sort) ?? "-date";
  const rawPerPage = Array.isArray(query.per_page) ? query.per_page[0] : query.per_page;
  const perPage = rawPerPage === undefined ? DEFAULT_PER_PAGE : Number(rawPerPage);
  if (!Number.isInteger(perPage) || perPage < 1) {
    return fieldError("query", "per_page", "Must be greater than or equal to 1.");
  }
  const offset = firstString(query.offset) ?? "";
  if (offset !== "" && !/^\d+$/.test(offset)) {
    return fieldError("query", "offset", "Not a valid page token.");
  }
  const start = offset === "" ? 0 : Number(offset);

  const descending = sort.startsWith("-");
  const key = sort.replace(/^-/, "");
  const matching = [...state.orders.values()]
    .map((order, index) => ({ order, index }))
    .filter(({ order }) => !search || (order.name ?? "").toLowerCase().includes(search))
    .sort((a, b) => {
      const primary =
        key === "name"
          ? compareText(a.order.name ?? "", b.order.name ?? "")
          : compareCodeUnits(a.order.created_at ?? "", b.order.created_at ?? "");
      // Equal keys keep creation order, so "-date" lists the newest first even within a millisecond.
      const order = primary !== 0 ? primary : a.index - b.index;
      return descending ? -order : order;
    });
  const page = matching.slice(start, start + perPage).map(({ order }) => structuredClone(order));
  const next = start + perPage;
  return {
    status: 200,
    body: {
      orders: page,
      // The document types next_offset as a string that is not nullable: the last page omits it.
      pagination: {
        per_page: perPage,
        ...(next < matching.length && { next_offset: String(next) }),
      },
    },
  };
};

/** The operations the stand-in implements, by operationId. */
const OPERATIONS: Record<string, ExchangeHandler> = {
  create_order: createOrder,
  retrieve_order: retrieveOrder,
  delete_order: deleteOrder,
  list_orders: listOrders,
};

function preflight(headers: Record<string, string>): Reply {
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

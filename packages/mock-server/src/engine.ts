/**
 * The openapi-backend side of the stand-in: one engine per document, which routes, authenticates
 * and validates a request and hands it to the operation that answers it. Engines hold no state of
 * a mock's own, so every mock of the same document can share one.
 */
import {
  OpenAPIBackend,
  type AjvCustomizer,
  type Context,
  type Document,
  type Handler,
} from "openapi-backend";
import type { Order } from "@autoenhance/api-types";
import type { MockApi } from "./api.js";
import { collectFormats, prepareDocument } from "./document.js";
import { OPERATIONS } from "./orders.js";
import { fieldError, httpError, validationReply, type Reply } from "./reply.js";
import { firstString, isJsonMediaType, type ParsedBody } from "./request.js";
import {
  isIgnorable,
  SCHEMA_FIELD,
  toValidationDetail,
  type AjvErrorLike,
} from "./validation-errors.js";

/** The state of one {@link MockApi}; engines are shared, so handlers find it in the exchange. */
export interface InstanceState {
  orders: Map<string, Order>;
  apiKeys: Set<string> | undefined;
  duplicateOrderStatus: 409 | 422;
}

/** The per-request state that openapi-backend hands to every handler as its second argument. */
export interface Exchange {
  state: InstanceState;
  method: string;
  path: string;
  body: ParsedBody;
  contentType: string | undefined;
  authFailure?: "missing" | "invalid";
}

/** openapi-backend's `Handler` as the stand-in writes one: with the exchange typed. */
export type ExchangeHandler = (context: Context, exchange: Exchange) => Reply;

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
export interface Engine {
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

/**
 * The engine for a document, created on first use and cached by the document's text.
 *
 * @throws TypeError when the document is not an object; Error when it has a `$ref` that is not
 *   local.
 */
export function engineFor(source: object): Engine {
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

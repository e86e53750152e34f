/** How answers become results or typed errors, in the source and in both builds. */
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import * as src from "../src/index.js";
import * as esm from "../dist/index.js";
import {
  ApiError,
  AuthenticationError,
  AutoenhanceError,
  ConflictError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../src/index.js";
import { clientFor, closeServers, rejectionOf, sendJson, startServer } from "./helpers.js";

const cjs = createRequire(import.meta.url)("../dist/index.cjs") as typeof esm;

afterEach(closeServers);

/** A client whose creates get `status` with `body` once, unretried. */
async function failingCreate(status: number, body: unknown, headers: Record<string, string> = {}) {
  const server = await startServer((_, res) => sendJson(res, status, body, headers));
  const error = await rejectionOf(clientFor(server.url).orders.create({}, { maxRetries: 0 }));
  return { error, server };
}

describe("error statuses", () => {
  it.each([
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, ServerError],
    [502, ServerError],
    [418, ApiError],
  ] as const)(
    "map %i to %o with its status, message, body, headers and request id",
    async (status, Class) => {
      const body = { message: `the server says ${status}`, code: status };
      const { error } = await failingCreate(status, body, { "x-request-id": `req-${status}` });

      expect(error).toBeInstanceOf(Class);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toBeInstanceOf(AutoenhanceError);
      const apiError = error as ApiError;
      expect(apiError.name).toBe(Class.kind);
      expect(apiError.status).toBe(status);
      expect(apiError.message).toContain(`the server says ${status}`);
      expect(apiError.body).toEqual(body);
      expect(apiError.headers?.get("x-request-id")).toBe(`req-${status}`);
      expect(apiError.requestId).toBe(`req-${status}`);
    },
  );

  it("maps 418 to a plain ApiError, not a more specific class", async () => {
    const { error } = await failingCreate(418, { message: "teapot" });

    expect(error).not.toBeInstanceOf(ServerError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect((error as Error).name).toBe("ApiError");
  });

  it("exposes the field errors of an APIFlask 422", async () => {
    const body = {
      message: "Validation error",
      detail: { json: { name: ["Not a valid string.", "Too long."] } },
    };
    const { error } = await failingCreate(422, body);

    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.fieldErrors).toEqual(body.detail);
    expect(validation.messagesFor("name")).toEqual(["Not a valid string.", "Too long."]);
    expect(validation.messagesFor("order_id")).toEqual([]);
    expect(validation.messagesFor("name", "query")).toEqual([]);
  });

  it("turns a 502 HTML page into a ServerError with the raw text, not a SyntaxError", async () => {
    const page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    const server = await startServer((_, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(page);
    });
    const error = await rejectionOf(clientFor(server.url).orders.create({}, { maxRetries: 0 }));

    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).body).toBe(page);
    expect((error as ServerError).message).toMatch(/HTML page/);
  });
});

describe("unreadable success answers", () => {
  it.each([
    ["truncated JSON", "application/json", '{"order_id": "o-1", "sta'],
    ["an HTML page", "text/html", "<!doctype html><html><body>Welcome</body></html>"],
    ["plain text", "text/plain", "OK"],
    ["JSON under a text type", "text/plain", '{"order_id": "o-'],
  ])(
    "turn a 200 with %s into an InvalidResponseError, never a SyntaxError",
    async (_, type, text) => {
      const server = await startServer((__, res) => {
        res.writeHead(200, { "content-type": type });
        res.end(text);
      });
      const error = await rejectionOf(clientFor(server.url).orders.create({}, { maxRetries: 0 }));

      expect(error).not.toBeInstanceOf(SyntaxError);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).status).toBe(200);
      expect((error as InvalidResponseError).body).toBe(text);
    },
  );

  it.each([
    ["an empty 200 body", 200, { "transfer-encoding": "chunked" }],
    ["a 200 with Content-Length: 0", 200, { "content-length": "0" }],
    ["a 204", 204, {}],
  ])(
    "read the order back after %s on a create with a known order_id",
    async (_, status, headers) => {
      const server = await startServer((request, res) => {
        if (request.method === "POST") {
          res.writeHead(status, headers);
          res.end();
        } else {
          sendJson(res, 200, { order_id: "known-id", name: "read back", status: "waiting" });
        }
      });
      const order = await clientFor(server.url).orders.create({ order_id: "known-id" });

      expect(order).toMatchObject({ order_id: "known-id", name: "read back" });
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        "POST /v3/orders/",
        "GET /v3/orders/known-id",
      ]);
    },
  );

  it("turn an empty 200 to a create without an order_id into an error of unknown outcome", async () => {
    const server = await startServer((_, res) => {
      res.writeHead(200, { "content-length": "0" });
      res.end();
    });
    const error = await rejectionOf(
      clientFor(server.url).orders.create({ name: "x" }, { generateOrderId: false }),
    );

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).outcomeUnknown).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe("instanceof across the error chain and the builds", () => {
  const builds = { src, esm, cjs } as const;

  it.each(Object.keys(builds) as (keyof typeof builds)[])(
    "holds for the whole chain in %s",
    (name) => {
      const m = builds[name];
      const timeout = new m.TimeoutError("t");
      expect(timeout).toBeInstanceOf(m.TimeoutError);
      expect(timeout).toBeInstanceOf(m.ConnectionError);
      expect(timeout).toBeInstanceOf(m.AutoenhanceError);
      expect(timeout).toBeInstanceOf(Error);
      expect(timeout).not.toBeInstanceOf(m.ApiError);

      const validation = new m.ValidationError("v", { status: 422 });
      expect(validation).toBeInstanceOf(m.ApiError);
      expect(validation).toBeInstanceOf(m.AutoenhanceError);
      expect(validation).not.toBeInstanceOf(m.ConflictError);
      expect(new Error("plain")).not.toBeInstanceOf(m.AutoenhanceError);
      expect({}).not.toBeInstanceOf(m.AutoenhanceError);
    },
  );

  it("lets an error thrown by the CommonJS build match the ESM classes, and back", async () => {
    expect(cjs.NotFoundError).not.toBe(esm.NotFoundError);
    const fetch = async () => Response.json({ message: "no such order" }, { status: 404 });
    const options = { apiKey: "k", baseUrl: "http://127.0.0.1:9", fetch };

    const fromCjs = await rejectionOf(new cjs.Autoenhance(options).orders.retrieve("x"));
    expect(fromCjs).toBeInstanceOf(cjs.NotFoundError);
    expect(fromCjs).toBeInstanceOf(esm.NotFoundError);
    expect(fromCjs).toBeInstanceOf(esm.ApiError);
    expect(fromCjs).toBeInstanceOf(src.AutoenhanceError);
    expect(fromCjs).not.toBeInstanceOf(esm.ServerError);

    const fromEsm = await rejectionOf(new esm.Autoenhance(options).orders.retrieve("x"));
    expect(fromEsm).toBeInstanceOf(cjs.NotFoundError);
    expect(fromEsm).toBeInstanceOf(cjs.AutoenhanceError);
  });
});

import { request as httpRequest, Agent } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockApi, startMockServer, type MockServer } from "../src/index.js";
import { call } from "./helpers.js";

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

describe("headers", () => {
  it("gives every response a fresh x-request-id, JSON content and CORS headers", async () => {
    const results = [
      await call(server.url, "POST", "/v3/orders/", { body: {} }),
      await call(server.url, "POST", "/v3/orders/", { body: { bad: true } }),
      await call(server.url, "GET", "/v3/orders/", { key: null }),
      await call(server.url, "GET", "/nowhere"),
    ];
    expect(results.map((r) => r.status)).toEqual([200, 422, 401, 404]);

    const ids = results.map((r) => r.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const result of results) {
      expect(result.headers.get("content-type")).toBe("application/json");
      expect(result.headers.get("access-control-allow-origin")).toBe("*");
      expect(result.headers.get("access-control-expose-headers")).toBe("x-request-id");
    }
    // The recorded requests carry the same ids, so a test can match a request to its response.
    expect(server.requests.slice(-4).map((r) => r.requestId)).toEqual(ids);
  });

  it("url has no trailing slash and points at 127.0.0.1", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("CORS", () => {
  it("answers a preflight from another origin without an API key", async () => {
    const response = await fetch(`${server.url}/v3/orders/`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-api-key, x-api-version",
      },
    });

    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const methods = response.headers.get("access-control-allow-methods")?.split(", ") ?? [];
    expect(methods).toEqual(expect.arrayContaining(["GET", "POST", "DELETE", "PATCH"]));
    const allowed = response.headers.get("access-control-allow-headers")?.split(", ") ?? [];
    expect(allowed).toEqual(expect.arrayContaining(["content-type", "x-api-key", "x-api-version"]));
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("allows extra headers that a preflight asks for, but only well-formed names", async () => {
    const response = await fetch(`${server.url}/v3/orders/`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "GET",
        "access-control-request-headers": "x-trace-id, bad header",
      },
    });
    const allowed = response.headers.get("access-control-allow-headers")?.split(", ") ?? [];
    expect(allowed).toContain("x-trace-id");
    expect(allowed).not.toContain("bad header");
  });
});

describe("state", () => {
  it("records requests with their parsed bodies, and reset() forgets everything", async () => {
    server.reset();
    await call(server.url, "POST", "/v3/orders/?source=test", { body: { name: "kept" } });

    expect(server.requests).toHaveLength(1);
    const recorded = server.requests[0]!;
    expect(recorded).toMatchObject({
      method: "POST",
      path: "/v3/orders/",
      query: "source=test",
      body: { name: "kept" },
    });
    expect(recorded.headers["content-type"]).toBe("application/json");
    expect(server.orders.size).toBe(1);

    const { orders, requests } = server;
    server.reset();
    expect(orders.size).toBe(0);
    expect(requests).toHaveLength(0);
    expect(server.orders).toBe(orders);
  });

  it("keeps servers apart", async () => {
    const other = await startMockServer();
    try {
      await call(other.url, "POST", "/v3/orders/", { body: { order_id: "only-here" } });
      expect(other.orders.has("only-here")).toBe(true);
      expect(server.orders.has("only-here")).toBe(false);
    } finally {
      await other.close();
    }
  });
});

describe("createMockApi", () => {
  it("answers requests through handle() without any server", async () => {
    const api = createMockApi({ apiKeys: ["k"] });
    const created = await api.handle({
      method: "post",
      url: "/v3/orders/",
      headers: { "X-Api-Key": "k", "Content-Type": "application/json", ignored: undefined },
      body: JSON.stringify({ order_id: "direct" }),
    });
    expect(created.status).toBe(200);
    expect(created.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(created.body)).toMatchObject({ order_id: "direct", status: "waiting" });

    const fetched = await api.handle({ method: "GET", url: "/v3/orders/direct", headers: {} });
    expect(fetched.status).toBe(200);
    expect(api.orders.has("direct")).toBe(true);

    const deleted = await api.handle({
      method: "DELETE",
      url: "/v3/orders/direct",
      headers: { "x-api-key": "k" },
    });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe("");
    expect(deleted.headers).not.toHaveProperty("content-type");
    expect(deleted.headers["x-request-id"]).toBeTruthy();
    expect(api.orders.size).toBe(0);
    expect(api.requests.map((r) => r.method)).toEqual(["POST", "GET", "DELETE"]);
  });

  it("rejects invalid options", () => {
    expect(() => createMockApi({ duplicateOrderStatus: 400 as 409 })).toThrow(RangeError);
  });

  it("refuses a document with a remote $ref instead of fetching it", () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/x": { get: { responses: { "200": { $ref: "./responses.json#/ok" } } } } },
    };
    expect(() => createMockApi({ document })).toThrow(/local \$refs/);
  });

  it("refuses to start on a document that is not valid OpenAPI", async () => {
    await expect(startMockServer({ document: { openapi: "3.0.3", paths: {} } })).rejects.toThrow();
  });

  it("works with another document, and answers its operations with 501", async () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/ping": { get: { operationId: "ping", responses: { "200": { description: "ok" } } } },
      },
    };
    const api = createMockApi({ document });
    const response = await api.handle({ method: "GET", url: "/ping", headers: {} });
    expect(response.status).toBe(501);
    expect(JSON.parse(response.body).message).toContain("ping");
  });
});

describe("close()", () => {
  it("closes idle keep-alive connections so the process can exit", async () => {
    const local = await startMockServer();
    const agent = new Agent({ keepAlive: true });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          `${local.url}/v3/orders/`,
          { agent, headers: { "x-api-key": "k" } },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end();
      });
      expect(status).toBe(200);
      // The socket stays open in the agent's pool; close() must not wait for it to time out.
      const started = Date.now();
      await local.close();
      expect(Date.now() - started).toBeLessThan(1000);
      await local.close();
      await expect(fetch(`${local.url}/v3/orders/`)).rejects.toThrow();
    } finally {
      agent.destroy();
    }
  });
});

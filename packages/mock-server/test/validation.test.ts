import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";
import { call, createResponseChecker } from "./helpers.js";

const SECRET = "sk-live-0123456789abcdef";

let open: MockServer;
let keyed: MockServer;
let checker: Awaited<ReturnType<typeof createResponseChecker>>;

beforeAll(async () => {
  [open, keyed, checker] = await Promise.all([
    startMockServer(),
    startMockServer({ apiKeys: [SECRET, "second-key"] }),
    createResponseChecker(),
  ]);
});
afterAll(() => Promise.all([open.close(), keyed.close()]));
beforeEach(() => {
  open.reset();
  keyed.reset();
});

describe("API key", () => {
  it("answers 401 with an empty detail when the key is missing", async () => {
    const result = await call(open.url, "POST", "/v3/orders/", { body: {}, key: null });
    expect(result.status).toBe(401);
    checker.expectConforms("create_order", result);
    expect(result.json.detail).toEqual({});
    expect(result.json.message).toMatch(/x-api-key/);
    expect(open.orders.size).toBe(0);
  });

  it("answers 401 for a blank key", async () => {
    const result = await call(open.url, "GET", "/v3/orders/", { key: "   " });
    expect(result.status).toBe(401);
    checker.expectConforms("list_orders", result);
  });

  it("accepts any non-empty key when no keys are configured", async () => {
    const result = await call(open.url, "GET", "/v3/orders/", { key: "anything" });
    expect(result.status).toBe(200);
  });

  it("answers 401 for a key that is not in apiKeys, and accepts each configured key", async () => {
    const wrong = await call(keyed.url, "POST", "/v3/orders/", { body: {}, key: "guess" });
    expect(wrong.status).toBe(401);
    checker.expectConforms("create_order", wrong);
    expect(wrong.json.detail).toEqual({});
    expect(keyed.orders.size).toBe(0);

    const missing = await call(keyed.url, "DELETE", "/v3/orders/x", { key: null });
    expect(missing.status).toBe(401);
    checker.expectConforms("delete_order", missing);

    for (const key of [SECRET, "second-key"]) {
      const right = await call(keyed.url, "POST", "/v3/orders/", { body: {}, key });
      expect(right.status).toBe(200);
    }
    expect(keyed.orders.size).toBe(2);
  });

  it("checks the key before the body, as the real API does", async () => {
    const result = await call(keyed.url, "POST", "/v3/orders/", {
      raw: "{not json",
      key: "guess",
    });
    expect(result.status).toBe(401);
  });

  it("never echoes or records the key", async () => {
    const results = [
      await call(keyed.url, "POST", "/v3/orders/", { body: {}, key: SECRET }),
      await call(keyed.url, "POST", "/v3/orders/", { body: {}, key: `${SECRET}-wrong` }),
      await call(keyed.url, "POST", "/v3/orders/", { body: { name: 1 }, key: SECRET }),
      await call(keyed.url, "GET", "/nowhere", { key: SECRET }),
    ];
    for (const result of results) {
      expect(result.text).not.toContain(SECRET);
      for (const [, value] of result.headers) expect(value).not.toContain(SECRET);
    }
    expect(keyed.requests).toHaveLength(4);
    expect(JSON.stringify(keyed.requests)).not.toContain(SECRET);
    expect(keyed.requests[0]?.headers["x-api-key"]).toBe("[redacted]");
  });
});

describe("request validation", () => {
  it("refuses a body that violates OrderIn with 422 and field-level messages", async () => {
    const result = await call(open.url, "POST", "/v3/orders/", {
      body: { name: 42, default_image_sort_order: "random", colour: "red" },
    });

    expect(result.status).toBe(422);
    checker.expectConforms("create_order", result);
    expect(result.json.message).toBe("Validation error");
    const fields = result.json.detail.json;
    expect(Object.keys(fields).sort()).toEqual(["colour", "default_image_sort_order", "name"]);
    expect(fields.colour).toEqual(["Unknown field."]);
    expect(fields.name).toEqual(["Not a valid string."]);
    expect(fields.default_image_sort_order[0]).toContain("date_added");
    expect(open.orders.size).toBe(0);
  });

  it("names an unknown extra property on its own", async () => {
    const result = await call(open.url, "POST", "/v3/orders/", {
      body: { name: "ok", orderId: "camelCase" },
    });
    expect(result.status).toBe(422);
    expect(result.json.detail).toEqual({ json: { orderId: ["Unknown field."] } });
  });

  it("refuses null for a non-nullable field", async () => {
    const result = await call(open.url, "POST", "/v3/orders/", { body: { name: null } });
    expect(result.status).toBe(422);
    expect(result.json.detail.json.name).toEqual(["Field may not be null."]);
  });

  it("refuses invalid JSON with a 422", async () => {
    const result = await call(open.url, "POST", "/v3/orders/", { raw: '{"name": "unclosed' });
    expect(result.status).toBe(422);
    checker.expectConforms("create_order", result);
    expect(result.json.detail).toEqual({ json: { _schema: ["Invalid JSON body."] } });
    expect(open.requests.at(-1)?.body).toBe('{"name": "unclosed');
  });

  it("refuses JSON that is not an object", async () => {
    const result = await call(open.url, "POST", "/v3/orders/", { body: ["name"] });
    expect(result.status).toBe(422);
    checker.expectConforms("create_order", result);
    expect(Object.keys(result.json.detail.json)).toEqual(["_schema"]);
  });

  it("refuses a body that is not declared as JSON with 415", async () => {
    const result = await call(open.url, "POST", "/v3/orders/", {
      raw: JSON.stringify({ name: "x" }),
      headers: { "content-type": "text/plain;charset=UTF-8" },
    });
    expect(result.status).toBe(415);
    checker.expectSchema("HTTPError", result.json);
    expect(open.orders.size).toBe(0);
  });

  it("accepts a JSON content type with parameters", async () => {
    const result = await call(open.url, "POST", "/v3/orders/", {
      raw: JSON.stringify({ name: "x" }),
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
    expect(result.status).toBe(200);
  });
});

describe("routing", () => {
  it("answers 404 with an HTTPError for an unknown path", async () => {
    const result = await call(open.url, "GET", "/v4/nothing-here");
    expect(result.status).toBe(404);
    checker.expectSchema("HTTPError", result.json);
    expect(result.json).toEqual({ message: "Not Found", detail: {} });
  });

  it("answers 404 without the trailing slash, with a hint", async () => {
    const result = await call(open.url, "POST", "/v3/orders", { body: {} });
    expect(result.status).toBe(404);
    checker.expectSchema("HTTPError", result.json);
    expect(result.json.detail.hint).toContain("/v3/orders/");
    expect(open.orders.size).toBe(0);
  });

  it("answers 405 with Allow for a method the path does not have", async () => {
    const result = await call(open.url, "PUT", "/v3/orders/", { body: {} });
    expect(result.status).toBe(405);
    checker.expectSchema("HTTPError", result.json);
    expect(result.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "OPTIONS", "POST"]);
  });
});

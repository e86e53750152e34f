/** What `orders.create` sends, and how the client finds its options. */
import { specVersion } from "@autoenhance/api-types";
import { afterEach, describe, expect, it } from "vitest";
import { Autoenhance, type Order } from "../src/index.js";
import { API_KEY, clientFor, closeServers, orderFrom, sendJson, startServer } from "./helpers.js";
import packageJson from "../package.json" with { type: "json" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A server that answers every create with the order it was sent. */
function echoServer() {
  return startServer((request, res) => sendJson(res, 200, orderFrom(request.body)));
}

afterEach(closeServers);

describe("the request orders.create sends", () => {
  it.each([
    ["", "/v3/orders/"],
    ["/", "/v3/orders/"],
    ["/prefix", "/prefix/v3/orders/"],
    ["/prefix/", "/prefix/v3/orders/"],
  ])("POSTs to the exact path for a base URL ending in %j", async (suffix, path) => {
    const server = await echoServer();
    await clientFor(server.url + suffix).orders.create({ name: "12 Elm St" });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe("POST");
    expect(server.requests[0]!.url).toBe(path);
  });

  it("sends the API key, the spec's API version, JSON and a user agent naming the package", async () => {
    const server = await echoServer();
    await clientFor(server.url).orders.create({ name: "12 Elm St" });

    const { headers } = server.requests[0]!;
    expect(headers["x-api-key"]).toBe(API_KEY);
    expect(headers["x-api-version"]).toBe(specVersion);
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["user-agent"]).toBe(`autoenhance-client-typescript/${packageJson.version}`);
  });

  it("sends the apiVersion option instead of the spec's version when given", async () => {
    const server = await echoServer();
    await clientFor(server.url, { apiVersion: "2020-01-01" }).orders.create({ name: "x" });

    expect(server.requests[0]!.headers["x-api-version"]).toBe("2020-01-01");
  });

  it("generates a UUID order_id when the caller gives none", async () => {
    const server = await echoServer();
    const order = await clientFor(server.url).orders.create({ name: "12 Elm St" });

    const sent = JSON.parse(server.requests[0]!.body) as Record<string, unknown>;
    expect(sent).toEqual({ name: "12 Elm St", order_id: expect.stringMatching(UUID) });
    expect(order.order_id).toBe(sent.order_id);
  });

  it("generates a different order_id for every call", async () => {
    const server = await echoServer();
    const client = clientFor(server.url);
    const a = await client.orders.create({ name: "a" });
    const b = await client.orders.create({ name: "b" });

    expect(a.order_id).not.toBe(b.order_id);
  });

  it("sends the caller's order_id unchanged when given", async () => {
    const server = await echoServer();
    const input = {
      name: "12 Elm St",
      order_id: "my-order-1",
      default_image_sort_order: "-name" as const,
    };
    await clientFor(server.url).orders.create(input);

    expect(JSON.parse(server.requests[0]!.body)).toEqual(input);
  });

  it("sends no order_id when generateOrderId is false", async () => {
    const server = await echoServer();
    await clientFor(server.url).orders.create({ name: "x" }, { generateOrderId: false });

    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "x" });
  });

  it("sends no order_id when the client's generateOrderIds is false", async () => {
    const server = await echoServer();
    await clientFor(server.url, { generateOrderIds: false }).orders.create({ name: "x" });

    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "x" });
  });

  it("returns the order the server sent, typed", async () => {
    const server = await startServer((request, res) =>
      sendJson(res, 200, orderFrom(request.body, { status: "processing", total_images: 3 })),
    );
    const order: Order = await clientFor(server.url).orders.create({ order_id: "o-1" });

    expect(order).toMatchObject({ order_id: "o-1", status: "processing", total_images: 3 });
  });
});

describe("how the client finds its options", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ["AUTOENHANCE_API_KEY", "AUTOENHANCE_BASE_URL"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("throws at construction, naming apiKey and AUTOENHANCE_API_KEY, when no key is found", () => {
    delete process.env.AUTOENHANCE_API_KEY;
    const construct = () => new Autoenhance({ baseUrl: "http://127.0.0.1:9" });

    expect(construct).toThrow(TypeError);
    expect(construct).toThrow(/apiKey/);
    expect(construct).toThrow(/AUTOENHANCE_API_KEY/);
  });

  it("uses AUTOENHANCE_API_KEY and AUTOENHANCE_BASE_URL when the options are absent", async () => {
    const server = await echoServer();
    process.env.AUTOENHANCE_API_KEY = "key-from-env";
    process.env.AUTOENHANCE_BASE_URL = `${server.url}/from-env`;
    await new Autoenhance().orders.create({ name: "x" });

    expect(server.requests[0]!.url).toBe("/from-env/v3/orders/");
    expect(server.requests[0]!.headers["x-api-key"]).toBe("key-from-env");
  });

  it("prefers the options over the environment", async () => {
    const server = await echoServer();
    process.env.AUTOENHANCE_API_KEY = "key-from-env";
    process.env.AUTOENHANCE_BASE_URL = "http://127.0.0.1:9/never-used";
    await clientFor(server.url).orders.create({ name: "x" });

    expect(server.requests[0]!.url).toBe("/v3/orders/");
    expect(server.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });

  it.each([
    ["a baseUrl without a scheme", { baseUrl: "127.0.0.1:8080" }, /baseUrl/],
    ["a baseUrl that is not http(s)", { baseUrl: "ftp://127.0.0.1/" }, /baseUrl/],
    ["a timeoutMs of 0", { timeoutMs: 0 }, /timeoutMs/],
    ["a negative maxRetries", { maxRetries: -1 }, /maxRetries/],
    ["a fractional maxRetries", { maxRetries: 1.5 }, /maxRetries/],
  ])("refuses %s at construction, naming the option", (_, options, name) => {
    expect(
      () => new Autoenhance({ apiKey: API_KEY, baseUrl: "http://127.0.0.1:9", ...options }),
    ).toThrow(name);
  });

  it("refuses a call's invalid timeoutMs without sending anything", async () => {
    const server = await echoServer();
    const call = clientFor(server.url).orders.create({}, { timeoutMs: -5 });

    await expect(call).rejects.toThrow(/timeoutMs/);
    expect(server.requests).toHaveLength(0);
  });

  it("sends every request through a custom fetch", async () => {
    const seen: Request[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push(request);
      const body = (await request.json()) as { order_id: string };
      return Response.json({ order_id: body.order_id, status: "waiting" });
    };
    const client = new Autoenhance({ apiKey: API_KEY, baseUrl: "http://127.0.0.1:9", fetch });
    const order = await client.orders.create({ name: "x" });

    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("http://127.0.0.1:9/v3/orders/");
    expect(seen[0]!.headers.get("x-api-key")).toBe(API_KEY);
    expect(order.status).toBe("waiting");
  });

  it("lets the raw api client reach another endpoint with the same headers", async () => {
    const server = await startServer((request, res) =>
      sendJson(res, 200, { order_id: "abc", name: "raw", status: "waiting" }),
    );
    const { data, error } = await clientFor(server.url).api.GET("/v3/orders/{id}", {
      params: { path: { id: "abc" } },
    });

    expect(error).toBeUndefined();
    expect(data?.name).toBe("raw");
    expect(server.requests[0]!.method).toBe("GET");
    expect(server.requests[0]!.url).toBe("/v3/orders/abc");
    expect(server.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
  });
});

describe("the request orders.retrieve sends", () => {
  it.each([
    ["a/b", "/v3/orders/a%2Fb"],
    ["é", "/v3/orders/%C3%A9"],
    ["a?b#c", "/v3/orders/a%3Fb%23c"],
  ])("encodes the order id %j into the path", async (id, path) => {
    const server = await startServer((_, res) => sendJson(res, 200, { order_id: id, status: "x" }));
    await clientFor(server.url).orders.retrieve(id);

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${path}`]);
  });

  it.each(["", ".", ".."])(
    "refuses the order id %j, which no path can name, unsent",
    async (id) => {
      const server = await echoServer();
      await expect(clientFor(server.url).orders.retrieve(id)).rejects.toThrow(TypeError);

      expect(server.requests).toHaveLength(0);
    },
  );
});

/** A create is never done twice: lost answers are recovered, unsafe repeats are not made. */
import { createMockApi, startMockServer } from "@autoenhance/mock-server";
import { afterEach, describe, expect, it } from "vitest";
import {
  AbortError,
  ConflictError,
  ConnectionError,
  ServerError,
  TimeoutError,
  ValidationError,
  type AutoenhanceError,
} from "../src/index.js";
import {
  clientFor,
  closedPort,
  closeServers,
  eventually,
  faultyServer,
  rejectionOf,
  retryRecorder,
  type Fault,
} from "./helpers.js";

afterEach(closeServers);

const describeRequests = (requests: { method: string; url: string }[]) =>
  requests.map((r) => `${r.method} ${r.url}`);

/** The first request gets `first`; every later one is passed through. */
const onlyFirst = (first: Fault) => (_: unknown, index: number) => (index === 0 ? first : "pass");

describe.each([409, 422] as const)("a create whose answer is lost, when repeats get %i", (mode) => {
  it("is retried with the same order_id, read back and returned: one order", async () => {
    const api = createMockApi({ duplicateOrderStatus: mode });
    const server = await faultyServer(api, onlyFirst("commit-then-reset"));
    const { onRetry, events } = retryRecorder();
    const order = await clientFor(server.url, { onRetry }).orders.create({ name: "12 Elm St" });

    expect(describeRequests(server.requests)).toEqual([
      "POST /v3/orders/",
      "POST /v3/orders/",
      `GET /v3/orders/${order.order_id}`,
    ]);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
    expect(events.map((event) => event.reason)).toEqual(["connection failed"]);
    expect([...api.orders.keys()]).toEqual([order.order_id]);
    expect(order).toEqual(api.orders.get(order.order_id));
    expect(order.name).toBe("12 Elm St");
  });

  it("is recovered the same way after a gateway's 502", async () => {
    const api = createMockApi({ duplicateOrderStatus: mode });
    const server = await faultyServer(api, onlyFirst("commit-then-502"));
    const order = await clientFor(server.url).orders.create({ order_id: "mine", name: "n" });

    expect(order.order_id).toBe("mine");
    expect(api.orders.size).toBe(1);
    expect(server.requests).toHaveLength(3);
  });

  it("throws a ConflictError when the id turns out to hold someone else's order", async () => {
    const api = createMockApi({ duplicateOrderStatus: mode });
    api.orders.set("taken", { order_id: "taken", name: "Someone else's", status: "waiting" });
    // The first attempt never reaches the API, so the client cannot tell whose order it finds.
    const server = await faultyServer(api, onlyFirst("reset-before"));
    const error = await rejectionOf(
      clientFor(server.url).orders.create({ order_id: "taken", name: "Mine" }),
    );

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toMatch(/taken already exists but its name differ/);
    expect((error as ConflictError).body).toMatchObject({ name: "Someone else's" });
    expect(describeRequests(server.requests)).toEqual([
      "POST /v3/orders/",
      "POST /v3/orders/",
      "GET /v3/orders/taken",
    ]);
    expect(api.orders.get("taken")?.name).toBe("Someone else's");
  });
});

describe("a create with an order_id already in use", () => {
  it.each([409, 422] as const)("is refused at once, without a read, in %i mode", async (mode) => {
    const server = await startMockServer({ duplicateOrderStatus: mode });
    const client = clientFor(server.url);
    await client.orders.create({ order_id: "dup", name: "first" });
    const error = await rejectionOf(client.orders.create({ order_id: "dup", name: "first" }));

    expect((error as AutoenhanceError).status).toBe(mode);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(server.orders.size).toBe(1);
    await server.close();
  });
});

describe("a create whose order_id is refused as invalid after an uncertain attempt", () => {
  it("throws the ValidationError instead of reading the list of orders back", async () => {
    const api = createMockApi({ duplicateOrderStatus: 422 });
    const server = await faultyServer(api, onlyFirst("commit-then-502"));
    const error = await rejectionOf(
      clientFor(server.url).orders.create({ order_id: "", name: "n" }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messagesFor("order_id")).toHaveLength(1);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });
});

describe("a create whose later attempts fail after an uncertain one", () => {
  it("says that the order may exist when the last answer is a 503", async () => {
    const api = createMockApi();
    const server = await faultyServer(api, (_, index) =>
      index === 0 ? "commit-then-reset" : "unavailable",
    );
    const error = await rejectionOf(clientFor(server.url).orders.create({ order_id: "o-5" }));

    expect(error).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
    expect(api.orders.has("o-5")).toBe(true);
    expect((error as ServerError).outcomeUnknown).toBe(true);
    expect((error as ServerError).message).toMatch(/may have taken effect/);
  });
});

describe("a create whose read-back fails", () => {
  it("says that an earlier attempt may have created the order", async () => {
    const api = createMockApi();
    const server = await faultyServer(api, (request, index) =>
      index === 0 ? "commit-then-reset" : request.method === "GET" ? "reset-before" : "pass",
    );
    const client = clientFor(server.url, { maxRetries: 1 });
    const error = await rejectionOf(client.orders.create({ order_id: "o-9", name: "n" }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).outcomeUnknown).toBe(true);
    expect((error as ConnectionError).message).toMatch(/may have created order o-9/);
    expect(describeRequests(server.requests)).toEqual([
      "POST /v3/orders/",
      "POST /v3/orders/",
      "GET /v3/orders/o-9",
      "GET /v3/orders/o-9",
    ]);
    expect(api.orders.has("o-9")).toBe(true);
  });
});

describe("a create without an order_id (generateOrderId: false)", () => {
  it.each([
    ["a timeout", "stall", TimeoutError],
    ["a reset after the API acted", "commit-then-reset", ConnectionError],
    ["a 502 after the API acted", "commit-then-502", ServerError],
  ] as const)(
    "is not retried after %s, and says its outcome is unknown",
    async (_, fault, Class) => {
      const api = createMockApi();
      const server = await faultyServer(api, () => fault);
      const { onRetry, events } = retryRecorder();
      const client = clientFor(server.url, { onRetry, timeoutMs: 150 });
      const error = await rejectionOf(
        client.orders.create({ name: "x" }, { generateOrderId: false }),
      );

      expect(error).toBeInstanceOf(Class);
      expect((error as AutoenhanceError).outcomeUnknown).toBe(true);
      expect((error as AutoenhanceError).message).toMatch(/may have taken effect/);
      expect(events).toEqual([]);
      expect(server.requests).toHaveLength(1);
      expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "x" });
      expect(api.orders.size).toBe(fault === "stall" ? 0 : 1);
    },
  );

  it("is retried when the connection is refused, since nothing was sent", async () => {
    const { onRetry, events } = retryRecorder();
    const client = clientFor(`http://127.0.0.1:${await closedPort()}`, { onRetry });
    const error = await rejectionOf(
      client.orders.create({ name: "x" }, { generateOrderId: false }),
    );

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toMatch(/ECONNREFUSED/);
    expect((error as ConnectionError).outcomeUnknown).toBe(false);
    expect(events.map((e) => [e.attempt, e.reason])).toEqual([
      [1, "connection failed"],
      [2, "connection failed"],
    ]);
  });

  it("is retried when the server answers 429, which it does before acting", async () => {
    const api = createMockApi();
    const server = await faultyServer(api, onlyFirst("busy"));
    const order = await clientFor(server.url).orders.create(
      { name: "x" },
      { generateOrderId: false },
    );

    expect(server.requests).toHaveLength(2);
    expect([...api.orders.keys()]).toEqual([order.order_id]);
  });

  it("is not retried after a reset, even one that came before the API saw it", async () => {
    // The client cannot tell a reset before the API acted from one after.
    const api = createMockApi();
    const server = await faultyServer(api, onlyFirst("reset-before"));
    const error = await rejectionOf(
      clientFor(server.url).orders.create({ name: "x" }, { generateOrderId: false }),
    );

    expect((error as AutoenhanceError).outcomeUnknown).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(api.orders.size).toBe(0);
  });
});

describe("a create aborted by the caller", () => {
  it("says its outcome is unknown when the abort came after the API acted", async () => {
    const api = createMockApi();
    const server = await faultyServer(api, () => "commit-then-stall");
    const controller = new AbortController();
    const client = clientFor(server.url);
    const call = client.orders.create({ name: "x" }, { signal: controller.signal });
    await eventually(() => api.orders.size === 1);
    controller.abort();
    const error = await rejectionOf(call);

    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).outcomeUnknown).toBe(true);
  });

  it("says its outcome is known when nothing was sent", async () => {
    const server = await faultyServer(createMockApi(), () => "pass");
    const signal = AbortSignal.abort();
    const error = await rejectionOf(clientFor(server.url).orders.create({}, { signal }));

    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).outcomeUnknown).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});

describe("a create with an order_id whose every attempt fails", () => {
  it("says that the order may exist without claiming it was not retried", async () => {
    const api = createMockApi();
    const server = await faultyServer(api, () => "stall");
    const { onRetry, events } = retryRecorder();
    const client = clientFor(server.url, { onRetry, timeoutMs: 100, maxRetries: 1 });
    const error = await rejectionOf(client.orders.create({ order_id: "o-1" }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(events).toHaveLength(1);
    expect((error as TimeoutError).outcomeUnknown).toBe(true);
    expect((error as TimeoutError).message).toMatch(/may have taken effect/);
    expect((error as TimeoutError).message).not.toMatch(/not retried/);
  });
});

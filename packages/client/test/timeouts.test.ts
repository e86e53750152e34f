/** Deadlines and the caller's signal: what is thrown, and that nothing is left behind. */
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { AbortError, ConnectionError, TimeoutError } from "../src/index.js";
import {
  clientFor,
  closeServers,
  eventually,
  orderFrom,
  rejectionOf,
  retryRecorder,
  sendJson,
  startServer,
  trackTimers,
  type TestServer,
} from "./helpers.js";

let timers: ReturnType<typeof trackTimers> | undefined;
afterEach(async () => {
  timers?.stop();
  timers = undefined;
  await closeServers();
});

/** Counts, from now on, the pending timers that would keep the process alive. */
const startTracking = () => {
  timers = trackTimers();
  return timers.pending;
};

/** A server that never answers. */
const stallingServer = () => startServer(() => {});

/**
 * True once every connection that carried a request has been closed by the client. (After an
 * abort, Node's fetch may open a fresh idle connection to the same origin; that one is its pool's.)
 */
const requestSocketsClosed = (server: TestServer) =>
  eventually(
    () => server.requestSockets.length > 0 && server.requestSockets.every((s) => s.destroyed),
  );

describe("timeouts", () => {
  it("throws a TimeoutError after retrying an attempt that stalls past timeoutMs", async () => {
    const server = await stallingServer();
    const { onRetry, events } = retryRecorder();
    const client = clientFor(server.url, { timeoutMs: 100, maxRetries: 1, onRetry });
    const error = await rejectionOf(client.orders.create({ name: "x" }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as TimeoutError).message).toMatch(/timed out after 100 ms/);
    expect(events.map((event) => event.reason)).toEqual(["timeout"]);
    expect(server.requests).toHaveLength(2);
  });

  it("times out a server that sends its headers and then stalls the body", async () => {
    const server = await startServer((_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"order_id": "o-1",');
    });
    const client = clientFor(server.url, { timeoutMs: 100, maxRetries: 0 });
    const error = await rejectionOf(client.orders.create({ name: "x" }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("lets a call's timeoutMs override the client's", async () => {
    const server = await stallingServer();
    const client = clientFor(server.url, { timeoutMs: 60_000, maxRetries: 0 });
    const error = await rejectionOf(client.orders.retrieve("o-1", { timeoutMs: 50 }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(/after 50 ms/);
  });

  it("returns the order when the answer arrives within the deadline after a timed-out attempt", async () => {
    let hits = 0;
    const server = await startServer((request, res) => {
      if (++hits > 1) sendJson(res, 200, orderFrom(request.body));
    });
    const client = clientFor(server.url, { timeoutMs: 100 });
    const order = await client.orders.create({ order_id: "o-2" });

    expect(order.order_id).toBe("o-2");
    expect(server.requests).toHaveLength(2);
  });
});

describe("timeouts under garbage collection", () => {
  const gc = (globalThis as { gc?: () => void }).gc;

  // Node's fetch loses the link to an attempt's signal if the attempt's Request is collected
  // (nodejs/undici#4068); the client must keep it alive, or the deadline never fires.
  it.skipIf(!gc).each([
    ["before the headers", (_: unknown, res: ServerResponse) => void res],
    [
      "in the middle of the body",
      (_: unknown, res: ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write("{");
      },
    ],
  ])(
    "still times out when garbage is collected while the server stalls %s",
    async (_, handler) => {
      const server = await startServer(handler);
      const client = clientFor(server.url, { timeoutMs: 150, maxRetries: 0 });
      const collect = setInterval(() => gc!(), 20);
      try {
        const error = await rejectionOf(client.orders.create({ name: "x" }));
        expect(error).toBeInstanceOf(TimeoutError);
      } finally {
        clearInterval(collect);
      }
    },
    5_000,
  );
});

describe("the caller's signal", () => {
  it("rejects with an AbortError, not a TimeoutError, when it fires mid-request", async () => {
    const server = await stallingServer();
    const controller = new AbortController();
    const client = clientFor(server.url, { timeoutMs: 10_000 });
    const call = client.orders.create({ name: "x" }, { signal: controller.signal });
    await eventually(() => server.requests.length === 1);
    controller.abort(new Error("user went away"));
    const error = await rejectionOf(call);

    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as AbortError).cause).toEqual(new Error("user went away"));
    expect(server.requests).toHaveLength(1);
  });

  it("rejects an already-aborted signal without sending anything", async () => {
    const server = await stallingServer();
    const error = await rejectionOf(
      clientFor(server.url).orders.create({ name: "x" }, { signal: AbortSignal.abort() }),
    );

    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
    expect(server.sockets).toHaveLength(0);
  });
});

describe("cleaning up", () => {
  it("closes the connection and leaves no timer behind after a timeout", async () => {
    const server = await stallingServer();
    const pendingTimers = startTracking();
    const client = clientFor(server.url, { timeoutMs: 50, maxRetries: 2 });
    await rejectionOf(client.orders.create({ name: "x" }));

    expect(server.requests).toHaveLength(3);
    expect(await requestSocketsClosed(server)).toBe(true);
    expect(await eventually(() => pendingTimers() === 0)).toBe(true);
  });

  it("closes the connection and leaves no timer behind after an abort", async () => {
    const server = await stallingServer();
    const pendingTimers = startTracking();
    const controller = new AbortController();
    const client = clientFor(server.url, { timeoutMs: 60_000 });
    const call = client.orders.create({ name: "x" }, { signal: controller.signal });
    await eventually(() => server.requests.length === 1);
    controller.abort();
    await rejectionOf(call);

    expect(await requestSocketsClosed(server)).toBe(true);
    expect(await eventually(() => pendingTimers() === 0)).toBe(true);
  });

  it("leaves no timer behind after an abort during the wait before a retry", async () => {
    const server = await startServer((_, res) => sendJson(res, 503, {}, { "retry-after": "60" }));
    const pendingTimers = startTracking();
    const controller = new AbortController();
    const client = clientFor(server.url, {
      onRetry: () => setTimeout(() => controller.abort(), 10),
    });
    const error = await rejectionOf(client.orders.create({}, { signal: controller.signal }));

    expect(error).toBeInstanceOf(AbortError);
    expect(await eventually(() => pendingTimers() === 0)).toBe(true);
  });

  it("leaves no timer behind after a successful call with a long deadline", async () => {
    const server = await startServer((request, res) => sendJson(res, 200, orderFrom(request.body)));
    const pendingTimers = startTracking();
    await clientFor(server.url, { timeoutMs: 600_000 }).orders.create({ name: "x" });

    expect(await eventually(() => pendingTimers() === 0)).toBe(true);
  });
});

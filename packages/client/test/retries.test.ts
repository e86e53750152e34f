/** Which failures are retried, how often, and how long the client waits in between. */
import { afterEach, describe, expect, it } from "vitest";
import { AbortError, RateLimitError, ServerError } from "../src/index.js";
import {
  capturingLogger,
  clientFor,
  closeServers,
  orderFrom,
  rejectionOf,
  retryRecorder,
  sendJson,
  startServer,
  type SeenRequest,
} from "./helpers.js";

afterEach(closeServers);

/** A server that answers the first `failures` requests with `status`, then with the order. */
function flakyServer(failures: number, status: number, headers: Record<string, string> = {}) {
  let hits = 0;
  return startServer((request: SeenRequest, res) => {
    hits++;
    if (hits <= failures) sendJson(res, status, { message: `failure ${hits}` }, headers);
    else sendJson(res, 200, orderFrom(request.body));
  });
}

describe("retried failures", () => {
  it("retries a 503 and then returns the order", async () => {
    const server = await flakyServer(1, 503);
    const order = await clientFor(server.url).orders.create({ name: "x", order_id: "o-1" });

    expect(order.order_id).toBe("o-1");
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 429 and reports it as the reason", async () => {
    const server = await flakyServer(1, 429);
    const { onRetry, events } = retryRecorder();
    await clientFor(server.url, { onRetry }).orders.create({ name: "x" });

    expect(server.requests).toHaveLength(2);
    expect(events).toEqual([
      {
        request: "POST /v3/orders/",
        attempt: 1,
        delayMs: expect.any(Number),
        reason: "429 Too Many Requests",
      },
    ]);
  });

  it("honours a Retry-After given in seconds", async () => {
    const server = await flakyServer(1, 503, { "retry-after": "1" });
    const { onRetry, events } = retryRecorder();
    await clientFor(server.url, { onRetry }).orders.create({ name: "x" });

    expect(events.map((event) => event.delayMs)).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it("honours a Retry-After given as an HTTP date", async () => {
    const server = await flakyServer(1, 429, {
      "retry-after": new Date(Date.now() + 2_000).toUTCString(),
    });
    const { onRetry, events } = retryRecorder();
    await clientFor(server.url, { onRetry }).orders.create({ name: "x" });

    // The date has whole seconds, so the wait is between about one and two seconds.
    expect(events).toHaveLength(1);
    expect(events[0]!.delayMs).toBeGreaterThan(500);
    expect(events[0]!.delayMs).toBeLessThanOrEqual(2_000);
  });

  it("cuts a long Retry-After to maxRetryAfterMs", async () => {
    const server = await flakyServer(1, 503, { "retry-after": "3600" });
    const { onRetry, events } = retryRecorder();
    const client = clientFor(server.url, {
      onRetry,
      retryBackoff: { initialDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 25 },
    });
    await client.orders.create({ name: "x" });

    expect(events.map((event) => event.delayMs)).toEqual([25]);
  });

  it("keeps backoff waits within maxDelayMs when there is no Retry-After", async () => {
    const server = await flakyServer(2, 500);
    const { onRetry, events } = retryRecorder();
    await clientFor(server.url, { onRetry }).orders.create({ name: "x" });

    expect(events.map((event) => event.attempt)).toEqual([1, 2]);
    for (const { delayMs } of events) {
      expect(delayMs).toBeGreaterThan(0);
      expect(delayMs).toBeLessThanOrEqual(5);
    }
  });

  it("retries a 503 of a read as well", async () => {
    const server = await flakyServer(1, 503);
    await clientFor(server.url).orders.retrieve("o-1");

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /v3/orders/o-1",
      "GET /v3/orders/o-1",
    ]);
  });

  it("retries a 503 of the raw api client as well", async () => {
    const server = await flakyServer(1, 503);
    const { data } = await clientFor(server.url).api.GET("/v3/orders/{id}", {
      params: { path: { id: "o-1" } },
    });

    expect(data?.status).toBe("waiting");
    expect(server.requests).toHaveLength(2);
  });
});

describe("how many attempts", () => {
  it.each([400, 401, 404, 422])("never retries a %i", async (status) => {
    const server = await flakyServer(5, status);
    await rejectionOf(clientFor(server.url).orders.create({ name: "x" }));

    expect(server.requests).toHaveLength(1);
  });

  it("makes three attempts by default (two retries), then throws the last answer", async () => {
    const server = await flakyServer(10, 503);
    const error = await rejectionOf(clientFor(server.url).orders.create({ name: "x" }));

    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).message).toContain("failure 3");
  });

  it("makes one attempt when the client's maxRetries is 0", async () => {
    const server = await flakyServer(10, 429);
    const error = await rejectionOf(clientFor(server.url, { maxRetries: 0 }).orders.create({}));

    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it("makes one attempt when the call's maxRetries is 0", async () => {
    const server = await flakyServer(10, 503);
    await rejectionOf(clientFor(server.url).orders.create({}, { maxRetries: 0 }));

    expect(server.requests).toHaveLength(1);
  });

  it("lets the call's maxRetries raise the client's", async () => {
    const server = await flakyServer(3, 503);
    const client = clientFor(server.url, { maxRetries: 0 });
    await client.orders.create({ name: "x" }, { maxRetries: 3 });

    expect(server.requests).toHaveLength(4);
  });

  it("sends the same full body and headers with every attempt", async () => {
    const server = await flakyServer(2, 502);
    await clientFor(server.url).orders.create({
      name: "12 Elm St",
      default_image_sort_order: "name",
    });

    expect(server.requests).toHaveLength(3);
    const [first, ...rest] = server.requests;
    expect(JSON.parse(first!.body)).toMatchObject({
      name: "12 Elm St",
      order_id: expect.any(String),
    });
    for (const request of rest) {
      expect(request.body).toBe(first!.body);
      expect(request.headers["content-length"]).toBe(String(Buffer.byteLength(first!.body)));
      expect(request.headers["x-api-key"]).toBe(first!.headers["x-api-key"]);
    }
  });
});

describe("reporting and cancelling retries", () => {
  it("reports every retry to onRetry and to the logger with its reason", async () => {
    const server = await flakyServer(2, 503);
    const { onRetry, events } = retryRecorder();
    const { logger, lines } = capturingLogger();
    await clientFor(server.url, { onRetry, logger }).orders.create({ name: "x" });

    expect(events.map((e) => [e.request, e.attempt, e.reason])).toEqual([
      ["POST /v3/orders/", 1, "503 Service Unavailable"],
      ["POST /v3/orders/", 2, "503 Service Unavailable"],
    ]);
    const warnings = lines.filter((line) => line.level === "warn").map((line) => line.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/POST \/v3\/orders\/: retrying in \d+ ms after attempt 1: 503/);
  });

  it("logs nothing at logLevel off, even with a logger", async () => {
    const server = await flakyServer(2, 503);
    const { logger, lines } = capturingLogger();
    await clientFor(server.url, { logger, logLevel: "off" }).orders.create({ name: "x" });

    expect(server.requests).toHaveLength(3);
    expect(lines).toEqual([]);
  });

  it(
    "rejects at once with an AbortError when aborted during the wait",
    { timeout: 10_000 },
    async () => {
      // The server asks for a minute's wait; the test's own timeout fails it if the abort is ignored.
      const server = await flakyServer(10, 503, { "retry-after": "60" });
      const controller = new AbortController();
      const { events, onRetry } = retryRecorder();
      const client = clientFor(server.url, {
        onRetry: (event) => {
          onRetry(event);
          setTimeout(() => controller.abort(), 20);
        },
      });
      const error = await rejectionOf(
        client.orders.create({ name: "x" }, { signal: controller.signal }),
      );

      expect(error).toBeInstanceOf(AbortError);
      expect(events.map((event) => event.delayMs)).toEqual([60_000]);
      expect(server.requests).toHaveLength(1);
    },
  );
});

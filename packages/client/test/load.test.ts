/** A thousand creates at once against the stand-in API: all succeed, and memory stays bounded. */
import { startMockServer, type MockServer } from "@autoenhance/mock-server";
import { afterEach, expect, it } from "vitest";
import { clientFor, retryRecorder } from "./helpers.js";

const CALLS = 1_000;

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const gc = (globalThis as { gc?: () => void }).gc;

/** The heap in use, after a full collection when the runtime allows one. */
function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

it(`completes ${CALLS} concurrent creates, storing one order each, with bounded heap growth`, async () => {
  server = await startMockServer();
  const { onRetry, events } = retryRecorder();
  const client = clientFor(server.url, { onRetry, timeoutMs: 30_000, maxRetries: 4 });
  // Warm up (the stand-in loads its document, the client its connection) before measuring.
  await client.orders.create({ name: "warm-up" });
  server.orders.clear();
  const before = heapUsed();
  // Listeners piling up on one shared signal would show as a MaxListenersExceededWarning.
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on("warning", onWarning);

  const orders = await Promise.all(
    Array.from({ length: CALLS }, (_, index) => client.orders.create({ name: `load-${index}` })),
  );
  process.off("warning", onWarning);
  expect(warnings).toEqual([]);

  expect(orders).toHaveLength(CALLS);
  expect(server.orders.size).toBe(CALLS);
  expect(new Set(orders.map((order) => order.order_id)).size).toBe(CALLS);
  orders.forEach((order, index) => {
    expect(order.name).toBe(`load-${index}`);
    expect(server!.orders.get(order.order_id)?.name).toBe(`load-${index}`);
  });
  // Retries are allowed (a busy machine may refuse a connection), but not a storm of them.
  expect(events.length).toBeLessThan(CALLS / 10);

  // What the client still holds once the stand-in forgets its orders and requests: mostly Node's
  // idle keep-alive connections (about 10-25 MB here), which close after a few seconds.
  server.reset();
  orders.length = 0;
  const grownMb = (heapUsed() - before) / 2 ** 20;
  console.log(`load.test.ts: heap grew by ${grownMb.toFixed(1)} MB (gc ${gc ? "on" : "off"})`);
  expect(grownMb).toBeLessThan(gc ? 48 : 200);
}, 60_000);

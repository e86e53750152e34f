/** Shared test helpers: raw HTTP servers on 127.0.0.1, a capturing logger, client defaults. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { MockApi } from "@autoenhance/mock-server";
import { Autoenhance, type ClientOptions, type Logger, type RetryEvent } from "../src/index.js";

/** A distinctive key, so that any leak of it is easy to find. */
export const API_KEY = "sk-test-Zq8vW3kP9xL2mN7rT4yB6cD1";

/** One request as a raw server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** Answers one request; `body` is the full request body, already read. */
export type Handler = (
  request: SeenRequest,
  res: ServerResponse,
  req: IncomingMessage,
) => void | Promise<void>;

export interface TestServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  /** Every socket the server accepted. */
  sockets: Socket[];
  /** The socket each request in `requests` arrived on, to check that the client closed it. */
  requestSockets: Socket[];
  close(): Promise<void>;
}

const open = new Set<TestServer>();

/** Starts a `node:http` server on 127.0.0.1 and a free port; {@link closeServers} ends it. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const sockets: Socket[] = [];
  const requestSockets: Socket[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const seen: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(seen);
      requestSockets.push(req.socket);
      Promise.resolve(handler(seen, res, req)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  server.on("connection", (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const test: TestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    sockets,
    requestSockets,
    close: () =>
      new Promise<void>((resolve) => {
        open.delete(test);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  open.add(test);
  return test;
}

/** Closes every server started by {@link startServer}; call it from `afterEach`. */
export async function closeServers(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

/** Sends `body` as JSON with `status`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** An order as the API returns it, for the order a request body describes. */
export function orderFrom(body: string, overrides: Record<string, unknown> = {}) {
  const input = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
  return {
    order_id: input.order_id ?? "server-chosen-id",
    name: input.name,
    default_image_sort_order: input.default_image_sort_order,
    status: "waiting",
    images: [],
    total_images: 0,
    is_deleted: false,
    ...overrides,
  };
}

/** A port that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One line a {@link capturingLogger} received. */
export interface LogLine {
  level: "error" | "warn" | "info" | "debug";
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** A logger that keeps every line it gets. */
export function capturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine["level"]) => (message: string, fields?: Record<string, unknown>) =>
    lines.push({ level, message, fields });
  return {
    lines,
    logger: { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") },
  };
}

/** Fast retries, so tests never wait for real backoff. */
export const FAST_RETRIES = { retryBackoff: { initialDelayMs: 1, maxDelayMs: 5 } } as const;

/** A client for `url` with the test key and fast retries; `options` override. */
export function clientFor(url: string, options: ClientOptions = {}): Autoenhance {
  return new Autoenhance({ apiKey: API_KEY, baseUrl: url, ...FAST_RETRIES, ...options });
}

/** Collects the events passed to `onRetry`. */
export function retryRecorder(): { onRetry: (event: RetryEvent) => void; events: RetryEvent[] } {
  const events: RetryEvent[] = [];
  return { events, onRetry: (event) => events.push(event) };
}

/** Resolves with the rejection of `promise`, failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, but it resolved");
}

/** Waits until `condition()` holds, polling for at most `timeoutMs`; false when it never did. */
export async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
}

/** A small seeded PRNG (mulberry32), so that random tests can be replayed from their seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `task` for 0..count-1 with at most `limit` running at once; settles like allSettled. */
export async function mapLimit<T>(
  count: number,
  limit: number,
  task: (index: number) => Promise<T>,
): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      try {
        results[index] = { status: "fulfilled", value: await task(index) };
      } catch (reason) {
        results[index] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

/**
 * Tracks the timers created through the global `setTimeout` until `stop()`. `pending()` counts
 * those that have neither fired nor been cleared and would keep the process alive (Node's fetch
 * creates unref'd keep-alive timers of its own, which do not). Process-wide counts such as
 * `process.getActiveResourcesInfo()` also see the test runner's own timers, which come and go.
 */
export function trackTimers(): { pending(): number; stop(): void } {
  const live = new Set<NodeJS.Timeout>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const tracked = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = realSet(() => {
      live.delete(handle);
      callback(...args);
    }, ms);
    live.add(handle);
    return handle;
  };
  globalThis.setTimeout = tracked as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((handle?: NodeJS.Timeout) => {
    if (handle) live.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout;
  return {
    pending: () => [...live].filter((handle) => handle.hasRef()).length,
    stop() {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

/** What a {@link faultyServer} does with one request. */
export type Fault =
  /** Hand it to the mock API and send its answer. */
  | "pass"
  /** Destroy the connection without handing it on: the API never sees it. */
  | "reset-before"
  /** Hand it to the mock API (which acts on it), then destroy the connection unanswered. */
  | "commit-then-reset"
  /** Hand it to the mock API, then never answer. */
  | "commit-then-stall"
  /** Hand it to the mock API, then answer 502 as a gateway would. */
  | "commit-then-502"
  /** Answer 429 without handing it on, as a rate limiter in front of the API would. */
  | "busy"
  /** Answer 503 without handing it on, as a load balancer with no healthy backend would. */
  | "unavailable"
  /** Never answer and never hand it on. */
  | "stall";

/**
 * A raw server in front of a mock API's `handle()` that injects `fault(request, index)` for each
 * request, `index` counting from 0.
 */
export function faultyServer(api: MockApi, fault: (request: SeenRequest, index: number) => Fault) {
  let index = 0;
  return startServer(async (request, res) => {
    const what = fault(request, index++);
    if (what === "stall") return;
    if (what === "reset-before") return void res.socket?.destroy();
    if (what === "busy") return sendJson(res, 429, { message: "Too many requests" });
    if (what === "unavailable") return sendJson(res, 503, { message: "No healthy upstream" });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const reply = await api.handle({ ...request, headers });
    if (what === "commit-then-reset") return void res.socket?.destroy();
    if (what === "commit-then-stall") return;
    if (what === "commit-then-502") {
      res.writeHead(502, { "content-type": "text/html" });
      return void res.end("<html><body>502 Bad Gateway</body></html>");
    }
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  });
}

/**
 * The HTTP adapter: a `node:http` server that reads each request, hands it to
 * {@link MockApi.handle} and writes back what it returns. All behaviour lives in the core.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import {
  createMockApiWithReady,
  type MockApi,
  type MockApiOptions,
  type MockRequest,
} from "./api.js";
import { finishReply, httpError } from "./reply.js";

/** Options of {@link startMockServer}: where to listen, plus everything {@link MockApiOptions} takes. */
export interface MockServerOptions extends MockApiOptions {
  /** The address to listen on. Default `127.0.0.1`, so the stand-in is never reachable from outside. */
  host?: string;
  /** The port to listen on. Default `0`: a free port chosen by the system, see {@link MockServer.url}. */
  port?: number;
}

/** A running stand-in: the {@link MockApi} state, its address and a way to stop it. */
export interface MockServer extends MockApi {
  /** The base URL to point a client at, without a trailing slash: `http://127.0.0.1:54321`. */
  url: string;
  /**
   * Stops the server and closes every connection, idle keep-alive ones included, so that a test
   * run can exit. Safe to call more than once.
   */
  close(): Promise<void>;
}

/** Requests with a larger body are refused with `413` before they reach the core. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the body, or returns `undefined` when it is larger than {@link MAX_BODY_BYTES}. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function toMockRequest(request: IncomingMessage, body: string): MockRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { method: request.method ?? "GET", url: request.url ?? "/", headers, body };
}

function formatUrl(address: AddressInfo): string {
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Starts the stand-in on `node:http`, by default on `127.0.0.1` and a free port.
 *
 * @example
 * ```ts
 * const server = await startMockServer({ apiKeys: ["test-key"] });
 * const response = await fetch(`${server.url}/v3/orders/`, {
 *   method: "POST",
 *   headers: { "content-type": "application/json", "x-api-key": "test-key" },
 *   body: JSON.stringify({ name: "12 Garden Lane" }),
 * });
 * await server.close();
 * ```
 *
 * @param options - Where to listen, plus the {@link MockApiOptions}.
 * @returns The running server, once the document is loaded and the port is bound.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { host = "127.0.0.1", port = 0, ...apiOptions } = options;
  const { api, ready } = createMockApiWithReady(apiOptions);
  await ready;

  const server = createServer((request, response) => {
    void (async () => {
      try {
        const body = await readBody(request);
        const reply =
          body === undefined
            ? finishReply(
                {
                  status: 413,
                  body: httpError("Payload Too Large"),
                  headers: { connection: "close" },
                },
                randomUUID(),
              )
            : await api.handle(toMockRequest(request, body));
        const headers = { ...reply.headers };
        if (reply.status !== 204 && reply.status !== 304) {
          headers["content-length"] = String(Buffer.byteLength(reply.body));
        }
        response.writeHead(reply.status, headers);
        response.end(reply.body);
      } catch {
        if (!response.headersSent) {
          const reply = finishReply(
            { status: 500, body: httpError("Internal Server Error") },
            randomUUID(),
          );
          response.writeHead(reply.status, reply.headers);
        }
        response.end();
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    ...api,
    url: formatUrl(server.address() as AddressInfo),
    close,
  };
}

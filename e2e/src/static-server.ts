/** A tiny `node:http` server on 127.0.0.1 that serves fixed files: the browser test's page. */
import { createServer, type OutgoingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface StaticFile {
  body: string;
  headers: OutgoingHttpHeaders;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** Every request it received, as `METHOD /path`. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveStatic(files: Record<string, StaticFile>): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    requests.push(`${request.method} ${path}`);
    const file = request.method === "GET" ? files[path] : undefined;
    if (file === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    response
      .writeHead(200, {
        ...file.headers,
        "content-length": Buffer.byteLength(file.body),
        "cache-control": "no-store",
      })
      .end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

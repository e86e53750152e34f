/** A node:http server on 127.0.0.1 and a free port: the only kind of server the benchmarks use. */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** A listening server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only, with keep-alive held long enough to outlast a benchmark's pauses. */
export async function listenLocal(handler: RequestListener): Promise<LocalServer> {
  const server = createServer(handler);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A free TCP port on the loopback interface. */
import { createServer } from "node:net";

/**
 * Asks the system for a free port on `127.0.0.1` and releases it again.
 *
 * Another process could take the port before the caller binds it; on this single-user test
 * machine that race is rare, and the caller's bind then fails loudly rather than silently.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error("No port was assigned."));
      });
    });
  });
}

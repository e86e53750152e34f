/**
 * The stand-in API for the end-to-end overhead figures: it answers every request with the same
 * order. It runs in a child process so that its work never shares the client's event loop, and
 * a client's cost is not blurred by the server's garbage collections.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { listenLocal, type LocalServer } from "./local-server.js";
import { ORDER_JSON } from "./order-fixture.js";

const ROLE = "AUTOENHANCE_BENCH_ORDER_SERVER";
const START_TIMEOUT_MS = 15_000;

/** Starts the server process and resolves once it listens; `close()` ends that process. */
export function startOrderServer(): Promise<LocalServer> {
  // The child inherits this process's execArgv, so it runs under tsx like the parent.
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, [ROLE]: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill();
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`the order server did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once("message", (message) => {
      clearTimeout(timer);
      resolve({ url: (message as { url: string }).url, close });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the order server exited with ${code} before it listened`));
    });
  });
}

async function serve(): Promise<void> {
  const body = Buffer.from(ORDER_JSON);
  const server = await listenLocal((request, response) => {
    // Read the request to its end, as a real server would, before answering.
    request.resume();
    request.on("end", () => {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": body.byteLength,
      });
      response.end(body);
    });
  });
  // Whatever becomes of the parent, the server goes with it.
  process.once("disconnect", () => void server.close().then(() => process.exit(0)));
  process.send!({ url: server.url });
}

if (process.env[ROLE] === "1" && process.send) await serve();

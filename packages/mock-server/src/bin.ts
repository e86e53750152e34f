#!/usr/bin/env node
/**
 * `autoenhance-mock-server`: starts the stand-in and prints its URL.
 *
 * Usage: `autoenhance-mock-server [--host 127.0.0.1] [--port 0] [--api-key KEY]...
 * [--duplicate-order-status 409|422]`. Stops on SIGINT or SIGTERM.
 */
import { parseArgs } from "node:util";
import { startMockServer } from "./server.js";

const USAGE =
  "usage: autoenhance-mock-server [--host 127.0.0.1] [--port 0] [--api-key KEY]... " +
  "[--duplicate-order-status 409|422]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: "string" },
      port: { type: "string" },
      "api-key": { type: "string", multiple: true },
      "duplicate-order-status": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535. ${USAGE}`);
  }
  const status = values["duplicate-order-status"];
  if (status !== undefined && status !== "409" && status !== "422") {
    throw new Error(`--duplicate-order-status must be 409 or 422. ${USAGE}`);
  }

  const server = await startMockServer({
    ...(values.host !== undefined && { host: values.host }),
    port,
    ...(values["api-key"] !== undefined && { apiKeys: values["api-key"] }),
    ...(status !== undefined && { duplicateOrderStatus: status === "422" ? 422 : 409 }),
  });
  // Only the URL: the accepted keys are never printed.
  console.log(`Autoenhance mock server listening on ${server.url}`);

  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(
    `autoenhance-mock-server: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});

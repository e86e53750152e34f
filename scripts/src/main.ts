/**
 * The main job: create one order through the built client and print it.
 *
 * Without `AUTOENHANCE_API_KEY` it starts the stand-in API on 127.0.0.1 and talks to that; with
 * it, it talks to the real API (or to `AUTOENHANCE_BASE_URL`). Run through `pnpm start`, which
 * regenerates the types and builds every package first.
 */
import { Autoenhance, AutoenhanceError } from "@autoenhance/client";
import { startMockServer } from "@autoenhance/mock-server";

const DEMO_KEY = "demo-key";

async function main(): Promise<void> {
  const real = Boolean(process.env.AUTOENHANCE_API_KEY);
  const server = real ? undefined : await startMockServer({ apiKeys: [DEMO_KEY] });

  try {
    const autoenhance = server
      ? new Autoenhance({ apiKey: DEMO_KEY, baseUrl: server.url })
      : new Autoenhance();
    console.log(server ? `stand-in API at ${server.url}` : "talking to the Autoenhance API");

    const order = await autoenhance.orders.create({ name: "12 Elm St" });
    console.log(`created order ${order.order_id} (status ${order.status}):`);
    console.log(JSON.stringify(order, null, 2));
  } finally {
    await server?.close();
  }
}

main().catch((error: unknown) => {
  const reason = error instanceof AutoenhanceError ? `${error.name}: ${error.message}` : error;
  console.error("creating an order failed:", reason);
  process.exitCode = 1;
});

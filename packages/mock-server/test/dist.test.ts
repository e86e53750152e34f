/**
 * Loads the built package the way consumers do, through `import()` and through `require()`, and
 * runs the bin. Needs `pnpm build` first (turbo's test task depends on the build).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type * as MockServerModule from "../src/index.js";
import { call } from "./helpers.js";

const distDir = fileURLToPath(new URL("../dist/", import.meta.url));
const esmEntry = `${distDir}index.js`;
const cjsEntry = `${distDir}index.cjs`;
const binEntry = fileURLToPath(new URL("../bin/autoenhance-mock-server.js", import.meta.url));

type Module = typeof MockServerModule;

async function exercise(module: Module): Promise<void> {
  expect(typeof module.createMockApi).toBe("function");
  expect(typeof module.startMockServer).toBe("function");
  const server = await module.startMockServer({ apiKeys: ["dist-key"] });
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await call(server.url, "POST", "/v3/orders/", {
      body: { order_id: "from-dist", name: "Built" },
      key: "dist-key",
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ order_id: "from-dist", name: "Built", status: "waiting" });
    const unauthorised = await call(server.url, "POST", "/v3/orders/", { body: {}, key: "nope" });
    expect(unauthorised.status).toBe(401);
    const invalid = await call(server.url, "POST", "/v3/orders/", {
      body: { unknown: 1 },
      key: "dist-key",
    });
    expect(invalid.json.detail).toEqual({ json: { unknown: ["Unknown field."] } });
  } finally {
    await server.close();
  }
}

describe("the built package", () => {
  it("has been built", () => {
    for (const file of [esmEntry, cjsEntry, `${distDir}index.d.ts`, `${distDir}index.d.cts`]) {
      expect(existsSync(file), `${file} exists (run pnpm build first)`).toBe(true);
    }
  });

  it("works through import()", async () => {
    const module = (await import(esmEntry)) as Module;
    await exercise(module);
  });

  it("works through require()", async () => {
    const require = createRequire(import.meta.url);
    const module = require(cjsEntry) as Module;
    expect(Object.keys(module).sort()).toEqual(
      Object.keys((await import(esmEntry)) as object).sort(),
    );
    await exercise(module);
  });

  it("starts from the bin and prints its URL", async () => {
    const child = spawn(process.execPath, [binEntry, "--port", "0", "--api-key", "bin-key"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout.setEncoding("utf8");
        child.stdout.on("data", (chunk: string) => {
          output += chunk;
          const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`bin exited with ${code}: ${output}`)));
        setTimeout(() => reject(new Error(`bin printed no URL: ${output}`)), 10_000).unref();
      });
      const listed = await call(url, "GET", "/v3/orders/", { key: "bin-key" });
      expect(listed.status).toBe(200);
      expect(listed.json.orders).toEqual([]);
      expect((await call(url, "GET", "/v3/orders/", { key: "other" })).status).toBe(401);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    }
    expect(child.exitCode).toBe(0);
  });
});

/**
 * The built packages, loaded the way Node loads them for a user: through each package's `exports`,
 * once with `import` and once with `require`, in a plain `node` process (not through Vitest's
 * module runner, which would transform them). Type-checking cannot catch a CommonJS build that
 * fails only at call time; creating a real order against the stand-in can.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runOk } from "../src/run.js";

const E2E = resolve(import.meta.dirname, "..");
const node = (args: string[]) =>
  runOk(process.execPath, args, { cwd: E2E, env: process.env, timeoutMs: 60_000 });

describe("the built packages in plain Node", () => {
  it.each([
    { file: "create-order.mjs", format: "ESM", entry: "dist/index.js" },
    { file: "create-order.cjs", format: "CommonJS", entry: "dist/index.cjs" },
  ])("create an order from $format", async ({ file, entry }) => {
    const { stdout } = await node([resolve(E2E, "fixtures", file)]);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result.client).toMatch(new RegExp(`packages/client/${entry.replace(".", "\\.")}$`));
    expect(result.mockServer).toMatch(
      new RegExp(`packages/mock-server/${entry.replace(".", "\\.")}$`),
    );
    expect(result).toMatchObject({ name: "12 Elm St", stored: true });
    expect(result.orderId).toEqual(expect.any(String));
  });

  it("load the types package and its document from both formats", async () => {
    const esm = await node([
      "--input-type=module",
      "-e",
      `const m = await import("@autoenhance/api-types");
       const doc = await import("@autoenhance/api-types/openapi.json", { with: { type: "json" } });
       console.log(JSON.stringify({ keys: Object.keys(m).sort(), openapi: doc.default.openapi }));`,
    ]);
    const cjs = await node([
      "-e",
      `const m = require("@autoenhance/api-types");
       const doc = require("@autoenhance/api-types/openapi.json");
       console.log(JSON.stringify({ keys: Object.keys(m).sort(), openapi: doc.openapi }));`,
    ]);
    const fromEsm = JSON.parse(esm.stdout) as { keys: string[]; openapi: string };
    expect(fromEsm.keys.length).toBeGreaterThan(0);
    expect(fromEsm.openapi).toMatch(/^3\./);
    // Both builds export the same names: a CJS build missing one fails only at run time.
    expect(JSON.parse(cjs.stdout)).toEqual(fromEsm);
  });
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test spawns real processes (pnpm, npm, tsc, Verdaccio) on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The publish test keeps 2 cores busy on its own; running it beside others only slows both.
    fileParallelism: false,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real sockets and timers: generous limits for a slow, shared machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // `global.gc` lets the load test measure the heap after collecting garbage.
    execArgv: ["--expose-gc"],
  },
});

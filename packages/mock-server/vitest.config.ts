import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real servers and child processes on a small, shared machine: generous limits.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm", "cjs"],
  // Only the library has a typed API; the bin is a program.
  dts: { entry: "src/index.ts" },
  clean: true,
  platform: "node",
  target: "node20",
  // `import.meta.url` locates the default document; the shim provides it in the CJS build.
  shims: true,
  // Each entry stands alone, so `dist/index.js` never depends on a chunk that only the bin uses.
  splitting: false,
});

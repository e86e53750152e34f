import { copyFile } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  // The corrected document ships beside the types for validators and stand-in servers.
  onSuccess: () => copyFile("src/generated/openapi.json", "dist/openapi.json"),
});

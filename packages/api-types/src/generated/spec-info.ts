// This file is generated from openapi/openapi.json and openapi/overlay.yaml by
// packages/api-types/generate.ts. Do not edit it by hand: run `pnpm generate`.

/** The `info.version` of the API document these types were generated from. */
export const specVersion = "2026-11-09" as const;

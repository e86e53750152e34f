import * as openapiFetch from "openapi-fetch";

type CreateClient = typeof openapiFetch.default;

/**
 * openapi-fetch's `createClient`, found the same way from the ESM and the CommonJS build.
 *
 * openapi-fetch's CommonJS file exports only `exports.default`. When our CommonJS build loads it,
 * Node-style interop puts that whole `exports` object under `default`, one level deeper than in
 * ESM, and a plain default import would fail at call time although it type-checks.
 */
export const createClient: CreateClient =
  typeof openapiFetch.default === "function"
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: CreateClient }).default;

/** Where things are, found from this file so the benchmarks run from any directory. */
import { fileURLToPath } from "node:url";

/** The monorepo's root. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** This package's folder, from which `@autoenhance/client` resolves as a user's project would. */
export const BENCH_ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The client package. */
export const CLIENT_ROOT = fileURLToPath(new URL("../../packages/client/", import.meta.url));

/**
 * What a bundler puts in an app for `import { Autoenhance } from "@autoenhance/client"`, measured
 * with esbuild set up exactly as size-limit sets it up, plus where those bytes come from.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { build, type BuildOptions, type Metafile } from "esbuild";
import { sizesOf, type Sizes } from "./compressed.js";
import { BENCH_ROOT, CLIENT_ROOT, REPO_ROOT } from "./paths.js";

/** Where the bundle's bytes come from, by package. */
export interface PackageShare {
  name: string;
  /** Its minified bytes in the bundle, from esbuild's metafile. */
  minified: number;
  /**
   * What it adds once compressed: for openapi-fetch, how much smaller the bundle gets when it is
   * left out; for the client, what remains. Compression works across module boundaries, so only
   * a difference of two real bundles says what one package costs.
   */
  gzip: number;
  brotli: number;
}

/** One source module's minified bytes in the bundle. */
export interface ModuleShare {
  module: string;
  minified: number;
}

/** Everything the size section reports. */
export interface SizeFigures {
  /** The bundle from the built `dist`, which is what users install. */
  bundle: Sizes;
  /**
   * What size-limit itself says, with the budget of `packages/client/.size-limit.json`. It takes
   * off the few bytes of its own entry file, so it reads a little under `bundle.gzip`.
   */
  sizeLimit: { gzip: number; limit: number; passed: boolean };
  packages: PackageShare[];
  /** From a bundle of the client's `src`, so each module of the client shows on its own. */
  modules: ModuleShare[];
  /** That bundle's total, to show it matches the one from `dist`. */
  modulesTotal: Sizes;
}

// The same entry size-limit writes for `"import": "{ Autoenhance }"`.
const entry = (from: string) =>
  `import { Autoenhance } from ${JSON.stringify(from)}\nconsole.log(Autoenhance)\n`;

// size-limit's esbuild options (@size-limit/esbuild get-config.js) with the same esbuild version,
// pinned in package.json, in memory instead of on disk.
async function bundle(from: string, more: BuildOptions = {}) {
  const options: BuildOptions = {
    stdin: { contents: entry(from), resolveDir: BENCH_ROOT, sourcefile: "entry.js" },
    // Inputs in the metafile are named from here.
    absWorkingDir: REPO_ROOT,
    bundle: true,
    metafile: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    treeShaking: true,
    write: false,
    logLevel: "silent",
    ...more,
  };
  const result = await build(options);
  // Both are there: the options ask for them (write: false, metafile: true).
  return { code: result.outputFiles![0]!.contents, metafile: result.metafile! };
}

/** The package an input of the metafile belongs to. */
function packageOf(input: string): string {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match) return match[1]!;
  if (input.includes("packages/api-types/")) return "@autoenhance/api-types";
  if (input.includes("packages/client/")) return "@autoenhance/client";
  return input;
}

function bytesByInput(metafile: Metafile): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      bytes.set(input, (bytes.get(input) ?? 0) + bytesInOutput);
    }
  }
  return bytes;
}

async function sizeLimitVerdict(): Promise<SizeFigures["sizeLimit"]> {
  const bin = join(CLIENT_ROOT, "node_modules/.bin/size-limit");
  // size-limit exits 1 when over budget and still prints its JSON: both are an answer here.
  const { stdout } = await promisify(execFile)(bin, ["--json"], { cwd: CLIENT_ROOT }).catch(
    (error: { stdout?: string }) => {
      if (!error.stdout) throw error;
      return { stdout: error.stdout };
    },
  );
  const [check] = JSON.parse(stdout) as { size: number; sizeLimit: number; passed: boolean }[];
  return { gzip: check!.size, limit: check!.sizeLimit, passed: check!.passed };
}

/** Bundles the client four ways and runs size-limit. */
export async function measureSize(): Promise<SizeFigures> {
  const full = await bundle("@autoenhance/client");
  const whole = sizesOf(full.code);
  const inputs = bytesByInput(full.metafile);
  const minifiedOf = (name: string) =>
    [...inputs].reduce((n, [input, bytes]) => (packageOf(input) === name ? n + bytes : n), 0);

  // ESM on both sides: an IIFE turns the external import into a require shim that is bigger than
  // an import statement, and would make openapi-fetch look smaller than it is.
  const esm = sizesOf((await bundle("@autoenhance/client", { format: "esm" })).code);
  const esmWithout = sizesOf(
    (await bundle("@autoenhance/client", { format: "esm", external: ["openapi-fetch"] })).code,
  );
  const openapiFetch: PackageShare = {
    name: "openapi-fetch",
    minified: minifiedOf("openapi-fetch"),
    gzip: esm.gzip - esmWithout.gzip,
    brotli: esm.brotli - esmWithout.brotli,
  };
  const packages: PackageShare[] = [
    {
      name: "@autoenhance/client",
      minified: minifiedOf("@autoenhance/client"),
      gzip: whole.gzip - openapiFetch.gzip,
      brotli: whole.brotli - openapiFetch.brotli,
    },
    openapiFetch,
    // Only `specVersion`, a string: too small for a compressed share to mean anything.
    {
      name: "@autoenhance/api-types",
      minified: minifiedOf("@autoenhance/api-types"),
      gzip: Number.NaN,
      brotli: Number.NaN,
    },
  ];

  const fromSource = await bundle(join(CLIENT_ROOT, "src/index.ts"));
  const modules = [...bytesByInput(fromSource.metafile)]
    .map(([input, minified]) => ({ module: displayInput(input), minified }))
    .filter((m) => m.minified > 0)
    .sort((a, b) => b.minified - a.minified);

  return {
    bundle: whole,
    sizeLimit: await sizeLimitVerdict(),
    packages,
    modules,
    modulesTotal: sizesOf(fromSource.code),
  };
}

/** `packages/client/src/transport.ts`, or `openapi-fetch/dist/index.mjs` for a dependency. */
function displayInput(input: string): string {
  const inPackage = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(.+)$/.exec(input);
  return inPackage ? inPackage[1]! : input;
}

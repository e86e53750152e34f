/**
 * Bundles a browser entry the way a browser application's bundler would: esbuild for the browser
 * platform, ESM output, everything inlined, packages resolved through their `exports` with the
 * conditions a browser build uses. The workspace's `@autoenhance/client` resolves to its built
 * `dist`, exactly as the published package would in an app's `node_modules`.
 */
import { build, type Metafile } from "esbuild";

export interface BrowserBundle {
  /** The bundled JavaScript. */
  code: string;
  /** Every input file that went into the bundle, as real paths relative to `absWorkingDir`. */
  inputs: string[];
  /** Imports the bundle still has (should be none: a browser cannot resolve bare specifiers). */
  imports: Metafile["outputs"][string]["imports"];
  /** How long the build took. */
  ms: number;
}

export async function bundleForBrowser(
  entry: string,
  absWorkingDir: string,
): Promise<BrowserBundle> {
  const started = performance.now();
  const result = await build({
    entryPoints: [entry],
    absWorkingDir,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: ["es2022"],
    // Vite's and webpack's client-build conditions; `import` and `default` are implied.
    conditions: ["browser", "module", "production"],
    mainFields: ["browser", "module", "main"],
    define: { "process.env.NODE_ENV": '"production"' },
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    outfile: "app.js",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild produced no output");
  const [meta] = Object.values(result.metafile.outputs);
  return {
    code: output.text,
    inputs: Object.keys(result.metafile.inputs),
    imports: meta?.imports ?? [],
    ms: performance.now() - started,
  };
}

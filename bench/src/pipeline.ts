/**
 * How long the pipeline takes from a clean tree: pull the document (from a local server), then
 * generate and build everything with turbo, first with an empty cache and then with a warm one.
 * Installing is done before the clock starts: it is not part of the pipeline.
 */
import { join } from "node:path";
import { copyCleanTree } from "./clean-tree.js";
import { runCommand, type RunOptions } from "./run-command.js";
import { serveSpec } from "./spec-server.js";

/** One pass of pull + build. */
export interface PipelinePass {
  pullMs: number;
  buildMs: number;
  totalMs: number;
  /** turbo's own count, e.g. `{ cached: 0, total: 4 }`. */
  tasks: { cached: number; total: number };
}

/** Everything the pipeline section reports. */
export interface PipelineFigures {
  files: number;
  /** Setting up the copy (not part of the pipeline, shown so the run time adds up). */
  installMs: number;
  cold: PipelinePass;
  warm: PipelinePass;
  /** Where the copy is, when `--keep-tree` asked to keep it for a look. */
  keptAt?: string;
}

// Generous: a cold build takes well under a minute even on a busy machine.
const STEP_TIMEOUT_MS = 240_000;

/** Copies the tree, installs it offline, then times a cold and a warm pass. */
export async function measurePipeline(options: { keep?: boolean } = {}): Promise<PipelineFigures> {
  const tree = await copyCleanTree();
  const spec = await serveSpec(join(tree.root, "openapi/openapi.json")).catch(async (error) => {
    await tree.remove();
    throw error;
  });
  try {
    const run: RunOptions = {
      cwd: tree.root,
      timeoutMs: STEP_TIMEOUT_MS,
      env: {
        ...process.env,
        TURBO_TELEMETRY_DISABLED: "1",
        // A pull must never reach the vendor from a benchmark, whatever the caller's environment.
        AUTOENHANCE_SPEC_URL: spec.specUrl,
        AUTOENHANCE_SNAPSHOT: join(tree.root, "openapi/openapi.json"),
      },
    };
    const install = await runCommand(
      "pnpm",
      ["install", "--offline", "--frozen-lockfile", "--reporter=silent"],
      run,
    );
    const pass = async (): Promise<PipelinePass> => {
      const pull = await runCommand("pnpm", ["run", "--silent", "spec:pull", spec.specUrl], run);
      if (!pull.output.includes(`pulling ${spec.specUrl}`)) {
        throw new Error(`spec:pull did not read the local server:\n${pull.output}`);
      }
      const build = await runCommand(
        "pnpm",
        ["exec", "turbo", "run", "build", "--output-logs=errors-only"],
        run,
      );
      return {
        pullMs: pull.ms,
        buildMs: build.ms,
        totalMs: pull.ms + build.ms,
        tasks: turboTasks(build.output),
      };
    };
    const cold = await pass();
    const warm = await pass();
    const kept = options.keep ? { keptAt: tree.root } : {};
    return { files: tree.files, installMs: install.ms, cold, warm, ...kept };
  } finally {
    await spec.close();
    if (!options.keep) await tree.remove();
  }
}

/** Reads turbo's summary line: `Cached:    4 cached, 4 total`. */
function turboTasks(output: string): PipelinePass["tasks"] {
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  if (!match) throw new Error(`turbo printed no summary:\n${output.slice(-2000)}`);
  return { cached: Number(match[1]), total: Number(match[2]) };
}

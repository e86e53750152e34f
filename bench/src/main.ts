/**
 * `pnpm bench`: measures the client's per-call overhead, its bundle size, the pipeline's speed
 * and its type cost; prints a Markdown report, then the figures as JSON.
 *
 * Usage: `pnpm bench [--json <file>] [--only overhead,size,types,pipeline] [--keep-tree]`.
 * Progress goes to stderr, so stdout holds only the report and the JSON.
 */
import { cpus, loadavg } from "node:os";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { measureOverhead } from "./overhead.js";
import { measurePipeline } from "./pipeline.js";
import { renderReport } from "./report.js";
import { SECTIONS, type BenchResults, type Section } from "./results.js";
import { measureSize } from "./size.js";
import { measureTypeCost } from "./type-cost.js";

interface Cli {
  json: string | undefined;
  only: Set<Section>;
  keepTree: boolean;
}

function parseArgs(argv: readonly string[]): Cli {
  const cli: Cli = { json: undefined, only: new Set(SECTIONS), keepTree: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") {
      const file = argv[++i];
      if (!file) throw new Error("--json needs a file path");
      cli.json = resolve(process.env.INIT_CWD ?? process.cwd(), file);
    } else if (arg === "--only") {
      const names = (argv[++i] ?? "").split(",").filter(Boolean);
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length > 0) {
        throw new Error(`--only takes some of ${SECTIONS.join(",")}; got ${argv[i] ?? "nothing"}`);
      }
      cli.only = new Set(names as Section[]);
    } else if (arg === "--keep-tree") {
      cli.keepTree = true;
    } else if (arg !== "--") {
      throw new Error(
        `unknown argument ${arg}; usage: pnpm bench [--json <file>] [--only ${SECTIONS.join(",")}] [--keep-tree]`,
      );
    }
  }
  return cli;
}

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<void> {
  const cli = parseArgs(process.argv.slice(2));
  if (!(globalThis as { gc?: unknown }).gc)
    progress("no --expose-gc: rounds run without collecting");
  const start = performance.now();
  const loadStart = loadavg()[0]!;
  const results: Partial<BenchResults> = {};

  // The overhead goes first, before this run's own builds have warmed up the machine.
  if (cli.only.has("overhead")) {
    progress("per-call overhead (stub fetch, then local HTTP) ...");
    results.overhead = await measureOverhead();
  }
  if (cli.only.has("size")) {
    progress("bundle size ...");
    results.size = await measureSize();
  }
  if (cli.only.has("types")) {
    progress("type cost ...");
    results.types = await measureTypeCost();
  }
  if (cli.only.has("pipeline")) {
    progress("pipeline from a clean tree (copy, offline install, then two timed passes) ...");
    results.pipeline = await measurePipeline({ keep: cli.keepTree });
  }

  const cpu = cpus();
  const full: BenchResults = {
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? "unknown",
      load: { start: loadStart, end: loadavg()[0]! },
      date: new Date().toISOString(),
      runMs: performance.now() - start,
    },
    ...results,
  };
  const json = JSON.stringify(full, null, 2);
  process.stdout.write(renderReport(full) + "\n```json\n" + json + "\n```\n");
  if (cli.json) {
    await writeFile(cli.json, json + "\n");
    progress(`wrote ${cli.json}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/**
 * What the client's types cost a user's `tsc --noEmit`: a small consumer file (against the built
 * `dist` declarations, as installed) next to an empty file with the same options, run in
 * alternation so that machine noise lands on both.
 */
import { join } from "node:path";
import { median } from "./stats.js";
import { BENCH_ROOT } from "./paths.js";
import { runCommand } from "./run-command.js";

/** One file's figures: medians over runs. */
export interface TypeCheckFigures {
  /** The process as a user waits for it, start-up included. */
  wallMs: number;
  /** tsc's own phases (`--extendedDiagnostics`). */
  checkMs: number;
  totalMs: number;
  files: number;
  types: number;
  instantiations: number;
  memoryKb: number;
}

/** The consumer, the baseline and their difference. */
export interface TypeCostFigures {
  runs: number;
  consumer: TypeCheckFigures;
  empty: TypeCheckFigures;
  added: { wallMs: number; checkMs: number; types: number; instantiations: number };
}

const FIXTURES = join(BENCH_ROOT, "fixtures/type-cost");
const TSC = join(BENCH_ROOT, "node_modules/typescript/bin/tsc");
const RUNS = 5;

async function check(project: string) {
  const { ms, output } = await runCommand(
    process.execPath,
    [TSC, "-p", project, "--extendedDiagnostics"],
    { cwd: FIXTURES, timeoutMs: 60_000 },
  );
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(output);
    if (!match) throw new Error(`tsc printed no ${name}:\n${output}`);
    return Number(match[1]);
  };
  return {
    wallMs: ms,
    checkMs: field("Check time") * 1000,
    totalMs: field("Total time") * 1000,
    files: field("Files"),
    types: field("Types"),
    instantiations: field("Instantiations"),
    memoryKb: field("Memory used"),
  };
}

function medians(runs: TypeCheckFigures[]): TypeCheckFigures {
  const of = (key: keyof TypeCheckFigures) => median(runs.map((r) => r[key]));
  return {
    wallMs: of("wallMs"),
    checkMs: of("checkMs"),
    totalMs: of("totalMs"),
    files: of("files"),
    types: of("types"),
    instantiations: of("instantiations"),
    memoryKb: of("memoryKb"),
  };
}

/** Type-checks both files {@link RUNS} times each, alternating. */
export async function measureTypeCost(): Promise<TypeCostFigures> {
  const consumer: TypeCheckFigures[] = [];
  const empty: TypeCheckFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    empty.push(await check("tsconfig.empty.json"));
    consumer.push(await check("tsconfig.consumer.json"));
  }
  const c = medians(consumer);
  const e = medians(empty);
  return {
    runs: RUNS,
    consumer: c,
    empty: e,
    added: {
      wallMs: c.wallMs - e.wallMs,
      checkMs: c.checkMs - e.checkMs,
      types: c.types - e.types,
      instantiations: c.instantiations - e.instantiations,
    },
  };
}

/** The human-readable report: a summary table, then one table per section. */
import { BARE, HAND_WRITTEN } from "./contenders.js";
import { count, duration, kB, mark, micro, table, times } from "./format.js";
import type { OverheadSetting } from "./overhead.js";
import type { BenchResults } from "./results.js";

const GZIP_AIM = 4_000;

/** The whole report, in Markdown. */
export function renderReport(results: BenchResults): string {
  const { environment: env } = results;
  const parts = [
    `Node ${env.node} on ${env.platform}, ${env.cpus} × ${env.cpuModel}; ` +
      `load ${env.load.start.toFixed(1)} → ${env.load.end.toFixed(1)}; ${env.date}`,
    "## Summary",
    renderSummary(results),
  ];
  if (results.overhead) {
    const { stub, http } = results.overhead;
    parts.push(
      `## Per-call overhead, stub \`fetch\` (${stub.figures.rounds} interleaved rounds, ratios by CPU time)`,
      renderOverhead(stub),
      `## Per-call overhead, local HTTP (${http.figures.rounds} interleaved rounds, ratios by wall time)`,
      renderOverhead(http),
    );
  }
  if (results.size) parts.push("## Bundle size of `import { Autoenhance }`", renderSize(results));
  if (results.pipeline) parts.push("## Pipeline from a clean tree", renderPipeline(results));
  if (results.types) parts.push("## Type cost of `tsc --noEmit`", renderTypes(results));
  return parts.join("\n\n") + "\n";
}

/** The short table meant for the README. */
export function renderSummary({ overhead, size, pipeline, types }: BenchResults): string {
  const rows: string[][] = [["Benchmark", "Measured", "Goal"]];
  if (overhead) {
    const { stub, http } = overhead;
    rows.push([
      "`orders.create` vs bare openapi-fetch, stub `fetch` (CPU per call)",
      times(stub.goal.ratio),
      `≤ ${times(stub.goal.limit)} ${mark(stub.goal.met)}`,
    ]);
    rows.push([
      "`orders.create` vs hand-written `fetch`, local HTTP (wall per call)",
      times(http.goal.ratio),
      `≤ ${times(http.goal.limit)} ${mark(http.goal.met)}`,
    ]);
  }
  if (size) {
    const { bundle, sizeLimit } = size;
    rows.push([
      "`import { Autoenhance }` bundled with openapi-fetch: min / gzip / brotli",
      `${kB(bundle.minified)} / ${kB(bundle.gzip)} / ${kB(bundle.brotli)}`,
      `gzip < ${kB(GZIP_AIM)} ${mark(bundle.gzip < GZIP_AIM)}; budget ${kB(sizeLimit.limit)} ${mark(sizeLimit.passed)}`,
    ]);
  }
  if (pipeline) {
    rows.push([
      "Pull + generate + build from a clean tree: empty / warm turbo cache",
      `${duration(pipeline.cold.totalMs)} / ${duration(pipeline.warm.totalMs)}`,
      "",
    ]);
  }
  if (types) {
    rows.push([
      "`tsc --noEmit` of a small consumer, over an empty file",
      `+${duration(types.added.wallMs)} (+${count(types.added.types)} types)`,
      "",
    ]);
  }
  return table(rows);
}

function renderOverhead({ figures, goal }: OverheadSetting): string {
  const rows = [
    [
      "Contender",
      "calls/s",
      "µs/call (wall)",
      "µs/call (CPU)",
      "× fetch",
      "× openapi-fetch",
      "wall range µs",
    ],
  ];
  for (const c of figures.contenders) {
    rows.push([
      `\`${c.name}\``,
      count(c.opsPerSec),
      micro(c.usPerCall.wall),
      micro(c.usPerCall.cpu),
      times(figures.ratio(c.name, HAND_WRITTEN, goal.clock)),
      times(figures.ratio(c.name, BARE, goal.clock)),
      `${micro(c.wallRange.min)}–${micro(c.wallRange.max)}`,
    ]);
  }
  const [a, b] = goal.compared;
  return (
    table(rows) +
    `\n\nGoal: \`${a}\` ≤ ${times(goal.limit)} \`${b}\` by ${goal.clock} time: ` +
    `${times(goal.ratio)} ${mark(goal.met)}.` +
    (goal.clock === "cpu"
      ? " CPU time counts every thread of the process (the collector's helpers too), so it can" +
        " exceed wall time."
      : "")
  );
}

function renderSize({ size }: BenchResults): string {
  const { bundle, packages, modules, modulesTotal, sizeLimit } = size!;
  const rows = [["Part", "minified", "gzip", "brotli"]];
  rows.push(["whole bundle", kB(bundle.minified), kB(bundle.gzip), kB(bundle.brotli)]);
  for (const p of packages) rows.push([p.name, kB(p.minified), kB(p.gzip), kB(p.brotli)]);
  const byModule = [["Module (bundled from the client's src)", "minified", "share"]];
  for (const m of modules) {
    byModule.push([
      m.module,
      count(m.minified),
      `${((100 * m.minified) / modulesTotal.minified).toFixed(1)}%`,
    ]);
  }
  return [
    table(rows),
    "esbuild as size-limit runs it (bundle, minify, tree-shake; 1 kB = 1000 B). A package's " +
      "compressed share is how much the bundle shrinks without it; the client's is the rest.",
    `size-limit: ${kB(sizeLimit.gzip)} gzip against a budget of ${kB(sizeLimit.limit)} ${mark(sizeLimit.passed)}.`,
    table(byModule),
    `From src the bundle is ${kB(modulesTotal.minified)} minified, ${kB(modulesTotal.gzip)} gzip.`,
  ].join("\n\n");
}

function renderPipeline({ pipeline }: BenchResults): string {
  const { cold, warm, installMs, files } = pipeline!;
  const cached = (p: typeof cold) => `${p.tasks.cached}/${p.tasks.total} cached`;
  return [
    table([
      ["Step", "empty cache", "warm cache"],
      ["`pnpm spec:pull` (from 127.0.0.1)", duration(cold.pullMs), duration(warm.pullMs)],
      ["`turbo run build` (generate + build)", duration(cold.buildMs), duration(warm.buildMs)],
      ["total", duration(cold.totalMs), duration(warm.totalMs)],
      ["turbo tasks", cached(cold), cached(warm)],
    ]),
    `${files} files copied; \`pnpm install --offline --frozen-lockfile\` took ` +
      `${duration(installMs)} before the clock started.`,
  ].join("\n\n");
}

function renderTypes({ types }: BenchResults): string {
  const { consumer, empty, added, runs } = types!;
  const row = (name: string, f: typeof consumer) => [
    name,
    duration(f.wallMs),
    duration(f.checkMs),
    count(f.files),
    count(f.types),
    count(f.instantiations),
    `${count(f.memoryKb / 1024)} MB`,
  ];
  return [
    table([
      ["File", "wall", "check", "files", "types", "instantiations", "memory"],
      row("`consumer.ts` (uses the client)", consumer),
      row("`empty.ts` (baseline)", empty),
    ]),
    `Medians of ${runs} alternating runs. The client adds ${duration(added.wallMs)} of wall time ` +
      `and ${duration(added.checkMs)} of check time (each a difference of medians, so noisy), ` +
      `${count(added.types)} types and ${count(added.instantiations)} instantiations.`,
  ].join("\n\n");
}

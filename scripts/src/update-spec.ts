/**
 * `pnpm spec:update`: pulls the vendor's document, and when it changed, reports what changed and
 * how much it matters, replaces the snapshot, regenerates the types and writes the changeset.
 *
 * Usage: `spec:update [source] [--snapshot <file>] [--overlay <file>] [--changeset-dir <dir>]
 * [--generated-dir <dir>] [--no-generate]`, with the same sources and environment as
 * `spec:pull` (`AUTOENHANCE_SPEC_URL`, `AUTOENHANCE_SNAPSHOT`, `AUTOENHANCE_SPEC_TIMEOUT_MS`).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { diffSpecs, type SpecDiff } from "./diff-spec.js";
import { normaliseDocument } from "./normalise.js";
import {
  DEFAULT_SNAPSHOT,
  DEFAULT_SPEC_URL,
  timeoutFromEnv,
  pullSpec,
  SpecPullError,
} from "./pull-spec.js";
import { renderReport } from "./report.js";
import { writeFileAtomic } from "./write-atomic.js";
import { writeChangeset } from "./write-changeset.js";
import { isMain } from "./is-main.js";

/** Produces the generated files (name inside the generated directory to contents). */
export type GenerateFn = (snapshot: unknown, overlay: unknown) => Promise<Record<string, string>>;

/**
 * Options for {@link updateSpec}. Everything but the snapshot defaults to the repository layout
 * around the snapshot (`<root>/openapi/openapi.json`), so a copy of that layout in a temporary
 * directory is updated without touching the real one.
 */
export interface UpdateSpecOptions {
  /** An `http(s)://` URL, a `file:` URL or a local path. */
  source: string;
  /** The committed snapshot to compare with and replace. */
  snapshot: string;
  /** Default: `overlay.yaml` beside the snapshot. */
  overlay?: string;
  /** Default: `<root>/.changeset`. */
  changesetDir?: string;
  /** Default: `<root>/packages/api-types/src/generated`. */
  generatedDir?: string;
  /** The types generator; default the api-types package's; `false` skips regeneration. */
  generate?: GenerateFn | false;
  timeoutMs: number;
  /** Receives progress lines and the report; silent when omitted. */
  log?: (line: string) => void;
}

/** What {@link updateSpec} did. */
export interface UpdateSpecResult {
  changed: boolean;
  /** Present when the document changed. */
  diff?: SpecDiff;
  report?: string;
  /** Path of the changeset written. */
  changeset?: string;
  /** Generated files whose contents changed. */
  generated: string[];
}

/** An update that failed; the message is one line, and says what was left untouched. */
export class SpecUpdateError extends Error {
  override name = "SpecUpdateError";
}

/**
 * Runs the update. Nothing in the repository is written until the new document has been pulled,
 * validated, compared and, unless disabled, turned into types, so a failed pull or an overlay
 * that no longer applies leaves the old snapshot, the types and `.changeset/` as they were.
 *
 * @param options - Source and locations.
 * @returns What changed.
 * @throws {SpecPullError} When the pull fails.
 * @throws {SpecUpdateError} When the snapshot cannot be read or the types cannot be generated.
 */
export async function updateSpec(options: UpdateSpecOptions): Promise<UpdateSpecResult> {
  const { source, snapshot, timeoutMs, log = () => {} } = options;
  const root = resolve(dirname(snapshot), "..");
  const overlayPath = options.overlay ?? join(dirname(snapshot), "overlay.yaml");
  const changesetDir = options.changesetDir ?? join(root, ".changeset");
  const generatedDir = options.generatedDir ?? join(root, "packages/api-types/src/generated");
  const committed = await readSnapshot(snapshot);

  // The pull writes where nothing else looks, so only a complete, valid document moves on.
  const temp = await mkdtemp(join(tmpdir(), "spec-update-"));
  let nextText: string;
  try {
    const pulled = join(temp, "openapi.json");
    // pullSpec ends by naming the file it wrote; here that is a temporary file, not news.
    const pullLog = (line: string) => {
      if (!line.startsWith(pulled)) log(line);
    };
    await pullSpec({ source, out: pulled, timeoutMs, log: pullLog });
    nextText = await readFile(pulled, "utf8");
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  const next: unknown = JSON.parse(nextText);
  if (nextText === normaliseDocument(committed)) {
    log(`no change: ${display(snapshot)} already holds this document; nothing written`);
    return { changed: false, generated: [] };
  }

  // Judge the change as the generated types will see it: both sides with our corrections applied.
  const overlay = await readOverlay(options, overlayPath);
  const [before, after] = await Promise.all(
    [committed, next].map((document) => corrected(options, document, overlay)),
  );
  const diff = diffSpecs(before, after);
  const report = renderReport(diff);
  log("");
  log(report.trimEnd());
  log("");

  const files = options.generate === false ? undefined : await regenerate(options, next, overlay);
  await writeFileAtomic(snapshot, nextText);
  log(`${display(snapshot)} updated`);
  const generated: string[] = [];
  if (files === undefined) {
    log("types not regenerated (--no-generate); run `pnpm generate` before committing");
  } else {
    for (const [name, contents] of Object.entries(files)) {
      const path = join(generatedDir, name);
      if ((await readFile(path, "utf8").catch(() => undefined)) === contents) continue;
      await writeFileAtomic(path, contents);
      generated.push(path);
    }
    log(
      generated.length > 0 ? `regenerated ${generated.map(display).join(", ")}` : "types unchanged",
    );
  }
  const changeset = await writeChangeset(changesetDir, diff, report, nextText);
  log(`wrote ${display(changeset)} (${diff.bump})`);
  return { changed: true, diff, report, changeset, generated };
}

async function readSnapshot(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new SpecUpdateError(
      `spec update failed: cannot read snapshot ${display(path)} (${code}); run \`pnpm spec:pull\` to create it, or check --snapshot`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SpecUpdateError(
      `spec update failed: snapshot ${display(path)} is not JSON (${(error as Error).message}); restore it from git`,
    );
  }
}

async function readOverlay(options: UpdateSpecOptions, overlayPath: string): Promise<unknown> {
  return withUpdateError(options, async () => parseYaml(await readFile(overlayPath, "utf8")));
}

async function corrected(options: UpdateSpecOptions, document: unknown, overlay: unknown) {
  const { applyOverlay } = await import("../../packages/api-types/generate.js");
  return withUpdateError(options, () => applyOverlay(document, overlay));
}

/** Generates in memory first: an overlay that no longer applies must stop the update. */
async function regenerate(
  options: UpdateSpecOptions,
  next: unknown,
  overlay: unknown,
): Promise<Record<string, string>> {
  // Loaded on demand: openapi-typescript is heavy, and tests inject their own generator.
  const generate =
    options.generate || (await import("../../packages/api-types/generate.js")).generate;
  return withUpdateError(options, () => generate(next, overlay));
}

/** Turns a failure to read or apply the overlay, or to generate, into the update's one-line error. */
async function withUpdateError<T>(options: UpdateSpecOptions, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SpecUpdateError(
      `spec update failed: cannot regenerate the types: ${message.replace(/\s+/g, " ").trim()} ` +
        `(${display(options.snapshot)} was left unchanged)`,
      { cause: error },
    );
  }
}

/** Paths under the working directory print relative, so logs read the same on every machine. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

const USAGE =
  "usage: spec:update [source] [--snapshot <file>] [--overlay <file>] [--changeset-dir <dir>] [--generated-dir <dir>] [--no-generate]";

/**
 * Reads the command line and environment into {@link UpdateSpecOptions}.
 *
 * @param argv - Arguments after the script name.
 * @param env - Environment to read defaults from.
 * @returns Options ready for {@link updateSpec}.
 * @throws {SpecUpdateError} On an unknown flag, a flag without its value, or a bad timeout.
 */
export function updateOptionsFromCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): UpdateSpecOptions {
  const values: Record<string, string> = {};
  let source: string | undefined;
  let generate = true;
  const flags = ["snapshot", "overlay", "changeset-dir", "generated-dir"];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") ? arg.slice(2).split(/=(.*)/s) : [undefined];
    if (flag === "no-generate" && inline === undefined) {
      generate = false;
    } else if (flag !== undefined && flags.includes(flag)) {
      const value = inline ?? argv[(i += 1)];
      if (!value) throw new SpecUpdateError(`spec update failed: --${flag} needs a path; ${USAGE}`);
      values[flag] = resolve(value);
    } else if (arg.startsWith("-") || source !== undefined) {
      throw new SpecUpdateError(`spec update failed: unexpected argument ${arg}; ${USAGE}`);
    } else {
      source = arg;
    }
  }
  const timeoutMs = timeoutFromEnv(env);
  return {
    source: source || env.AUTOENHANCE_SPEC_URL || DEFAULT_SPEC_URL,
    snapshot: values.snapshot ?? resolve(env.AUTOENHANCE_SNAPSHOT || DEFAULT_SNAPSHOT),
    overlay: values.overlay,
    changesetDir: values["changeset-dir"],
    generatedDir: values["generated-dir"],
    generate: generate ? undefined : false,
    timeoutMs,
    log: (line) => console.log(line),
  };
}

/** Runs the command; a non-zero exit means nothing in the repository can be trusted to change. */
async function main(): Promise<void> {
  try {
    await updateSpec(updateOptionsFromCli(process.argv.slice(2), process.env));
  } catch (error) {
    const known = error instanceof SpecPullError || error instanceof SpecUpdateError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      known ? message : `spec update failed: ${message}; this is a bug, please report it`,
    );
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) {
  await main();
}

import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkDocument } from "./check-document.js";
import { normaliseDocument } from "./normalise.js";
import { readSource, SourceError } from "./read-source.js";
import { writeFileAtomic } from "./write-atomic.js";
import { isMain } from "./is-main.js";

/** Where the vendor publishes the document. */
export const DEFAULT_SPEC_URL = "https://api.autoenhance.ai/docs/openapi.spec";

/** A slow link should not fail a pull, but a dead one should not hang CI either. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The committed snapshot, located from this file so the command works from any directory. */
export const DEFAULT_SNAPSHOT = resolve(REPO_ROOT, "openapi/openapi.json");

/**
 * Options for {@link pullSpec}.
 */
export interface PullSpecOptions {
  /** An `http(s)://` URL, a `file:` URL or a local path. */
  source: string;
  /** Snapshot file to create or replace. */
  out: string;
  /** Limit for the whole HTTP exchange. */
  timeoutMs: number;
  /** Receives the progress lines; silent when omitted. */
  log?: (line: string) => void;
}

/**
 * What a successful pull did.
 */
export interface PullSpecResult {
  /** False when the snapshot already held exactly these bytes and was left alone. */
  changed: boolean;
  /** Size of the document as received. */
  bytes: number;
  /** Size of the normalised snapshot. */
  snapshotBytes: number;
  /** The document's `info.version`. */
  version: string;
  out: string;
}

/**
 * A pull that did not update the snapshot. The message is one line: the reason and what to do.
 */
export class SpecPullError extends Error {
  override name = "SpecPullError";
}

/**
 * Fetches the OpenAPI document, validates it, and stores it at `out` in normalised form.
 *
 * Nothing touches `out` until the document has passed every check, and the write itself is
 * atomic, so any failure leaves the previous snapshot exactly as it was.
 *
 * @param options - Where to read from and write to.
 * @returns What changed.
 * @throws {SpecPullError} On any failure, with a message of the form `spec pull failed: ...`.
 */
export async function pullSpec(options: PullSpecOptions): Promise<PullSpecResult> {
  const { source, out, timeoutMs, log = () => {} } = options;
  try {
    // Credentials in the URL must not end up in CI logs.
    log(`pulling ${source.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/@]*@/i, "$1")}`);
    const text = await readSource(source, timeoutMs);
    log(`received ${text.bytes} bytes`);
    const { doc, version } = await checkDocument(text);
    log(`valid OpenAPI ${String(doc.openapi)}, info.version ${version}`);
    const normalised = normaliseDocument(doc);
    const previous = await readIfExists(out);
    const changed = previous !== normalised;
    if (changed) {
      await writeSnapshot(out, normalised);
    }
    const verdict = changed ? (previous === undefined ? "created" : "updated") : "unchanged";
    log(`${displayPath(out)} ${verdict}`);
    return {
      changed,
      bytes: text.bytes,
      snapshotBytes: Buffer.byteLength(normalised),
      version,
      out,
    };
  } catch (error) {
    if (error instanceof SpecPullError) {
      throw error;
    }
    const reason = error instanceof SourceError ? error.message : unexpected(error);
    throw new SpecPullError(`spec pull failed: ${reason}`, { cause: error });
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw snapshotError("cannot read", path, error);
  }
}

async function writeSnapshot(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw snapshotError("cannot write", path, error);
  }
}

function snapshotError(what: string, path: string, error: unknown): SpecPullError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new SpecPullError(
    `spec pull failed: ${what} snapshot ${displayPath(path)} (${code}); check AUTOENHANCE_SNAPSHOT or --out`,
    { cause: error },
  );
}

function unexpected(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message.replace(/\s+/g, " ").trim()}; this is a bug in the pull script, please report it`;
}

/** Paths under the working directory print relative, so logs read the same on every machine. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** The pull's timeout from `AUTOENHANCE_SPEC_TIMEOUT_MS`, or the default; refuses nonsense. */
export function timeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.AUTOENHANCE_SPEC_TIMEOUT_MS;
  const timeoutMs = raw ? Number(raw) : DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new SpecPullError(
      `spec pull failed: AUTOENHANCE_SPEC_TIMEOUT_MS must be a positive whole number of milliseconds, got ${JSON.stringify(raw)}`,
    );
  }
  return timeoutMs;
}

/**
 * Reads the command line and environment into {@link PullSpecOptions}.
 *
 * Usage: `pull-spec [source] [--out <file>]`. The source argument wins over
 * `AUTOENHANCE_SPEC_URL`, and `--out` over `AUTOENHANCE_SNAPSHOT`.
 *
 * @param argv - Arguments after the script name.
 * @param env - Environment to read defaults from.
 * @returns Options ready for {@link pullSpec}.
 * @throws {SpecPullError} On an unknown flag or a malformed timeout.
 */
export function optionsFromCli(argv: readonly string[], env: NodeJS.ProcessEnv): PullSpecOptions {
  let source: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === "--out") {
      out = argv[(i += 1)];
      if (out === undefined) throw new SpecPullError("spec pull failed: --out needs a file path");
    } else if (arg.startsWith("--out=")) {
      out = arg.slice("--out=".length);
    } else if (arg.startsWith("-") || source !== undefined) {
      throw new SpecPullError(
        `spec pull failed: unexpected argument ${arg}; usage: pull-spec [source] [--out <file>]`,
      );
    } else {
      source = arg;
    }
  }
  const timeoutMs = timeoutFromEnv(env);
  return {
    source: source || env.AUTOENHANCE_SPEC_URL || DEFAULT_SPEC_URL,
    out: resolve(out || env.AUTOENHANCE_SNAPSHOT || DEFAULT_SNAPSHOT),
    timeoutMs,
    log: (line) => console.log(line),
  };
}

/** Runs the command; the process exit code tells CI whether the snapshot is trustworthy. */
async function main(): Promise<void> {
  try {
    await pullSpec(optionsFromCli(process.argv.slice(2), process.env));
  } catch (error) {
    const message =
      error instanceof SpecPullError ? error.message : `spec pull failed: ${unexpected(error)}`;
    console.error(message);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) {
  await main();
}

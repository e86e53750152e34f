import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The raw text of a spec source, with what is needed to explain a failure later on.
 */
export interface SourceText {
  /** How the source was read, for messages: `GET <url>` or `file <path>`. */
  label: string;
  /** What to tell the user to check when this source yields something unusable. */
  advice: string;
  /** Size of the body as received, before decoding. */
  bytes: number;
  /** The response's `content-type`, when the source is HTTP. */
  contentType: string | undefined;
  text: string;
}

/**
 * An error whose message is already a complete, one-line reason fit to show the user.
 */
export class SourceError extends Error {
  override name = "SourceError";
}

const URL_ADVICE = "check the URL (the source argument or AUTOENHANCE_SPEC_URL)";
const FILE_ADVICE = "check the spec file path";

/**
 * Reads a spec source: an `http(s)://` URL, a `file:` URL or a local file path.
 *
 * @param source - URL or path; a relative path resolves against the working directory.
 * @param timeoutMs - Limit for the whole HTTP exchange, headers and body together.
 * @returns The text and its provenance.
 * @throws {SourceError} When the source cannot be read; the message names it and what to check.
 */
export async function readSource(source: string, timeoutMs: number): Promise<SourceText> {
  if (/^https?:\/\//i.test(source)) {
    return fetchText(source, timeoutMs);
  }
  if (/^file:/i.test(source)) {
    return readLocal(fileURLToPath(source));
  }
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(source)) {
    throw new SourceError(`unsupported source ${source}; use an http(s) URL or a file path`);
  }
  return readLocal(resolve(source));
}

async function fetchText(source: string, timeoutMs: number): Promise<SourceText> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new SourceError(`${source} is not a valid URL; ${URL_ADVICE}`);
  }
  // Credentials in the URL must not end up in logs or CI output.
  url.username = "";
  url.password = "";
  const label = `GET ${url.href}`;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(source, { signal, headers: { accept: "application/json" } });
    if (!response.ok) {
      // Cancel the unread body so the socket is released rather than left half-read.
      await response.body?.cancel();
      const status = `${response.status} ${response.statusText}`.trim();
      throw new SourceError(`${label} answered ${status}; ${URL_ADVICE}`);
    }
    const body = Buffer.from(await response.arrayBuffer());
    return {
      label,
      advice: URL_ADVICE,
      bytes: body.byteLength,
      contentType: response.headers.get("content-type") ?? undefined,
      text: new TextDecoder("utf-8", { fatal: false }).decode(body),
    };
  } catch (error) {
    if (error instanceof SourceError) {
      throw error;
    }
    if (signal.aborted) {
      throw new SourceError(
        `${label} did not finish within ${timeoutMs} ms; check the network or raise AUTOENHANCE_SPEC_TIMEOUT_MS`,
      );
    }
    throw new SourceError(`${label} could not connect (${networkReason(error)}); ${URL_ADVICE}`);
  }
}

async function readLocal(path: string): Promise<SourceText> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    throw new SourceError(`cannot read file ${path} (${code}); ${FILE_ADVICE}`);
  }
  return {
    label: `file ${path}`,
    advice: FILE_ADVICE,
    bytes: body.byteLength,
    contentType: undefined,
    text: new TextDecoder("utf-8", { fatal: false }).decode(body),
  };
}

/** Undici hides the useful part (ECONNREFUSED, ENOTFOUND, ...) in `cause`. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string") {
    return cause.code;
  }
  if (typeof cause?.message === "string") {
    return cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the release's child commands with their output passed through, minus any secret.
 */
import { spawn } from "node:child_process";
import type { Writable } from "node:stream";

/** What the release runs, and how. */
export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Strings that must never reach the terminal or a CI log, such as the registry token. */
  secrets: string[];
}

/**
 * Replaces every occurrence of each secret in `text` with `***`.
 *
 * @param text - One line of output.
 * @param secrets - The values to hide; empty strings are ignored.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== "") result = result.split(secret).join("***");
  }
  return result;
}

/**
 * Copies a child's stream to `target` line by line, so that a secret split across two chunks
 * is still whole when it is redacted.
 */
function pipeRedacted(
  source: NodeJS.ReadableStream,
  target: Writable,
  secrets: readonly string[],
): Promise<void> {
  let pending = "";
  source.setEncoding("utf8");
  source.on("data", (chunk: string) => {
    pending += chunk;
    const end = pending.lastIndexOf("\n");
    if (end === -1) return;
    target.write(redact(pending.slice(0, end + 1), secrets));
    pending = pending.slice(end + 1);
  });
  return new Promise((resolve) => {
    source.on("end", () => {
      if (pending !== "") target.write(redact(pending, secrets));
      resolve();
    });
  });
}

/**
 * Runs `command` to completion and returns its exit code; its output goes to this process's
 * stdout and stderr. changesets/action reads the publish output (its `New tag:` lines), so the
 * output is passed on unchanged except for redaction.
 *
 * @param command - The program, found on `PATH`.
 * @param args - Its arguments.
 * @param options - Where and with what environment; the secrets to hide.
 * @returns The exit code, or 1 when the child was killed by a signal.
 */
export async function runCommand(
  command: string,
  args: string[],
  options: CommandOptions,
): Promise<number> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["inherit", "pipe", "pipe"],
  });
  const copied = Promise.all([
    pipeRedacted(child.stdout, process.stdout, options.secrets),
    pipeRedacted(child.stderr, process.stderr, options.secrets),
  ]);
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode) => resolve(exitCode ?? 1));
  });
  await copied;
  return code;
}

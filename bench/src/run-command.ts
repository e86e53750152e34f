/** Runs one command to its end, timed, with its output kept for when it fails. */
import { spawn } from "node:child_process";

/** How a command ended. */
export interface CommandResult {
  ms: number;
  output: string;
}

/** Options for {@link runCommand}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The command is killed after this long: a benchmark must end by itself. */
  timeoutMs: number;
}

/**
 * Runs `command` with `args` (no shell) and resolves with its wall time and output.
 *
 * @throws when it exits non-zero or runs past `timeoutMs`, with the tail of its output.
 */
export function runCommand(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<CommandResult> {
  const start = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGTERM"), options.timeoutMs);

  return new Promise((resolve, reject) => {
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      if (code === 0) return resolve({ ms, output });
      const why = signal ? `was stopped (${signal}) after ${Math.round(ms)} ms` : `exited ${code}`;
      reject(new Error(`${[command, ...args].join(" ")} ${why}:\n${output.slice(-4000)}`));
    });
  });
}

/**
 * Runs a program to completion with a time limit and returns everything it printed, so that a
 * failing step shows its own output in the test report.
 */
import { spawn } from "node:child_process";

/** How a program ended, and what it printed. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr, interleaved as they arrived. */
  output: string;
}

/** Where and how to run. */
export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Killed after this long; a hung registry call must not hang the suite. */
  timeoutMs: number;
}

/**
 * Runs `command` and resolves once it exits, whatever the exit code.
 *
 * @param command - The program, found on `PATH`, or an absolute path.
 * @param args - Its arguments.
 * @param options - Working directory, environment and time limit.
 * @returns Its exit code (1 when killed) and output.
 */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      output += chunk;
    });
    const timer = setTimeout(() => {
      output += `\n[killed after ${options.timeoutMs} ms]\n`;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr, output });
    });
  });
}

/**
 * {@link run}, but a non-zero exit code rejects with the command and its output.
 *
 * @param command - The program.
 * @param args - Its arguments.
 * @param options - Working directory, environment and time limit.
 */
export async function runOk(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${result.code} in ${options.cwd}:\n${result.output}`,
    );
  }
  return result;
}

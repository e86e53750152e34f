/**
 * `pnpm changeset:status`: on a branch, fails when a package changed since `origin/main` without a
 * changeset, so that no change reaches main without a version bump and a changelog line.
 *
 * On main itself, in a detached checkout, outside git, or without an `origin/main` ref there is
 * nothing to compare with; the gate then says why it skipped and passes, because a fresh clone or
 * CI's copy of main must still be able to run the tests.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMain } from "./is-main.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BASE = "main";
const BASE_REF = `origin/${BASE}`;

function git(args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: "pipe" }).trim();
  } catch {
    return undefined;
  }
}

/** The decision, before anything runs. */
export type GateDecision = { run: true; branch: string } | { run: false; reason: string };

/**
 * Decides whether `changeset status` applies here.
 *
 * @param env - The environment; a pull-request job names its branch in `GITHUB_HEAD_REF`, because
 *   its checkout is detached.
 */
export function decideGate(env: NodeJS.ProcessEnv): GateDecision {
  if (git(["rev-parse", "--is-inside-work-tree"]) !== "true") {
    return { run: false, reason: "not a git checkout" };
  }
  const head = git(["rev-parse", "--abbrev-ref", "HEAD"]);
  const branch = (env.GITHUB_HEAD_REF ?? "") !== "" ? env.GITHUB_HEAD_REF! : head;
  if (branch === undefined || branch === "HEAD") {
    return { run: false, reason: "detached HEAD: no branch to compare" };
  }
  if (branch === BASE) return { run: false, reason: `on ${BASE} itself` };
  if (git(["rev-parse", "--verify", "--quiet", `refs/remotes/${BASE_REF}`]) === undefined) {
    return {
      run: false,
      reason: `no ${BASE_REF} ref to compare with (fetch it to enable the gate)`,
    };
  }
  return { run: true, branch };
}

function main(): number {
  const decision = decideGate(process.env);
  if (!decision.run) {
    console.log(`changeset gate: skipped: ${decision.reason}.`);
    return 0;
  }
  console.log(`changeset gate: ${decision.branch} against ${BASE_REF}`);
  const result = spawnSync("pnpm", ["exec", "changeset", "status", `--since=${BASE_REF}`], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(
      "changeset gate: packages changed without a changeset; add one with `pnpm changeset`.",
    );
  }
  return result.status ?? 1;
}

if (isMain(import.meta.url)) {
  process.exit(main());
}

/**
 * `pnpm release` and `pnpm release:snapshot <tag>`: test, build and publish the public packages
 * with changesets, to the registry that `npm_config_registry` names and nowhere else.
 *
 * - `pnpm release [--skip-tests]` publishes the versions that `changeset version` wrote (the
 *   versions PR), skipping every version the registry already holds. That makes a publish that
 *   failed half-way safe to run again: it completes the rest.
 * - `pnpm release:snapshot <tag> [--skip-tests]` versions the pending changesets as
 *   `0.0.0-<tag>-<timestamp>` and publishes them under the dist-tag `<tag>` without git tags, to try
 *   a spec update before it ships. It rewrites versions in the working tree; do not commit them.
 *
 * Authentication: `NPM_TOKEN`, or npm trusted publishing (OIDC) inside the release workflow.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runCommand } from "./release-command.js";
import { listPublicPackages, registryStates, type PublicPackage } from "./release-packages.js";
import {
  ReleaseRefused,
  authFromEnv,
  registryFromEnv,
  writeTemporaryUserconfig,
} from "./release-registry.js";
import { reportRelease } from "./release-report.js";
import { isMain } from "./is-main.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const USAGE =
  "usage: pnpm release [--skip-tests]\n       pnpm release:snapshot <tag> [--skip-tests]";

/** What the command line asked for. */
interface ReleaseOptions {
  skipTests: boolean;
  /** The dist-tag of a snapshot release; absent for a regular release. */
  snapshot: string | undefined;
}

function parseOptions(argv: string[]): ReleaseOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { "skip-tests": { type: "boolean" }, snapshot: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ReleaseRefused(`${(error as Error).message}\n${USAGE}`);
  }
  const snapshot = values.snapshot;
  // A snapshot must never move `latest`, and npm refuses tags that look like versions.
  if (snapshot !== undefined && (!/^[a-z][a-z0-9-]*$/.test(snapshot) || snapshot === "latest")) {
    throw new ReleaseRefused(
      `The snapshot tag must be lower-case letters, digits and dashes, and not "latest": ` +
        `${JSON.stringify(snapshot)}.\n${USAGE}`,
    );
  }
  return { skipTests: values["skip-tests"] === true, snapshot };
}

const log = (line: string): void => console.log(line);

/** The environment for steps that need no credentials: the token is not handed to them. */
function withoutToken(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Turbo's telemetry stays off, as in every root script.
  const copy: NodeJS.ProcessEnv = { ...env, TURBO_TELEMETRY_DISABLED: "1" };
  delete copy.NPM_TOKEN;
  return copy;
}

/**
 * The environment of the publish: every registry setting npm and pnpm may consult points at the
 * chosen registry, including the per-scope ones that changesets would otherwise prefer, and the
 * userconfig is the temporary one.
 */
function publishEnv(
  env: NodeJS.ProcessEnv,
  registry: string,
  userconfig: string,
  packages: readonly PublicPackage[],
): NodeJS.ProcessEnv {
  const scopes = new Set(
    packages.filter((pkg) => pkg.name.startsWith("@")).map((pkg) => pkg.name.split("/")[0]!),
  );
  const settings: Record<string, string> = {
    npm_config_registry: registry,
    npm_config_userconfig: userconfig,
  };
  for (const scope of scopes) settings[`npm_config_${scope}:registry`] = registry;
  const wanted = new Set(Object.keys(settings).map((key) => key.toLowerCase()));
  const copy: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (!wanted.has(key.toLowerCase())) copy[key] = value;
  }
  return { ...copy, ...settings };
}

/**
 * The registry pnpm uses when the environment names none: its answer with the registry variables
 * taken out of the environment.
 */
function configuredRegistry(env: NodeJS.ProcessEnv): string | undefined {
  const copy: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.toLowerCase() !== "npm_config_registry") copy[key] = value;
  }
  const result = spawnSync("pnpm", ["config", "get", "registry"], {
    cwd: ROOT,
    env: copy,
    encoding: "utf8",
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

async function step(
  what: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  secrets: string[],
): Promise<void> {
  log(`release: ${what}: pnpm ${args.join(" ")}`);
  const code = await runCommand("pnpm", args, { cwd: ROOT, env, secrets });
  if (code !== 0)
    throw new ReleaseRefused(`${what} failed (exit code ${code}); nothing was published.`);
}

/**
 * Runs a release end to end.
 *
 * @param argv - The command-line arguments after the script name.
 * @param env - The environment: `npm_config_registry`, and `NPM_TOKEN` or an OIDC-capable CI job.
 * @returns The exit code: 0 when every package is on the registry.
 * @throws {ReleaseRefused} when the release cannot start, or a step before the publish fails.
 */
export async function release(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const options = parseOptions(argv);
  const registry = registryFromEnv(env, () => configuredRegistry(env));
  const auth = authFromEnv(env);
  const secrets = [env.NPM_TOKEN ?? ""];
  const plainEnv = withoutToken(env);
  log(
    `release: publishing to ${registry} with ` +
      (auth === "token" ? "the token in NPM_TOKEN" : "npm trusted publishing (OIDC)"),
  );

  if (options.skipTests) log("release: --skip-tests: the tests are not run");
  else await step("tests", ["run", "check"], plainEnv, secrets);

  if (options.snapshot !== undefined) {
    const unversioned = await listPublicPackages(ROOT, plainEnv);
    await step(
      "snapshot versions",
      ["exec", "changeset", "version", "--snapshot", options.snapshot],
      plainEnv,
      secrets,
    );
    const versioned = await listPublicPackages(ROOT, plainEnv);
    const changed = versioned.filter(
      (pkg) => unversioned.find((old) => old.name === pkg.name)?.version !== pkg.version,
    );
    // Without a changeset nothing is renamed, and the regular versions would go out under the tag.
    if (changed.length === 0) {
      throw new ReleaseRefused(
        "No pending changeset gave a package a snapshot version; add one with `pnpm changeset`.",
      );
    }
  }

  // After versioning: the client embeds its own version from package.json at build time.
  await step("build", ["exec", "turbo", "run", "build"], plainEnv, secrets);

  const userconfig = writeTemporaryUserconfig(registry, auth);
  const cleanUp = (): void => {
    userconfig.dispose();
    process.exit(130);
  };
  process.once("SIGINT", cleanUp);
  process.once("SIGTERM", cleanUp);
  try {
    const packages = await listPublicPackages(ROOT, plainEnv);
    const releaseEnv = publishEnv(env, registry, userconfig.path, packages);
    const before = await registryStates(packages, registry, ROOT, releaseEnv);
    const publishArgs = ["exec", "changeset", "publish"];
    if (options.snapshot !== undefined) publishArgs.push("--tag", options.snapshot, "--no-git-tag");
    log(`release: publish: pnpm ${publishArgs.join(" ")}`);
    const code = await runCommand("pnpm", publishArgs, { cwd: ROOT, env: releaseEnv, secrets });
    const after = await registryStates(packages, registry, ROOT, releaseEnv);
    const report = reportRelease(packages, before, after, code);
    for (const line of report.lines) (report.ok ? console.log : console.error)(line);
    if (options.snapshot !== undefined) {
      log("release: the snapshot versions are in the working tree: discard them, do not commit.");
    }
    return report.ok ? 0 : 1;
  } finally {
    process.off("SIGINT", cleanUp);
    process.off("SIGTERM", cleanUp);
    userconfig.dispose();
  }
}

// Run only as a program, so that tests can import `release` without starting one.
if (isMain(import.meta.url)) {
  release(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ReleaseRefused) {
        console.error(`release: ${error.message}`);
        process.exit(1);
      }
      throw error;
    },
  );
}

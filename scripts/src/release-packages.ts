/**
 * Which workspace packages a release publishes, and which of their versions a registry holds.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A package that `changeset publish` would publish. */
export interface PublicPackage {
  name: string;
  version: string;
}

/**
 * Lists the workspace's public packages with their current versions.
 *
 * @param cwd - The workspace root.
 * @param env - The environment for pnpm.
 */
export async function listPublicPackages(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<PublicPackage[]> {
  const { stdout } = await run("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd, env });
  const projects = JSON.parse(stdout) as { name?: string; version?: string; private?: boolean }[];
  return projects
    .filter((project) => project.private !== true && project.name && project.version)
    .map((project) => ({ name: project.name!, version: project.version! }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a registry holds one exact version: `unknown` when it could not be asked. */
export type RegistryState = "present" | "absent" | "unknown";

/**
 * Asks the registry whether it holds `name@version`, with npm itself, so that the question goes
 * to the same registry with the same credentials as the publish.
 *
 * @param pkg - The package and version.
 * @param registry - The registry to ask, named on the command line as well as in `env`.
 * @param cwd - Where to run npm.
 * @param env - The release environment (registry and userconfig).
 */
export async function registryState(
  pkg: PublicPackage,
  registry: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<RegistryState> {
  const args = ["view", `${pkg.name}@${pkg.version}`, "version", "--json", "--registry", registry];
  try {
    const { stdout } = await run("npm", args, { cwd, env });
    const text = stdout.trim();
    if (text === "") return "absent";
    const value = JSON.parse(text) as unknown;
    const versions = Array.isArray(value) ? value : [value];
    return versions.includes(pkg.version) ? "present" : "absent";
  } catch (error) {
    // A package the registry has never seen is an E404; anything else (auth, network) is unknown.
    const output = String((error as { stdout?: string }).stdout ?? "");
    const errorText = String((error as { stderr?: string }).stderr ?? "");
    return /E404|404 Not Found|is not in this registry/.test(output + errorText)
      ? "absent"
      : "unknown";
  }
}

/**
 * {@link registryState} for every package, in the order given.
 *
 * @param packages - The packages to look up.
 * @param registry - The registry to ask.
 * @param cwd - Where to run npm.
 * @param env - The release environment.
 */
export async function registryStates(
  packages: readonly PublicPackage[],
  registry: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Map<string, RegistryState>> {
  const states = await Promise.all(packages.map((pkg) => registryState(pkg, registry, cwd, env)));
  return new Map(packages.map((pkg, index) => [pkg.name, states[index]!]));
}

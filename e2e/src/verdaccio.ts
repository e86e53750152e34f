/**
 * A private Verdaccio registry on `127.0.0.1` for the publish test: no uplinks, so it can never
 * pass a request on to another registry, and its storage in a directory the test owns.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const VERDACCIO_BIN = join(dirname(require.resolve("verdaccio/package.json")), "bin/verdaccio");

/** How to start the registry. */
export interface VerdaccioOptions {
  /** Holds the config, the storage and the users; reused as is by a restart. */
  dir: string;
  port: number;
  /** Package names nobody may publish, to make one package of a release fail. */
  refusePublish?: string[];
}

/** A running registry. */
export interface Verdaccio {
  /** `http://127.0.0.1:PORT/`. */
  url: string;
  /** What the registry logged so far, for failure messages. */
  log(): string;
  /** Stops the process; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The configuration: every package readable by anyone and publishable by a signed-in user,
 * except the refused names, which name a group no user is in.
 */
function config(options: VerdaccioOptions): object {
  const packages: Record<string, object> = {};
  for (const name of options.refusePublish ?? []) {
    packages[name] = { access: "$all", publish: "nobody-may-publish" };
  }
  packages["@autoenhance/*"] = { access: "$all", publish: "$authenticated" };
  // The client's and mock-server's own dependencies, seeded from the workspace's store.
  packages["**"] = { access: "$all", publish: "$authenticated" };
  return {
    storage: join(options.dir, "storage"),
    auth: { htpasswd: { file: join(options.dir, "htpasswd"), max_users: 1 } },
    uplinks: {},
    packages,
    web: { enable: false },
    log: { type: "stdout", format: "pretty", level: "warn" },
    listen: `127.0.0.1:${options.port}`,
  };
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited early:\n${log()}`);
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Verdaccio did not answer within 30 s:\n${log()}`);
}

/**
 * Writes the config and starts Verdaccio on `127.0.0.1:port`.
 *
 * @param options - Directory, port and refused names.
 * @returns The registry, once it answers `/-/ping`.
 */
export async function startVerdaccio(options: VerdaccioOptions): Promise<Verdaccio> {
  mkdirSync(options.dir, { recursive: true });
  const configPath = join(options.dir, "config.yaml");
  // JSON is YAML, and needs no escaping of the paths.
  writeFileSync(configPath, JSON.stringify(config(options), null, 2));
  const url = `http://127.0.0.1:${options.port}/`;
  const child = spawn(
    process.execPath,
    [VERDACCIO_BIN, "--config", configPath, "--listen", `127.0.0.1:${options.port}`],
    { cwd: options.dir, env: { PATH: process.env.PATH, HOME: options.dir }, stdio: "pipe" },
  );
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const log = (): string => output;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitUntilUp(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, log, stop };
}

/**
 * Creates a user through the registry's own sign-up endpoint and returns its token.
 *
 * @param registry - The registry URL.
 * @param name - The user name.
 * @param password - Its password.
 */
export async function createUser(
  registry: string,
  name: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${registry}-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || typeof body.token !== "string") {
    throw new Error(`Creating the user failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

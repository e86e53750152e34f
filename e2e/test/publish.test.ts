/**
 * The release, end to end, against a private Verdaccio on 127.0.0.1: version a copy of the
 * repository, publish it with `pnpm release`, and use the packages as a stranger would, from a
 * fresh npm project outside the workspace.
 *
 * The first publish is made to fail half-way (the registry refuses `@autoenhance/client`); the
 * test checks that the release names what was and was not published and exits non-zero, then
 * fixes the registry and checks that running the release again publishes the rest.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, REPO_ROOT } from "../src/copy-workspace.js";
import { freePort } from "../src/free-port.js";
import { registryEnv } from "../src/registry-env.js";
import { run, runOk, type RunResult } from "../src/run.js";
import { dependencyClosure, seedRegistry } from "../src/seed-registry.js";
import {
  downloadTarball,
  isNamedByFiles,
  isUnderEntry,
  listTarball,
  readFromTarball,
} from "../src/tarball.js";
import { createUser, startVerdaccio, type Verdaccio } from "../src/verdaccio.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures");
const TSC = join(
  dirname(createRequire(import.meta.url).resolve("typescript/package.json")),
  "bin/tsc",
);
const PACKAGES = ["@autoenhance/api-types", "@autoenhance/client", "@autoenhance/mock-server"];
const REFUSED = "@autoenhance/client";

let root: string;
let repo: string;
let port: number;
let verdaccio: Verdaccio | undefined;
let registry: string;
let token: string;
/** The versions `changeset version` gave the packages in the copy. */
const versions = new Map<string, string>();

/** Environment of the release runs: the test registry, the token, a temp dir of their own. */
const releaseEnv = (): NodeJS.ProcessEnv =>
  registryEnv(registry, join(root, "home"), {
    NPM_TOKEN: token,
    // The spelling that `pnpm run` passes through untouched: the release's sign of a choice.
    NPM_CONFIG_REGISTRY: registry,
    TMPDIR: join(root, "tmp"),
  });

const inRepo = (command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000) =>
  run(command, args, { cwd: repo, env, timeoutMs });

/** `pnpm release --skip-tests` in the copy, the way a maintainer or the workflow runs it. */
const runRelease = (env: NodeJS.ProcessEnv, timeoutMs: number) =>
  inRepo("pnpm", [`--config.registry=${registry}`, "release", "--skip-tests"], env, timeoutMs);

const label = (name: string): string => `${name}@${versions.get(name)}`;

interface Published {
  manifest: { files: string[]; dependencies?: Record<string, string>; dist: { tarball: string } };
  raw: string;
}
const manifests = new Map<string, Promise<Published>>();
const tarballs = new Map<string, Promise<string>>();

/** The manifest the registry serves for the released version, read once. */
function published(name: string): Promise<Published> {
  if (!manifests.has(name)) {
    const view = runOk("npm", ["view", label(name), "--json", "--registry", registry], {
      cwd: root,
      env: releaseEnv(),
      timeoutMs: 60_000,
    });
    manifests.set(
      name,
      view.then(({ stdout }) => ({
        manifest: JSON.parse(stdout) as Published["manifest"],
        raw: stdout,
      })),
    );
  }
  return manifests.get(name)!;
}

/** The released tarball, downloaded once from the test registry. */
function tarballOf(name: string): Promise<string> {
  if (!tarballs.has(name)) {
    tarballs.set(
      name,
      published(name).then(({ manifest }) =>
        downloadTarball(manifest.dist.tarball, registry, join(root, "tmp")),
      ),
    );
  }
  return tarballs.get(name)!;
}

async function startRegistry(refusePublish: string[]): Promise<void> {
  verdaccio = await startVerdaccio({ dir: join(root, "verdaccio"), port, refusePublish });
  registry = verdaccio.url;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "e2e-publish-"));
  repo = join(root, "repo");
  mkdirSync(join(root, "tmp"));
  port = await freePort();
  registry = `http://127.0.0.1:${port}/`;
  const env = registryEnv(registry, join(root, "home"));

  // The store the workspace was installed from, found before HOME is replaced.
  const storeDir = execFileSync("pnpm", ["store", "path", "--registry", registry], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, npm_config_registry: registry },
  }).trim();
  env.npm_config_store_dir = storeDir;

  copyWorkspace(repo);
  await runOk(
    "pnpm",
    ["install", "--offline", "--frozen-lockfile", "--ignore-scripts", "--registry", registry],
    { cwd: repo, env, timeoutMs: 120_000 },
  );

  // A release to make: a patch for every public package.
  const frontMatter = PACKAGES.map((name) => `"${name}": patch`).join("\n");
  writeFileSync(
    join(repo, ".changeset/e2e-release.md"),
    `---\n${frontMatter}\n---\n\nEnd-to-end test release.\n`,
  );
  await runOk("pnpm", [`--config.registry=${registry}`, "exec", "changeset", "version"], {
    cwd: repo,
    env,
    timeoutMs: 60_000,
  });
  for (const name of PACKAGES) {
    const dir = join(repo, "packages", name.split("/")[1]!);
    versions.set(name, JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version);
  }

  await startRegistry([REFUSED]);
  token = await createUser(registry, "e2e", "e2e-password");
  // The third-party dependencies the consumer's install will need, from the copy's own install.
  const roots = ["client", "mock-server"].map((dir) => join(repo, "packages", dir));
  await seedRegistry(
    registry,
    token,
    dependencyClosure(roots, (name) => name.startsWith("@autoenhance/")),
  );
}, 240_000);

afterAll(async () => {
  await verdaccio?.stop();
  // E2E_KEEP=1 leaves the copy, the registry's storage and the consumer for a post-mortem.
  if (root && process.env.E2E_KEEP !== "1") rmSync(root, { recursive: true, force: true });
});

function expectNoSecret(result: RunResult): void {
  expect(result.output).not.toContain(token);
}

describe("pnpm release against a private registry", () => {
  it("refuses to run when the environment names no registry", async () => {
    // pnpm still fills npm_config_registry in, from the userconfig: the test registry, so that
    // even a broken refusal could not publish anywhere else.
    const env = releaseEnv();
    delete env.npm_config_registry;
    delete env.NPM_CONFIG_REGISTRY;
    const result = await runRelease(env, 60_000);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("`pnpm run` sets that variable itself");
    expect(result.stderr).toContain("Name the registry to publish to");
    expect(result.output).not.toContain("release: build");
  });

  it("reports a publish refused half-way, and exits non-zero", async () => {
    const result = await runRelease(releaseEnv(), 240_000);
    expectNoSecret(result);
    expect(result.code, result.output).not.toBe(0);
    const published = PACKAGES.filter((name) => name !== REFUSED).map(label);
    expect(result.stderr).toContain(`release: published now: ${published.join(", ")}`);
    expect(result.stderr).toContain(`release: NOT published: ${label(REFUSED)}`);
    expect(result.stderr).toContain("the publish stopped half-way: 2 of 3 packages");
    // The registry agrees: the refused package is not there.
    const view = await inRepo(
      "npm",
      ["view", label(REFUSED), "--json", "--registry", registry],
      releaseEnv(),
    );
    expect(view.code).not.toBe(0);
    // The temporary userconfig with the token reference is gone.
    expect(
      readdirSync(join(root, "tmp")).filter((name) => name.startsWith("release-npmrc-")),
    ).toEqual([]);
  }, 240_000);

  it("publishes the rest when run again once the registry accepts it", async () => {
    await verdaccio?.stop();
    await startRegistry([]);
    const result = await runRelease(releaseEnv(), 240_000);
    expectNoSecret(result);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain(`release: published now: ${label(REFUSED)}`);
    const kept = PACKAGES.filter((name) => name !== REFUSED).map(label);
    expect(result.stdout).toContain(`release: already on the registry: ${kept.join(", ")}`);
    // changesets itself skipped the versions the registry already had.
    for (const name of PACKAGES.filter((name) => name !== REFUSED)) {
      expect(result.output).toContain(
        `${name} is not being published because version ${versions.get(name)} is already published`,
      );
    }
  }, 240_000);

  it.each(PACKAGES)("publishes %s without workspace: ranges", async (name) => {
    const { manifest, raw } = await published(name);
    expect(raw).not.toContain("workspace:");
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      if (versions.has(dependency)) expect(range).toBe(`^${versions.get(dependency)}`);
    }
    expect(readFromTarball(await tarballOf(name), "package.json")).not.toContain("workspace:");
  });

  it.each(PACKAGES)("ships in %s only what its files field names", async (name) => {
    const { manifest } = await published(name);
    const entries = listTarball(await tarballOf(name));
    expect(entries.filter((entry) => !isNamedByFiles(entry, manifest.files))).toEqual([]);
    expect(entries).toEqual(
      expect.arrayContaining([
        "package.json",
        "dist/index.js",
        "dist/index.cjs",
        "dist/index.d.ts",
      ]),
    );
  });

  it.each(PACKAGES)("ships in %s everything its files field names", async (name) => {
    // `files` lists README.md and LICENSE: npm silently leaves out a named file that is missing.
    const { manifest } = await published(name);
    const entries = listTarball(await tarballOf(name));
    const missing = manifest.files.filter(
      (entry) => !entries.some((path) => isUnderEntry(path, entry)),
    );
    expect(missing).toEqual([]);
  });
});

describe("a fresh npm project that installs the published packages", () => {
  let consumer: string;
  const inConsumer = (command: string, args: string[]) =>
    runOk(command, args, { cwd: consumer, env: releaseEnv(), timeoutMs: 120_000 });

  beforeAll(async () => {
    consumer = join(root, "consumer");
    mkdirSync(consumer);
    await inConsumer("npm", ["init", "-y", "--registry", registry]);
    writeFileSync(
      join(consumer, ".npmrc"),
      `@autoenhance:registry=${registry}\nregistry=${registry}\n`,
    );
    await inConsumer("npm", [
      "install",
      "@autoenhance/client",
      "@autoenhance/mock-server",
      "--registry",
      registry,
      "--no-audit",
      "--no-fund",
    ]);
    cpSync(join(FIXTURES, "consumer"), consumer, { recursive: true });
    for (const file of ["create-order.mjs", "create-order.cjs"]) {
      cpSync(join(FIXTURES, file), join(consumer, file));
    }
  }, 180_000);

  it("got the versions just released, from the test registry", () => {
    for (const name of PACKAGES) {
      const installed = join(consumer, "node_modules", name, "package.json");
      expect(JSON.parse(readFileSync(installed, "utf8")).version).toBe(versions.get(name));
    }
    const lock = readFileSync(join(consumer, "package-lock.json"), "utf8");
    const hosts = new Set(
      [...lock.matchAll(/"resolved": "([^"]+)"/g)].map((m) => new URL(m[1]!).host),
    );
    expect([...hosts]).toEqual([`127.0.0.1:${port}`]);
  });

  it.each([
    { file: "create-order.mjs", entry: "dist/index.js" },
    { file: "create-order.cjs", entry: "dist/index.cjs" },
  ])("creates an order from $file", async ({ file, entry }) => {
    const { stdout } = await inConsumer(process.execPath, [file]);
    const result = JSON.parse(stdout) as Record<string, string | boolean>;
    expect(String(result.client)).toContain(`node_modules/@autoenhance/client/${entry}`);
    expect(String(result.mockServer)).toContain(`node_modules/@autoenhance/mock-server/${entry}`);
    expect(result).toMatchObject({ name: "12 Elm St", stored: true });
  });

  it("type-checks code that uses the client correctly, as CommonJS and as ESM", async () => {
    const result = await run(process.execPath, [TSC, "-p", "tsconfig.json"], {
      cwd: consumer,
      env: releaseEnv(),
      timeoutMs: 120_000,
    });
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("rejects a misspelt property at type-check time", async () => {
    const result = await run(process.execPath, [TSC, "-p", "tsconfig.misuse.json"], {
      cwd: consumer,
      env: releaseEnv(),
      timeoutMs: 120_000,
    });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/misuses-client\.ts\(\d+,\d+\): error TS\d+:/);
    expect(result.stdout).toContain("'nmae' does not exist in type");
  });
});

/**
 * Puts the published packages' third-party dependencies into the test registry.
 *
 * The registry has no uplinks, so `npm install @autoenhance/client` there would fail on
 * `openapi-fetch`. Each dependency is packed from the copy the workspace already installed
 * (same name, same version, same files), and published through the registry's own publish
 * endpoint, so the consumer's install goes through the ordinary npm resolution.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** One installed third-party package. */
export interface InstalledPackage {
  name: string;
  version: string;
  dir: string;
}

interface Manifest {
  name: string;
  version: string;
  description?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/** Node's lookup: the nearest `node_modules/<name>` above `from`, as a real path. */
function findInstalled(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Every third-party package that installing `roots` needs: dependencies, optional dependencies
 * and the peer dependencies npm installs on its own, transitively.
 *
 * @param roots - Package directories whose dependencies to follow.
 * @param isOwn - Names that the release publishes itself, and which are not followed.
 */
export function dependencyClosure(
  roots: readonly string[],
  isOwn: (name: string) => boolean,
): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const visit = (dir: string): void => {
    const manifest = readManifest(dir);
    const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter(
      (name) => manifest.peerDependenciesMeta?.[name]?.optional !== true,
    );
    const names = [...Object.keys(manifest.dependencies ?? {}), ...optional, ...peers].filter(
      (name) => !isOwn(name),
    );
    for (const name of new Set(names)) {
      const installed = findInstalled(dir, name);
      if (installed === undefined) {
        if (optional.has(name)) continue;
        throw new Error(`${manifest.name} needs ${name}, which is not installed.`);
      }
      const { version } = readManifest(installed);
      const key = `${name}@${version}`;
      if (found.has(key)) continue;
      found.set(key, { name, version, dir: installed });
      visit(installed);
    }
  };
  for (const root of roots) visit(realpathSync(root));
  return [...found.values()];
}

/** A package directory as an npm tarball: its files under `package/`. */
function packDirectory(dir: string): Buffer {
  const base = basename(dir);
  const tar = spawnSync(
    "tar",
    [
      "-cz",
      // pnpm hard-links identical files (index.d.ts, index.d.mts, ...); npm drops hard-link
      // entries when it unpacks, so each file must be stored as itself.
      "--hard-dereference",
      // Another install linking the same store file changes its ctime mid-read; the bytes are
      // the same, so that warning is not a failure.
      "--warning=no-file-changed",
      "--exclude=node_modules",
      "--owner=0",
      "--group=0",
      "-C",
      dirname(dir),
      `--transform=s,^${base},package,`,
      base,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  // GNU tar exits 1 when a file changed while it was read, and 2 on a real failure.
  if (tar.status !== 0 && !(tar.status === 1 && tar.stderr.length === 0)) {
    throw new Error(`packing ${dir} failed: ${tar.stderr.toString().trim() || tar.error}`);
  }
  return tar.stdout;
}

/**
 * Publishes each package with the npm publish protocol (`PUT /<name>` with the tarball attached).
 *
 * @param registry - The test registry, `http://127.0.0.1:PORT/`.
 * @param token - A token allowed to publish there.
 * @param packages - What to publish.
 */
export async function seedRegistry(
  registry: string,
  token: string,
  packages: readonly InstalledPackage[],
): Promise<void> {
  for (const pkg of packages) {
    const tarball = packDirectory(pkg.dir);
    const manifest = readManifest(pkg.dir);
    const file = `${pkg.name.split("/").pop()}-${pkg.version}.tgz`;
    const body = {
      _id: pkg.name,
      name: pkg.name,
      description: manifest.description,
      "dist-tags": { latest: pkg.version },
      versions: {
        [pkg.version]: {
          ...manifest,
          _id: `${pkg.name}@${pkg.version}`,
          dist: {
            shasum: createHash("sha1").update(tarball).digest("hex"),
            integrity: `sha512-${createHash("sha512").update(tarball).digest("base64")}`,
            tarball: `${registry}${pkg.name}/-/${file}`,
          },
        },
      },
      _attachments: {
        [`${pkg.name}-${pkg.version}.tgz`]: {
          content_type: "application/octet-stream",
          data: tarball.toString("base64"),
          length: tarball.length,
        },
      },
    };
    const response = await fetch(`${registry}${pkg.name.replace("/", "%2f")}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      throw new Error(
        `Seeding ${pkg.name}@${pkg.version}: ${response.status} ${await response.text()}`,
      );
    }
  }
}

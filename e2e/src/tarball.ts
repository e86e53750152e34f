/**
 * Reads what a registry actually serves for a package version: its manifest and the files in its
 * tarball.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Downloads a tarball, refusing any address but the test registry's own.
 *
 * @param url - `dist.tarball` from the manifest.
 * @param registry - The test registry; the tarball must come from the same origin.
 * @param dir - Where to save it.
 * @returns The saved file's path.
 */
export async function downloadTarball(url: string, registry: string, dir: string): Promise<string> {
  if (new URL(url).origin !== new URL(registry).origin) {
    throw new Error(`The tarball URL ${url} is not on the test registry ${registry}.`);
  }
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  const file = join(dir, new URL(url).pathname.split("/").pop()!);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/** The paths in a tarball, without npm's `package/` prefix and without directory entries. */
export function listTarball(file: string): string[] {
  return execFileSync("tar", ["-tzf", file], { encoding: "utf8" })
    .split("\n")
    .filter((entry) => entry !== "" && !entry.endsWith("/"))
    .map((entry) => entry.replace(/^package\//, ""));
}

/** One file of a tarball, as text. */
export function readFromTarball(file: string, path: string): string {
  return execFileSync("tar", ["-xzOf", file, `package/${path}`], { encoding: "utf8" });
}

/** Whether `path` is the file, or lies in the directory, that one `files` entry names. */
export function isUnderEntry(path: string, entry: string): boolean {
  const prefix = entry.replace(/^\.\//, "").replace(/\/$/, "");
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Whether npm would have packed `path` for a package whose `files` is `files`: it always adds
 * package.json, the README and the LICENSE.
 */
export function isNamedByFiles(path: string, files: readonly string[]): boolean {
  if (path === "package.json" || /^(README|LICEN[CS]E)(\.[a-z]+)?$/i.test(path)) return true;
  return files.some((entry) => isUnderEntry(path, entry));
}

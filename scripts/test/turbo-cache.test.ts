/**
 * Proves that turbo's cache never serves types generated from an older snapshot: in a fresh
 * copy of the repository, a first and a second build, then a snapshot change, must each end with
 * types that match the snapshot on disk.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = resolve(import.meta.dirname, "../..");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", CI: "" };
let clone: string;

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: clone, env, encoding: "utf8", stdio: "pipe" });
}

function build(): string {
  return run("pnpm", ["exec", "turbo", "run", "build", "--filter=@autoenhance/api-types"]);
}

function builtTypes(): string {
  return readFileSync(join(clone, "packages/api-types/dist/index.d.ts"), "utf8");
}

function setSnapshot(edit: (document: any) => void): void {
  const path = join(clone, "openapi/openapi.json");
  const document = JSON.parse(readFileSync(path, "utf8"));
  edit(document);
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
}

beforeAll(() => {
  // A clean clone: the committed files and nothing else, with dependencies from the local store.
  clone = mkdtempSync(join(tmpdir(), "turbo-cache-"));
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: repo,
      encoding: "utf8",
    },
  );
  for (const file of files.split("\0").filter(Boolean)) {
    try {
      cpSync(join(repo, file), join(clone, file), { recursive: true });
    } catch (error) {
      // Files deleted in the working tree but still in the index are not part of the copy.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  run("git", ["init", "-q"]);
  run("git", ["add", "-A"]);
  run("git", ["-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-qm", "clone"]);
  run("pnpm", ["install", "--offline", "--frozen-lockfile", "--ignore-scripts"]);
}, 120_000);

afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe("turbo's cache and the snapshot", () => {
  it("builds current types on the first run and replays them on the second", () => {
    build();
    expect(builtTypes()).toContain("order_id: string");
    expect(build()).toMatch(/cache hit/);
    expect(builtTypes()).toContain("order_id: string");
  }, 120_000);

  it("regenerates and rebuilds when the snapshot changes", () => {
    setSnapshot((document) => {
      document.components.schemas.OrderOut.properties.cache_probe = { type: "string" };
    });
    const output = build();
    expect(output).toMatch(/generate: cache miss/);
    expect(builtTypes()).toContain("cache_probe?: string");
  }, 120_000);

  it("serves the matching types again when the snapshot goes back", () => {
    setSnapshot((document) => {
      delete document.components.schemas.OrderOut.properties.cache_probe;
    });
    build();
    expect(builtTypes()).not.toContain("cache_probe");
  }, 120_000);

  it("rebuilds when only the overlay changes", () => {
    const path = join(clone, "openapi/overlay.yaml");
    const overlay = readFileSync(path, "utf8");
    writeFileSync(path, overlay.replace("- order_id\n        - status", "- order_id"));
    build();
    expect(builtTypes()).toMatch(/readonly status\?: string/);
    writeFileSync(path, overlay);
  }, 120_000);
});

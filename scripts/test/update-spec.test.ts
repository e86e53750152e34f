/**
 * `spec:update` end to end, against a copy of the repository layout (snapshot, overlay,
 * `.changeset/`, generated types) in a temporary directory and a document server on 127.0.0.1.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { applyOverlay, generate } from "../../packages/api-types/generate.js";
import { diffSpecs } from "../src/diff-spec.js";
import { normaliseDocument } from "../src/normalise.js";
import { SpecPullError } from "../src/pull-spec.js";
import { renderReport } from "../src/report.js";
import {
  SpecUpdateError,
  updateOptionsFromCli,
  updateSpec,
  type UpdateSpecOptions,
} from "../src/update-spec.js";
import { changesetText } from "../src/write-changeset.js";
import { autoenhance, evolveAutoenhance } from "./evolution.js";

const scriptsDir = resolve(import.meta.dirname, "..");
const cliPath = join(scriptsDir, "src/update-spec.ts");
// Frozen with the document it corrects, so a later overlay action for a later document cannot
// break these tests.
const overlayText = readFileSync(join(scriptsDir, "test/fixtures/diff/overlay.yaml"), "utf8");
const overlay = parseYaml(overlayText);
const TIMEOUT_MS = 2_000;

const oldText = normaliseDocument(autoenhance);
const next = evolveAutoenhance();
const nextText = normaliseDocument(next);
// The update judges the documents as the types see them, with the overlay applied.
const expectedChangeset = await (async () => {
  const diff = diffSpecs(
    await applyOverlay(autoenhance, overlay),
    await applyOverlay(next, overlay),
  );
  return changesetText(diff, renderReport(diff));
})();

// The vendor closing a gap the overlay papers over leaves that overlay action with no target.
const fixedUpstream = structuredClone(next);
delete fixedUpstream.components.schemas.ValidationError.properties.detail.properties;

const routes: Record<string, [string, string]> = {
  // Served unsorted and unindented, as a vendor would: the snapshot must come out normalised.
  "/changed": ["application/json", JSON.stringify(next)],
  "/same": ["application/json", JSON.stringify(autoenhance)],
  "/fixed-upstream": ["application/json", JSON.stringify(fixedUpstream)],
  "/login": ["text/html", "<!doctype html><form>Sign in</form>"],
};

let server: Server;
let base: string;
let root: string;
let snapshot: string;
let changesetDir: string;
let generatedDir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? "/", "http://127.0.0.1").pathname];
    res.writeHead(route ? 200 : 404, { "content-type": route?.[0] ?? "text/plain" });
    res.end(route?.[1] ?? "not here");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "update-spec-"));
  snapshot = join(root, "openapi/openapi.json");
  changesetDir = join(root, ".changeset");
  generatedDir = join(root, "packages/api-types/src/generated");
  await mkdir(join(root, "openapi"));
  await mkdir(changesetDir);
  await writeFile(snapshot, oldText);
  await writeFile(join(root, "openapi/overlay.yaml"), overlayText);
  await writeFile(join(changesetDir, "README.md"), "seeded\n");
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function options(route: string, extra: Partial<UpdateSpecOptions> = {}): UpdateSpecOptions {
  return { source: `${base}${route}`, snapshot, timeoutMs: TIMEOUT_MS, ...extra };
}

async function changesets(): Promise<string[]> {
  return (await readdir(changesetDir)).filter((name) => name !== "README.md");
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Runs the real command; async so this process's test server can still answer it. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const source = args[0] ?? "";
  // Every run names its source on 127.0.0.1, so the vendor's default URL is never fetched.
  expect(source).toMatch(/^http:\/\/127\.0\.0\.1:/);
  const env = {
    PATH: process.env.PATH ?? "",
    AUTOENHANCE_SPEC_URL: source,
    AUTOENHANCE_SNAPSHOT: snapshot,
    AUTOENHANCE_SPEC_TIMEOUT_MS: String(TIMEOUT_MS),
  };
  const child = spawn(process.execPath, ["--import", "tsx", cliPath, ...args], {
    cwd: scriptsDir,
    env,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("updateSpec", () => {
  it("reports, replaces the snapshot, regenerates and writes the changeset", async () => {
    const log: string[] = [];
    const fakeGenerate = vi.fn(async (doc: any) => ({
      "spec-info.ts": `export const specVersion = "${doc.info.version}";\n`,
    }));
    const result = await updateSpec(
      options("/changed", { generate: fakeGenerate, log: (line) => log.push(line) }),
    );

    const printed = log.join("\n");
    expect(printed).toContain("major release (3 breaking, 3 non-breaking, 2 documentation)");
    expect(printed).toContain(
      '- [breaking] `ImageOut.enhance_type` (response): enum widened: added "authentic"',
    );
    // The overlay types the create-order response as OrderOut, so its changes reach that operation.
    expect(printed).toContain("- `POST /v3/orders/`: breaking");
    expect(await readFile(snapshot, "utf8")).toBe(nextText);
    expect(fakeGenerate).toHaveBeenCalledOnce();
    expect(fakeGenerate).toHaveBeenCalledWith(next, overlay);
    expect(await readFile(join(generatedDir, "spec-info.ts"), "utf8")).toContain('"2026-12-01"');
    const [written, ...others] = await changesets();
    expect(others).toEqual([]);
    expect(written).toMatch(/^api-spec-2026-12-01-[0-9a-f]{8}\.md$/);
    expect(await readFile(join(changesetDir, written!), "utf8")).toBe(expectedChangeset);
    expect(result).toMatchObject({ changed: true, changeset: join(changesetDir, written!) });
    expect(result.diff?.bump).toBe("major");
  });

  it("says there is no change and writes nothing when the document is the same", async () => {
    const log: string[] = [];
    const fakeGenerate = vi.fn();
    const before = await stat(snapshot);
    const result = await updateSpec(
      options("/same", { generate: fakeGenerate, log: (line) => log.push(line) }),
    );
    expect(result).toEqual({ changed: false, generated: [] });
    expect(log.at(-1)).toMatch(/^no change: .*openapi\.json already holds this document/);
    expect((await stat(snapshot)).mtimeMs).toBe(before.mtimeMs);
    expect(await changesets()).toEqual([]);
    expect(fakeGenerate).not.toHaveBeenCalled();
    expect(await exists(generatedDir)).toBe(false);
  });

  it("leaves everything untouched when the pull fails", async () => {
    const fakeGenerate = vi.fn();
    await expect(updateSpec(options("/login", { generate: fakeGenerate }))).rejects.toThrow(
      SpecPullError,
    );
    expect(await readFile(snapshot, "utf8")).toBe(oldText);
    expect(await changesets()).toEqual([]);
    expect(fakeGenerate).not.toHaveBeenCalled();
  });

  it("fails with the overlay's message and keeps the old snapshot when it no longer applies", async () => {
    const attempt = updateSpec(options("/fixed-upstream"));
    await expect(attempt).rejects.toThrow(SpecUpdateError);
    await expect(attempt).rejects.toThrow(
      /cannot regenerate the types: overlay actions no longer match the snapshot: .*ValidationError.*was left unchanged/,
    );
    expect(await readFile(snapshot, "utf8")).toBe(oldText);
    expect(await changesets()).toEqual([]);
    expect(await exists(generatedDir)).toBe(false);
  });

  it("says what to do when there is no snapshot to compare with", async () => {
    await rm(snapshot);
    await expect(updateSpec(options("/changed", { generate: false }))).rejects.toThrow(
      /cannot read snapshot .*\(ENOENT\); run `pnpm spec:pull`/,
    );
    expect(await exists(snapshot)).toBe(false);
  });
});

describe("spec:update command", () => {
  it("regenerates the real types from the new document", async () => {
    const run = await runCli([`${base}/changed`, "--snapshot", snapshot]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "- [breaking] `GET /v3/orders/ query parameter per_page` (request): became required",
    );
    expect(await readFile(snapshot, "utf8")).toBe(nextText);
    // What `pnpm generate` makes of the new snapshot file, so the next drift check passes.
    const files = await generate(JSON.parse(nextText), overlay);
    for (const [name, contents] of Object.entries(files)) {
      expect(await readFile(join(generatedDir, name), "utf8")).toBe(contents);
    }
    expect(files["schema.ts"]).toContain("callback_url");
    const [written] = await changesets();
    expect(await readFile(join(changesetDir, written!), "utf8")).toBe(expectedChangeset);
  }, 60_000);

  it("exits 0 and writes nothing for an unchanged document", async () => {
    const run = await runCli([`${base}/same`]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/no change: .* nothing written/);
    expect(await readFile(snapshot, "utf8")).toBe(oldText);
    expect(await changesets()).toEqual([]);
  }, 30_000);

  it("exits 1 with the pull's reason when the pull fails", async () => {
    const run = await runCli([`${base}/login`, "--snapshot", snapshot]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^spec pull failed: .*HTML page/);
    expect(await readFile(snapshot, "utf8")).toBe(oldText);
    expect(await changesets()).toEqual([]);
  }, 30_000);

  it("skips regeneration with --no-generate and says so", async () => {
    const run = await runCli([`${base}/changed`, "--no-generate"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("types not regenerated (--no-generate)");
    expect(await readFile(snapshot, "utf8")).toBe(nextText);
    expect(await exists(generatedDir)).toBe(false);
    expect(await changesets()).toHaveLength(1);
  }, 30_000);
});

describe("updateOptionsFromCli", () => {
  const env = { AUTOENHANCE_SPEC_URL: "http://127.0.0.1:9/spec.json" };

  it("reads paths in both flag spellings and resolves them", () => {
    const parsed = updateOptionsFromCli(
      ["spec.json", "--snapshot=a/openapi.json", "--changeset-dir", "cs", "--no-generate"],
      env,
    );
    expect(parsed).toMatchObject({
      source: "spec.json",
      snapshot: resolve("a/openapi.json"),
      changesetDir: resolve("cs"),
      generate: false,
    });
  });

  it("falls back to AUTOENHANCE_SPEC_URL and the environment's snapshot", () => {
    const parsed = updateOptionsFromCli([], { ...env, AUTOENHANCE_SNAPSHOT: "snap.json" });
    expect(parsed).toMatchObject({
      source: env.AUTOENHANCE_SPEC_URL,
      snapshot: resolve("snap.json"),
    });
  });

  it("rejects unknown flags and flags without a value", () => {
    expect(() => updateOptionsFromCli(["--force"], env)).toThrow(/unexpected argument --force/);
    expect(() => updateOptionsFromCli(["--overlay"], env)).toThrow(/--overlay needs a path/);
  });
});

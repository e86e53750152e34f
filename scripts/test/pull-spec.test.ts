import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { normaliseDocument } from "../src/normalise.js";
import { pullSpec, SpecPullError } from "../src/pull-spec.js";

const here = dirname(fileURLToPath(import.meta.url));
const scriptsDir = resolve(here, "..");
const cliPath = resolve(scriptsDir, "src/pull-spec.ts");
const fixturePath = resolve(here, "fixtures/mini-openapi.json");
const fixtureText = readFileSync(fixturePath, "utf8");
const fixture = JSON.parse(fixtureText);

const brokenRef = structuredClone(fixture);
brokenRef.paths["/v3/orders/{order_id}"].get.responses["200"].content["application/json"].schema = {
  $ref: "#/components/schemas/Missing",
};

// Validation must not follow this, and the snapshot could not be read without it.
const externalRef = structuredClone(fixture);
externalRef.components.schemas.OrderOut.properties.name = { $ref: "http://127.0.0.1:9/name.json" };

/** Bytes that no successful pull could produce, so any write would show. */
const SEED = '{"seed":"previous snapshot"}\n';
const TIMEOUT_MS = 400;

const routes: Record<string, RequestListener> = {
  "/spec.json": (_req, res) => send(res, 200, "application/json", fixtureText),
  "/login": (_req, res) =>
    send(res, 200, "text/html; charset=utf-8", "<!doctype html><form>Sign in</form>"),
  "/truncated": (_req, res) =>
    send(res, 200, "application/json", fixtureText.slice(0, fixtureText.length / 2)),
  "/hello": (_req, res) => send(res, 200, "application/json", '{"hello":1}'),
  "/bare": (_req, res) => send(res, 200, "application/json", '{"openapi":"3.0.3"}'),
  "/broken-ref": (_req, res) => send(res, 200, "application/json", JSON.stringify(brokenRef)),
  "/external-ref": (_req, res) => send(res, 200, "application/json", JSON.stringify(externalRef)),
  // Accepts the request and never answers, like a stuck proxy.
  "/hang": () => {},
};

function send(res: Parameters<RequestListener>[1], status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

let server: Server;
let base: string;
let closedUrl: string;
let dir: string;
let out: string;

async function listen(s: Server): Promise<number> {
  await new Promise<void>((done) => s.listen(0, "127.0.0.1", done));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? "/", "http://127.0.0.1").pathname];
    if (route) route(req, res);
    else send(res, 404, "text/plain", "not here");
  });
  base = `http://127.0.0.1:${await listen(server)}`;
  // A port that was just released has nobody listening on it.
  const closed = createServer();
  const port = await listen(closed);
  await new Promise((done) => closed.close(done));
  closedUrl = `http://127.0.0.1:${port}/spec.json`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "pull-spec-"));
  out = join(dir, "openapi.json");
  await writeFile(out, SEED);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command; async so this process's test server can still answer it. */
function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  expect(env.AUTOENHANCE_SPEC_URL).toMatch(/^(http:\/\/127\.0\.0\.1:|\/)/);
  const child = spawn(process.execPath, ["--import", "tsx", cliPath, ...args], {
    cwd: scriptsDir,
    env: { PATH: process.env.PATH ?? "", ...env },
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

function cliEnv(source: string): Record<string, string> {
  return {
    AUTOENHANCE_SPEC_URL: source,
    AUTOENHANCE_SNAPSHOT: out,
    AUTOENHANCE_SPEC_TIMEOUT_MS: String(TIMEOUT_MS),
  };
}

async function expectSnapshotUntouched(): Promise<void> {
  expect(await readFile(out, "utf8")).toBe(SEED);
  expect(await readdir(dir)).toEqual(["openapi.json"]);
}

const ADVICE = "; check the URL (the source argument or AUTOENHANCE_SPEC_URL)";
const failures: { name: string; source: () => string; reason: () => string }[] = [
  {
    name: "an unreachable host",
    source: () => closedUrl,
    reason: () => `GET ${closedUrl} could not connect (ECONNREFUSED)${ADVICE}`,
  },
  {
    name: "a server that never answers",
    source: () => `${base}/hang`,
    reason: () =>
      `GET ${base}/hang did not finish within ${TIMEOUT_MS} ms; check the network or raise AUTOENHANCE_SPEC_TIMEOUT_MS`,
  },
  {
    name: "HTTP 404",
    source: () => `${base}/nowhere`,
    reason: () => `GET ${base}/nowhere answered 404 Not Found${ADVICE}`,
  },
  {
    name: "an HTML login page served with 200",
    source: () => `${base}/login`,
    reason: () =>
      `GET ${base}/login returned an HTML page instead of JSON (content-type text/html; charset=utf-8), likely a login or error page${ADVICE}`,
  },
  {
    name: "truncated JSON",
    source: () => `${base}/truncated`,
    reason: () => `GET ${base}/truncated returned invalid JSON (`,
  },
  {
    name: "JSON that is not OpenAPI",
    source: () => `${base}/hello`,
    reason: () =>
      `GET ${base}/hello returned JSON that is not an OpenAPI 3 document (no "openapi": "3.x")${ADVICE}`,
  },
  {
    name: "an OpenAPI version with nothing else",
    source: () => `${base}/bare`,
    reason: () =>
      `GET ${base}/bare is not valid OpenAPI: it has no info.title and info.version${ADVICE}`,
  },
  {
    name: "a broken $ref",
    source: () => `${base}/broken-ref`,
    reason: () =>
      `GET ${base}/broken-ref is not valid OpenAPI: Missing $ref pointer "#/components/schemas/Missing". Token "Missing" does not exist${ADVICE}`,
  },
  {
    name: "an external $ref",
    source: () => `${base}/external-ref`,
    reason: () =>
      `GET ${base}/external-ref has an external $ref "http://127.0.0.1:9/name.json", which a snapshot cannot hold${ADVICE}`,
  },
];

describe("pull-spec failures leave the snapshot alone", { timeout: 20_000 }, () => {
  it.each(failures)("fails on $name", async ({ source, reason }) => {
    const expected = `spec pull failed: ${reason()}`;

    const run = await runCli([], cliEnv(source()));
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(expected);
    expect(lines[0]).toMatch(/; (check|raise) [^;]+$/);
    await expectSnapshotUntouched();

    const pulled = pullSpec({ source: source(), out, timeoutMs: TIMEOUT_MS });
    await expect(pulled).rejects.toThrow(SpecPullError);
    await expect(pulled).rejects.toThrow(lines[0]);
    await expectSnapshotUntouched();
  });
});

describe("pull-spec success", { timeout: 20_000 }, () => {
  it("writes the normalised document, and a second pull is byte-identical and unchanged", async () => {
    const logs: string[] = [];
    const options = { source: `${base}/spec.json`, out, timeoutMs: TIMEOUT_MS };

    const first = await pullSpec({ ...options, log: (line) => logs.push(line) });
    expect(first).toMatchObject({ changed: true, version: "2000-01-01", out });
    expect(first.bytes).toBe(Buffer.byteLength(fixtureText));
    const written = await readFile(out);
    expect(written.toString("utf8")).toBe(normaliseDocument(fixture));
    expect(logs.at(-1)).toMatch(/ updated$/);

    logs.length = 0;
    const second = await pullSpec({ ...options, log: (line) => logs.push(line) });
    expect(second.changed).toBe(false);
    expect((await readFile(out)).equals(written)).toBe(true);
    expect(logs.at(-1)).toMatch(/ unchanged$/);
    expect(await readdir(dir)).toEqual(["openapi.json"]);
  });

  it("sorts object keys at every depth but keeps array order", async () => {
    await pullSpec({ source: `${base}/spec.json`, out, timeoutMs: TIMEOUT_MS });
    const text = await readFile(out, "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toMatch(/^\{\n {2}"components": \{\n {4}"schemas"/);

    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value === null || typeof value !== "object") return;
      const keys = Object.keys(value);
      expect(keys).toEqual([...keys].sort());
      Object.values(value).forEach(walk);
    };
    const doc = JSON.parse(text);
    walk(doc);
    const order = doc.components.schemas.OrderOut;
    expect(order.required).toEqual(["status", "order_id"]);
    expect(order.properties.status.enum).toEqual(["waiting", "processing", "processed"]);
    const params = doc.paths["/v3/orders/{order_id}"].get.parameters;
    expect(params.map((p: { name: string }) => p.name)).toEqual(["order_id", "x-api-key"]);
  });

  it("reads a local file path", async () => {
    const result = await pullSpec({ source: fixturePath, out, timeoutMs: TIMEOUT_MS });
    expect(result).toMatchObject({ changed: true, version: "2000-01-01" });
    expect(await readFile(out, "utf8")).toBe(normaliseDocument(fixture));
  });

  it("runs as a command, with the argument overriding AUTOENHANCE_SPEC_URL", async () => {
    await rm(out);
    const url = `${base}/spec.json`;
    const first = await runCli([url, "--out", out], cliEnv(closedUrl));
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout.trimEnd().split("\n")).toEqual([
      `pulling ${url}`,
      `received ${Buffer.byteLength(fixtureText)} bytes`,
      "valid OpenAPI 3.0.3, info.version 2000-01-01",
      `${out} created`,
    ]);
    expect(await readFile(out, "utf8")).toBe(normaliseDocument(fixture));

    const second = await runCli([], cliEnv(url));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/ unchanged\n$/);
  });
});

describe("normaliseDocument", () => {
  it("gives the same bytes whatever the input key order", () => {
    const a = { b: { y: 1, x: [3, 1, 2] }, a: "z" };
    const b = { a: "z", b: { x: [3, 1, 2], y: 1 } };
    expect(normaliseDocument(a)).toBe(normaliseDocument(b));
    expect(normaliseDocument(a)).toBe(
      '{\n  "a": "z",\n  "b": {\n    "x": [\n      3,\n      1,\n      2\n    ],\n    "y": 1\n  }\n}\n',
    );
  });

  it("keeps a literal __proto__ key as data", () => {
    const doc = JSON.parse('{"z":1,"__proto__":{"polluted":true}}');
    expect(normaliseDocument(doc)).toBe(
      '{\n  "__proto__": {\n    "polluted": true\n  },\n  "z": 1\n}\n',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

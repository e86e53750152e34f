/**
 * The client as a browser application ships it: bundled by esbuild for the browser from the
 * package's built `dist`, loaded by a page in headless Chromium, creating an order against the
 * stand-in API on another origin, so every request goes through CORS and its preflight.
 *
 * Without Chromium the test is skipped with a note on what to install; on CI (`CI` set) a missing
 * browser fails instead, so that a broken install cannot pass unnoticed.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { REDACTED, startMockServer, type MockServer } from "@autoenhance/mock-server";
import type { BrowserResult } from "../fixtures/browser/app.js";
import { bundleForBrowser, type BrowserBundle } from "../src/bundle.js";
import {
  CHROMIUM_INSTALL_HINT,
  CHROMIUM_MISSING,
  decideChromium,
  isCi,
  launchChromium,
  type LaunchedChromium,
} from "../src/chromium.js";
import { serveStatic, type StaticServer } from "../src/static-server.js";

const E2E = resolve(import.meta.dirname, "..");
const FIXTURE = resolve(E2E, "fixtures/browser");
const API_KEY = "browser-test-key";
const ORDER_NAME = "7 Browser Row";

describe("deciding whether the browser test runs", () => {
  const none = () => false;
  const only = (path: string) => (candidate: string) => candidate === path;

  it("runs with Debian's chromium, or with CHROMIUM_PATH", () => {
    expect(decideChromium({}, only("/usr/bin/chromium"))).toEqual({
      action: "run",
      path: "/usr/bin/chromium",
    });
    expect(
      decideChromium({ CHROMIUM_PATH: "/opt/c/chrome", CI: "true" }, only("/opt/c/chrome")),
    ).toEqual({ action: "run", path: "/opt/c/chrome" });
  });

  it("skips with what to install when the browser is missing outside CI", () => {
    for (const CI of [undefined, "", "0", "false"]) {
      const decision = decideChromium({ CI }, none);
      expect(decision.action).toBe("skip");
      expect(decision).toMatchObject({ message: expect.stringContaining(CHROMIUM_MISSING) });
    }
  });

  it("fails when the browser is missing on CI", () => {
    for (const CI of ["true", "1", "TRUE", "yes"]) {
      const decision = decideChromium({ CI }, none);
      expect(decision.action).toBe("fail");
      expect(decision).toMatchObject({ message: expect.stringContaining(CHROMIUM_INSTALL_HINT) });
    }
    // CHROMIUM_PATH that does not exist does not fall back to the default path.
    expect(
      decideChromium({ CHROMIUM_PATH: "/nonexistent", CI: "true" }, only("/usr/bin/chromium")),
    ).toMatchObject({ action: "fail", path: "/nonexistent" });
  });

  it("reads CI the way CI services set it", () => {
    expect(isCi({ CI: "true" })).toBe(true);
    expect(isCi({ CI: "false" })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});

const chromium = decideChromium(process.env);

if (chromium.action !== "run") {
  const { message, action } = chromium;
  describe("the client in headless Chromium", () => {
    it("needs Chromium", (context) => {
      if (action === "fail") throw new Error(message);
      console.warn(message);
      context.skip(message);
    });
  });
}

declare global {
  interface Window {
    /** Every header name any script set on a `Headers` object, recorded by an init script. */
    __headerNames?: string[];
  }
}

/**
 * Chromium silently drops a script-set `User-Agent` before it reaches the wire (and from the
 * preflight's header list), so the wire alone cannot show whether the client tried. This init
 * script, run before the page's own, records the names the page sets on `Headers` objects.
 */
function recordHeaderNames(): void {
  const names: string[] = [];
  window.__headerNames = names;
  for (const method of ["set", "append"] as const) {
    const original = Headers.prototype[method];
    Headers.prototype[method] = function (this: Headers, name: string, value: string) {
      names.push(String(name).toLowerCase());
      return original.call(this, name, value);
    };
  }
}

interface PageRun {
  result: BrowserResult | undefined;
  headerNames: string[];
  pageErrors: string[];
  consoleErrors: string[];
  requestedUrls: string[];
}

const runIn = chromium.action === "run" ? describe : describe.skip;

runIn("the client in headless Chromium", () => {
  let bundle: BrowserBundle;
  let api: MockServer | undefined;
  let site: StaticServer | undefined;
  let browser: LaunchedChromium | undefined;
  let run: PageRun;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const time = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await step();
      } finally {
        timings[label] = Math.round(performance.now() - started);
      }
    };

    bundle = await time("bundle", () => bundleForBrowser(resolve(FIXTURE, "app.ts"), E2E));
    api = await time("api", () => startMockServer({ apiKeys: [API_KEY] }));
    const html = await readFile(resolve(FIXTURE, "index.html"), "utf8");
    // The page may load its own files and talk to the stand-in, nothing else.
    const csp = `default-src 'none'; script-src 'self'; connect-src ${api.url}; img-src data:`;
    site = await serveStatic({
      "/": {
        body: html,
        headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": csp },
      },
      "/app.js": {
        body: bundle.code,
        headers: { "content-type": "text/javascript; charset=utf-8" },
      },
    });
    browser = await time("launch", () => launchChromium(chromium.path));

    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    const requestedUrls: string[] = [];
    const page: Page = await browser.context.newPage();
    await page.addInitScript(recordHeaderNames);
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") {
        consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      }
    });
    page.on("request", (request) => requestedUrls.push(`${request.method()} ${request.url()}`));

    const hash = new URLSearchParams({ api: api.url, key: API_KEY, name: ORDER_NAME });
    const result = await time("page", async () => {
      await page.goto(`${site!.url}/#${hash}`, { waitUntil: "load", timeout: 20_000 });
      await page.waitForFunction(() => window.__result !== undefined, undefined, {
        timeout: 20_000,
      });
      return page.evaluate(() => ({ result: window.__result, headerNames: window.__headerNames }));
    });
    run = {
      result: result.result,
      headerNames: result.headerNames ?? [],
      pageErrors,
      consoleErrors,
      requestedUrls,
    };
  }, 120_000);

  afterAll(async () => {
    // Each one is closed even when another fails to close.
    const closing = await Promise.allSettled([browser?.close(), site?.close(), api?.close()]);
    console.log(
      `browser test timings (ms): ${JSON.stringify(timings)}; bundle ${bundle?.code.length} bytes`,
    );
    for (const outcome of closing) if (outcome.status === "rejected") throw outcome.reason;
  }, 60_000);

  it("bundles the built client for the browser, fully inlined", () => {
    // Resolved through the package's exports to its ESM build, never its sources.
    expect(bundle.inputs).toContain("../packages/client/dist/index.js");
    expect(bundle.inputs.some((input) => input.includes("packages/client/src"))).toBe(false);
    expect(bundle.inputs.some((input) => input.includes("openapi-fetch"))).toBe(true);
    expect(bundle.imports).toEqual([]);
  });

  it("runs without page errors or console errors", () => {
    expect(run.pageErrors).toEqual([]);
    // Chromium logs every non-2xx response; the page's deliberate 422 is the only one allowed.
    expect(run.consoleErrors).toEqual([
      `Failed to load resource: the server responded with a status of 422 (Unprocessable Entity) @ ${api!.url}/v3/orders/`,
    ]);
    expect(run.result?.error).toBeUndefined();
    expect(run.result?.ok).toBe(true);
  });

  it("talks only to its own origin and the stand-in's", () => {
    const origins = new Set(run.requestedUrls.map((line) => new URL(line.split(" ")[1]!).origin));
    expect([...origins].sort()).toEqual([api!.url, site!.url].sort());
    expect(site!.requests).toEqual(["GET /", "GET /app.js"]);
  });

  it("creates the order across origins", () => {
    const order = run.result?.order;
    expect(order).toEqual({ order_id: expect.any(String), status: "waiting", name: ORDER_NAME });
    const stored = api!.orders.get(order!.order_id as string);
    expect(stored).toMatchObject({ order_id: order!.order_id, name: ORDER_NAME });
    expect(api!.orders.size).toBe(1);
  });

  it("surfaces the 422 as a ValidationError with field errors", () => {
    expect(run.result?.invalid).toEqual({
      thrown: true,
      name: "ValidationError",
      isValidationError: true,
      isApiError: true,
      isAutoenhanceError: true,
      prototypeIsValidationError: true,
      status: 422,
      fieldErrors: { json: { default_image_sort_order: [expect.any(String)] } },
      sortOrderMessages: [expect.any(String)],
    });
  });

  it("was preflighted, and sends its headers but not a user-agent of its own", () => {
    const preflights = api!.requests.filter(
      (request) => request.method === "OPTIONS" && request.path === "/v3/orders/",
    );
    expect(preflights.length).toBeGreaterThanOrEqual(1);
    const preflight = preflights[0]!;
    expect(preflight.headers.origin).toBe(site!.url);
    expect(preflight.headers["access-control-request-method"]).toBe("POST");
    const requested = preflight.headers["access-control-request-headers"]!.split(",").map((name) =>
      name.trim(),
    );
    expect(requested).toEqual(expect.arrayContaining(["x-api-key", "x-api-version"]));
    expect(requested).not.toContain("user-agent");

    const posts = api!.requests.filter(
      (request) => request.method === "POST" && request.path === "/v3/orders/",
    );
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      expect(post.headers.origin).toBe(site!.url);
      expect(post.headers["x-api-key"]).toBe(REDACTED);
      expect(post.headers["x-api-version"]).toMatch(/\S/);
      // The browser's own User-Agent, not the client's Node one.
      expect(post.headers["user-agent"] ?? "").not.toMatch(/autoenhance/i);
      expect(post.headers["user-agent"]).toMatch(/Chrome\//);
    }
    expect(posts[0]!.body).toMatchObject({ name: ORDER_NAME });
  });

  it("does not even try to set user-agent in the browser", () => {
    // The recorder saw the client's headers, so it would have seen a user-agent too.
    expect(run.headerNames).toEqual(expect.arrayContaining(["x-api-key", "x-api-version"]));
    expect(run.headerNames).not.toContain("user-agent");
  });
});

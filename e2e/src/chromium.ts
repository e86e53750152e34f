/**
 * Finding and launching the system's Chromium (Debian's `chromium` package) for the browser test.
 *
 * The test drives it with playwright-core, which brings no browser of its own. Chromium is started
 * so that it contacts nothing by itself: no first-run, sync, component-update or background
 * requests, no name resolution, and a fresh profile that is deleted afterwards.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Where Debian's `chromium` package installs the browser. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** What to do about a missing browser. */
export const CHROMIUM_INSTALL_HINT =
  "install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH";

/** What the test says when it skips. */
export const CHROMIUM_MISSING = `browser test skipped: Chromium not found; ${CHROMIUM_INSTALL_HINT}`;

/** Whether the browser test runs, is skipped, or fails because the browser is missing. */
export type ChromiumDecision =
  | { action: "run"; path: string }
  | { action: "skip"; path: string; message: string }
  | { action: "fail"; path: string; message: string };

/** `CI=true`, `CI=1`: set by CI services; `""`, `0` and `false` mean "not CI". */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

/**
 * Decides what the browser test does. A developer without Chromium gets a skip that says what to
 * install; on CI a missing browser fails, so that a broken install cannot pass as a green run.
 */
export function decideChromium(
  env: NodeJS.ProcessEnv,
  exists: (path: string) => boolean = existsSync,
): ChromiumDecision {
  const path = env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM_PATH;
  if (exists(path)) return { action: "run", path };
  if (isCi(env)) {
    return {
      action: "fail",
      path,
      message: `browser test failed: Chromium not found on CI (CI is set, so a missing browser fails instead of skipping); ${CHROMIUM_INSTALL_HINT} (looked for ${path}).`,
    };
  }
  return { action: "skip", path, message: `${CHROMIUM_MISSING} (looked for ${path}).` };
}

/** The switches that keep Chromium from contacting anything but the test's own servers. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--no-default-browser-check",
  // Nothing resolves but the loopback address the test's servers listen on: anything else fails.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/** A running browser context and how to stop it and delete its profile. */
export interface LaunchedChromium {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh temporary profile (`--user-data-dir`). Playwright's
 * `launch()` refuses that switch and picks its own directory, so this uses
 * `launchPersistentContext` with a directory we create and remove ourselves.
 */
export async function launchChromium(
  executablePath: string,
  timeoutMs = 30_000,
): Promise<LaunchedChromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), "autoenhance-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: timeoutMs,
      // Playwright's own extras: no downloads, no service workers, nothing outside the page.
      acceptDownloads: false,
      serviceWorkers: "block",
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    context,
    userDataDir,
    close() {
      closing ??= (async () => {
        try {
          await context.close();
        } finally {
          await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
        }
      })();
      return closing;
    },
  };
}

/**
 * Where a release publishes and how it authenticates there: the registry comes only from the
 * environment, and the token only ever reaches npm through a temporary userconfig.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A refusal to release, with a message meant for the person or workflow that started it. */
export class ReleaseRefused extends Error {
  override name = "ReleaseRefused";
}

const normalise = (url: string): string => (url.endsWith("/") ? url : `${url}/`);

/**
 * Reads the target registry from the environment: `NPM_CONFIG_REGISTRY` or `npm_config_registry`.
 *
 * There is deliberately no default: a release that fell back to a package manager's built-in
 * registry would publish, and send the token, somewhere nobody chose. That needs care because
 * `pnpm run` itself fills `npm_config_registry` in for every script, from its configuration or its
 * default, so under `pnpm release` the lower-case variable is always set. When it holds exactly
 * what pnpm would have used anyway, the release cannot tell a choice from pnpm's fill-in and
 * refuses; the upper-case spelling is passed through by pnpm untouched and is always a choice.
 *
 * @param env - The environment to read.
 * @param configuredRegistry - What the package manager uses when the environment names no
 *   registry; asked only when the lower-case variable is the sole source under a package manager.
 * @returns The registry URL, normalised to end with `/`.
 * @throws {ReleaseRefused} when no registry is named, or it is not an `http(s)` URL.
 */
export function registryFromEnv(
  env: NodeJS.ProcessEnv,
  configuredRegistry: () => string | undefined,
): string {
  const upper = (env.NPM_CONFIG_REGISTRY ?? "").trim();
  const lower = (env.npm_config_registry ?? "").trim();
  const example =
    "Name the registry to publish to, for example\n" +
    "  NPM_CONFIG_REGISTRY=http://127.0.0.1:4873/ pnpm release\n" +
    "The release never falls back to a default registry.";
  if (upper === "" && lower === "") {
    throw new ReleaseRefused(`npm_config_registry is not set. ${example}`);
  }
  if (upper === "" && (env.npm_lifecycle_event ?? "") !== "") {
    const configured = configuredRegistry();
    // When pnpm cannot be asked, the value may still be its fill-in: refuse rather than guess.
    if (configured === undefined || normalise(configured.trim()) === normalise(lower)) {
      throw new ReleaseRefused(
        `npm_config_registry is ${lower}, which is what the package manager uses anyway: ` +
          `\`pnpm run\` sets that variable itself, so it does not show a choice. ${example}`,
      );
    }
  }
  const raw = upper !== "" ? upper : lower;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ReleaseRefused(`The registry is not a URL: ${JSON.stringify(raw)}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ReleaseRefused(`The registry must be an http(s) URL, not ${url.protocol}.`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new ReleaseRefused("The registry URL must not carry credentials; use NPM_TOKEN.");
  }
  return normalise(url.href);
}

/**
 * The key npm files a registry's credentials under: the URL without its protocol (`//host/path/`).
 *
 * @param registry - A URL as returned by {@link registryFromEnv}.
 */
export function nerfDart(registry: string): string {
  const url = new URL(registry);
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `//${url.host}${path}`;
}

/** How the release proves who it is to the registry. */
export type ReleaseAuth = "token" | "oidc";

/**
 * Decides how to authenticate: `NPM_TOKEN` when it is set, else npm's trusted publishing, which
 * only exists inside a CI job that may request an OIDC token.
 *
 * @param env - The environment to read.
 * @throws {ReleaseRefused} when neither is available, so the publish does not fail later on an
 *   anonymous request.
 */
export function authFromEnv(env: NodeJS.ProcessEnv): ReleaseAuth {
  if ((env.NPM_TOKEN ?? "") !== "") return "token";
  if ((env.ACTIONS_ID_TOKEN_REQUEST_URL ?? "") !== "") return "oidc";
  throw new ReleaseRefused(
    "NPM_TOKEN is not set and no OIDC token can be requested (npm trusted publishing).\n" +
      "Set NPM_TOKEN to a token that may publish to the registry, or run in the release workflow.",
  );
}

/** A userconfig file that exists until {@link TemporaryUserconfig.dispose} is called. */
export interface TemporaryUserconfig {
  path: string;
  dispose(): void;
}

/**
 * Writes a userconfig for the release to hand to npm and pnpm through `npm_config_userconfig`.
 *
 * It replaces the user's own `~/.npmrc`, so that no stale token or registry found there takes part.
 * The token is written as the reference `${NPM_TOKEN}`, which npm and pnpm expand from the
 * environment when they read the file: the secret itself never lands on disk, and the file is
 * still removed afterwards. With OIDC the file has no credentials at all.
 *
 * @param registry - The registry the token belongs to.
 * @param auth - How the release authenticates.
 */
export function writeTemporaryUserconfig(registry: string, auth: ReleaseAuth): TemporaryUserconfig {
  const dir = mkdtempSync(join(tmpdir(), "release-npmrc-"));
  const path = join(dir, "npmrc");
  const lines = [`registry=${registry}`];
  if (auth === "token") lines.push(`${nerfDart(registry)}:_authToken=\${NPM_TOKEN}`);
  writeFileSync(path, `${lines.join("\n")}\n`, { mode: 0o600 });
  let disposed = false;
  return {
    path,
    dispose() {
      if (disposed) return;
      disposed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

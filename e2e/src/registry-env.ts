/**
 * The environment for every npm and pnpm command of the publish test: each registry setting points
 * at the test registry, and the user's own npm configuration and cache are left out.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Builds the environment.
 *
 * @param registry - The test registry, `http://127.0.0.1:PORT/`.
 * @param home - A directory of the test's own, for the userconfig, the npm cache and `HOME`.
 * @param extra - Variables to add, such as `NPM_TOKEN` for the release.
 */
export function registryEnv(
  registry: string,
  home: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  mkdirSync(home, { recursive: true });
  const userconfig = join(home, "npmrc");
  writeFileSync(userconfig, `registry=${registry}\n@autoenhance:registry=${registry}\n`);
  // Only what the tools need from the outer environment; npm_config_* and tokens stay outside.
  const keep = ["PATH", "LANG", "TMPDIR", "TERM"];
  const env: NodeJS.ProcessEnv = {};
  for (const key of keep) if (process.env[key] !== undefined) env[key] = process.env[key];
  return {
    ...env,
    HOME: home,
    npm_config_registry: registry,
    "npm_config_@autoenhance:registry": registry,
    npm_config_userconfig: userconfig,
    npm_config_cache: join(home, "npm-cache"),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    TURBO_TELEMETRY_DISABLED: "1",
    TURBO_NO_UPDATE_NOTIFIER: "1",
    DO_NOT_TRACK: "1",
    CI: "1",
    ...extra,
  };
}

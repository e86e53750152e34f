/**
 * The release script's decisions that need no registry: where it publishes, how it signs in,
 * what it hides and how it reports. The publish itself is tested end to end in `e2e/`.
 */
import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { redact } from "../src/release-command.js";
import type { PublicPackage, RegistryState } from "../src/release-packages.js";
import {
  ReleaseRefused,
  authFromEnv,
  nerfDart,
  registryFromEnv,
  writeTemporaryUserconfig,
} from "../src/release-registry.js";
import { reportRelease } from "../src/release-report.js";

const LOCAL = "http://127.0.0.1:4873/";
const never = (): string => {
  throw new Error("not asked");
};

describe("registryFromEnv", () => {
  it("refuses when no registry is named", () => {
    expect(() => registryFromEnv({}, never)).toThrow(ReleaseRefused);
    expect(() => registryFromEnv({ npm_config_registry: " " }, never)).toThrow(/is not set/);
  });

  it("takes either spelling, outside a package manager, and adds the trailing slash", () => {
    expect(registryFromEnv({ npm_config_registry: "http://127.0.0.1:4873" }, never)).toBe(LOCAL);
    expect(registryFromEnv({ NPM_CONFIG_REGISTRY: LOCAL }, never)).toBe(LOCAL);
  });

  it("under pnpm run, refuses the lower-case value when it is only pnpm's own fill-in", () => {
    const env = { npm_lifecycle_event: "release", npm_config_registry: LOCAL };
    expect(() => registryFromEnv(env, () => "http://127.0.0.1:4873")).toThrow(
      /sets that variable itself/,
    );
    expect(() => registryFromEnv(env, () => undefined)).toThrow(ReleaseRefused);
    expect(registryFromEnv(env, () => "http://127.0.0.1:9/")).toBe(LOCAL);
    expect(registryFromEnv({ ...env, NPM_CONFIG_REGISTRY: LOCAL }, never)).toBe(LOCAL);
  });

  it("refuses what is not an http(s) URL, or carries credentials", () => {
    expect(() => registryFromEnv({ npm_config_registry: "127.0.0.1:4873" }, never)).toThrow(
      /http\(s\)|not a URL/,
    );
    expect(() => registryFromEnv({ npm_config_registry: "file:///tmp/x" }, never)).toThrow(
      /http\(s\)/,
    );
    expect(() =>
      registryFromEnv({ npm_config_registry: "http://me:secret@127.0.0.1:4873/" }, never),
    ).toThrow(/credentials/);
  });
});

describe("credentials", () => {
  it("files them under the registry's host and path", () => {
    expect(nerfDart(LOCAL)).toBe("//127.0.0.1:4873/");
    expect(nerfDart("http://127.0.0.1:4873/npm")).toBe("//127.0.0.1:4873/npm/");
  });

  it("uses NPM_TOKEN, else OIDC inside CI, else refuses", () => {
    expect(authFromEnv({ NPM_TOKEN: "t" })).toBe("token");
    expect(authFromEnv({ NPM_TOKEN: "", ACTIONS_ID_TOKEN_REQUEST_URL: "http://127.0.0.1/" })).toBe(
      "oidc",
    );
    expect(() => authFromEnv({})).toThrow(/NPM_TOKEN is not set/);
  });

  it("writes a userconfig that references the token instead of holding it, and removes it", () => {
    const config = writeTemporaryUserconfig(LOCAL, "token");
    const text = readFileSync(config.path, "utf8");
    expect(text).toBe(`registry=${LOCAL}\n//127.0.0.1:4873/:_authToken=\${NPM_TOKEN}\n`);
    config.dispose();
    expect(existsSync(config.path)).toBe(false);
    config.dispose();

    const oidc = writeTemporaryUserconfig(LOCAL, "oidc");
    expect(readFileSync(oidc.path, "utf8")).not.toContain("_authToken");
    oidc.dispose();
  });

  it("redacts every occurrence of a secret and ignores empty ones", () => {
    expect(redact("token abc and abc", ["abc", ""])).toBe("token *** and ***");
  });
});

describe("reportRelease", () => {
  const packages: PublicPackage[] = [
    { name: "@autoenhance/api-types", version: "0.1.1" },
    { name: "@autoenhance/client", version: "0.1.1" },
  ];
  const states = (...values: RegistryState[]) =>
    new Map(packages.map((pkg, index) => [pkg.name, values[index]!]));

  it("names what was published and what was not when the publish stops half-way", () => {
    const report = reportRelease(
      packages,
      states("absent", "absent"),
      states("present", "absent"),
      1,
    );
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      "release: published now: @autoenhance/api-types@0.1.1",
      "release: NOT published: @autoenhance/client@0.1.1",
      expect.stringContaining("the publish stopped half-way: 1 of 2 packages"),
    ]);
  });

  it("tells a completing re-run from a first run", () => {
    const report = reportRelease(
      packages,
      states("present", "absent"),
      states("present", "present"),
      0,
    );
    expect(report.ok).toBe(true);
    expect(report.lines).toEqual([
      "release: published now: @autoenhance/client@0.1.1",
      "release: already on the registry: @autoenhance/api-types@0.1.1",
      "release: done: all 2 packages are on the registry.",
    ]);
  });

  it("fails when the registry cannot be asked, or the publish failed anyway", () => {
    expect(
      reportRelease(packages, states("absent", "absent"), states("present", "unknown"), 0).ok,
    ).toBe(false);
    expect(
      reportRelease(packages, states("absent", "absent"), states("present", "present"), 1).ok,
    ).toBe(false);
    expect(
      reportRelease(packages, states("absent", "absent"), states("absent", "absent"), 1).lines,
    ).toContain("release: nothing was published (2 packages missing); see the output above.");
  });
});

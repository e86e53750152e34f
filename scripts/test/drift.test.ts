/**
 * Drift checks: the committed snapshot, the overlay and the generated types must agree, so a
 * hand edit, a skipped `pnpm generate` or an upstream fix that made an overlay action dead fails
 * the test run instead of shipping.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { applyOverlay, generate } from "../../packages/api-types/generate.js";
import { normaliseDocument } from "../src/normalise.js";

const repo = resolve(import.meta.dirname, "../..");
const generatedDir = join(repo, "packages/api-types/src/generated");
const snapshotText = readFileSync(join(repo, "openapi/openapi.json"), "utf8");
const snapshot = JSON.parse(snapshotText);
const overlay = parseYaml(readFileSync(join(repo, "openapi/overlay.yaml"), "utf8"));

describe("drift", () => {
  it("keeps the committed snapshot in normalised form", () => {
    // Compared as a boolean first: a 70 kB diff would bury the one-line advice.
    const normalised = normaliseDocument(snapshot) === snapshotText;
    expect(normalised, "openapi/openapi.json is not normalised; run `pnpm spec:pull`").toBe(true);
  });

  it("generates exactly the committed files from the snapshot and the overlay", async () => {
    const files = await generate(snapshot, overlay);
    expect(readdirSync(generatedDir).sort()).toEqual(Object.keys(files).sort());
    for (const [name, contents] of Object.entries(files)) {
      const committed = readFileSync(join(generatedDir, name), "utf8");
      const stale = `packages/api-types/src/generated/${name} is stale; run \`pnpm generate\``;
      expect(committed === contents, stale).toBe(true);
    }
  });

  it("finds a target for every overlay action", async () => {
    // applyOverlay throws when an action matches nothing; resolving is the assertion.
    await expect(applyOverlay(snapshot, overlay)).resolves.toHaveProperty("openapi");
    expect(overlay.actions.length).toBeGreaterThan(0);
  });

  it("reports an overlay action whose target is gone", async () => {
    const dead = structuredClone(overlay);
    dead.actions.push({
      target: "$.components.schemas.RetiredSchema.properties.status",
      update: { type: "string" },
    });
    await expect(applyOverlay(snapshot, dead)).rejects.toThrow(
      /overlay actions no longer match the snapshot: \$\.components\.schemas\.RetiredSchema/,
    );
  });

  it("reports an overlay action made dead by an upstream fix", async () => {
    // The vendor replacing the placeholder keys themselves leaves the `remove` with no target.
    const fixed = structuredClone(snapshot);
    delete fixed.components.schemas.ValidationError.properties.detail.properties;
    await expect(generate(fixed, overlay)).rejects.toThrow(
      /no longer match the snapshot: .*ValidationError\.properties\.detail\.properties/,
    );
  });
});

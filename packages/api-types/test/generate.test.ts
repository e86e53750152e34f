import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { applyOverlay, generate } from "../generate.js";

const repo = resolve(import.meta.dirname, "../../..");
const snapshot = JSON.parse(readFileSync(join(repo, "openapi/openapi.json"), "utf8"));
const overlay = parseYaml(readFileSync(join(repo, "openapi/overlay.yaml"), "utf8"));

describe("generate", () => {
  it("reproduces the committed files byte for byte", async () => {
    const files = await generate(snapshot, overlay);
    for (const [name, contents] of Object.entries(files)) {
      expect(readFileSync(join(import.meta.dirname, "../src/generated", name), "utf8")).toBe(
        contents,
      );
    }
  });

  it("marks every generated source file as generated", async () => {
    const files = await generate(snapshot, overlay);
    expect(files["schema.ts"]).toMatch(/^\/\/ This file is generated .*Do not edit it by hand/s);
    expect(files["spec-info.ts"]).toContain(`specVersion = "${snapshot.info.version}"`);
  });

  it("leaves the snapshot it was given as it was", async () => {
    const before = JSON.stringify(snapshot);
    await generate(snapshot, overlay);
    expect(JSON.stringify(snapshot)).toBe(before);
  });

  it("types the create-order 200 body as the order", async () => {
    const document = await applyOverlay(snapshot, overlay);
    const created = (document.paths as any)["/v3/orders/"].post.responses["200"];
    expect(created.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/OrderOut",
    });
  });

  it("fails, naming the target, when an overlay action matches nothing", async () => {
    const stale = structuredClone(overlay);
    stale.actions.push({ target: "$.components.schemas.NoSuchSchema", update: { type: "object" } });
    await expect(applyOverlay(snapshot, stale)).rejects.toThrow(
      /no longer match.*\$\.components\.schemas\.NoSuchSchema/,
    );
  });

  it("fails, naming the target, when an action no longer changes anything", async () => {
    const fixed = structuredClone(snapshot);
    fixed.paths["/v3/orders/"].post.responses["200"].content["application/json"].schema = {
      $ref: "#/components/schemas/OrderOut",
    };
    await expect(applyOverlay(fixed, overlay)).rejects.toThrow(
      /no longer change anything: .*\['\/v3\/orders\/'\]\.post\.responses/,
    );
  });
});

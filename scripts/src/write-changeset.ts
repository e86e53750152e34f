/**
 * Turns a spec diff into a changeset: the release each package needs, with the report as the
 * note that ends up in its CHANGELOG.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { SpecDiff } from "./diff-spec.js";
import { writeFileAtomic } from "./write-atomic.js";

/** The package that ships the document and its types: every spec change releases it. */
export const TYPES_PACKAGE = "@autoenhance/api-types";
/** The package that re-exports those types: released when a change reaches it. */
export const CLIENT_PACKAGE = "@autoenhance/client";

/**
 * The changeset text for a diff.
 *
 * `@autoenhance/api-types` ships the document itself, so it takes the bump of every change.
 * `@autoenhance/client` re-exports `paths`, `components` and `operations` wholesale (plus
 * `Order`, `OrderInput` and the error bodies) and uses `specVersion` as its default API version,
 * so it takes the bump of every change except those to parts that never reach the generated
 * code (servers, tags, the document's title and description); see `Change.touchesClient`.
 *
 * @param diff - A diff with at least one change.
 * @param report - The rendered report, used as the changeset's body.
 * @returns The file's contents.
 */
export function changesetText(diff: SpecDiff, report: string): string {
  if (diff.bump === undefined) throw new Error("no change to write a changeset for");
  const releases = [`"${TYPES_PACKAGE}": ${diff.bump}`];
  if (diff.clientBump !== undefined) releases.push(`"${CLIENT_PACKAGE}": ${diff.clientBump}`);
  // The first line is what a CHANGELOG shows as the entry; the report follows as its detail.
  const summary =
    diff.oldVersion === diff.newVersion
      ? `Update the API types for the Autoenhance API document ${diff.newVersion}.`
      : `Update the API types to the Autoenhance API document ${diff.newVersion} (was ${diff.oldVersion}).`;
  return `---\n${releases.join("\n")}\n---\n\n${summary}\n\n${report}`;
}

/**
 * Writes the changeset for a diff into `dir`.
 *
 * The name is derived from the new document's version and content, so running the update twice
 * for the same document cannot leave two notes for one release.
 *
 * @param dir - The `.changeset` directory.
 * @param diff - A diff with at least one change.
 * @param report - The rendered report.
 * @param newSnapshot - The new snapshot's text, for the name.
 * @returns The path written.
 */
export async function writeChangeset(
  dir: string,
  diff: SpecDiff,
  report: string,
  newSnapshot: string,
): Promise<string> {
  const hash = createHash("sha256").update(newSnapshot).digest("hex").slice(0, 8);
  const version = diff.newVersion.replace(/[^\w.-]+/g, "-");
  const path = join(dir, `api-spec-${version}-${hash}.md`);
  await writeFileAtomic(path, changesetText(diff, report));
  return path;
}

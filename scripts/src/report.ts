/**
 * Renders a {@link SpecDiff} as Markdown that reads well both in a terminal and as the body of
 * a changeset (and so of the CHANGELOG). Bold labels stand in for headings because changesets
 * nests the body under a list item, where headings would break the list.
 */
import type { Severity } from "./classify.js";
import type { SpecDiff } from "./diff-spec.js";
import type { Change } from "./spec-change.js";

const GROUPS: Array<[Severity, string]> = [
  ["breaking", "Breaking changes"],
  ["non-breaking", "Non-breaking changes"],
  ["docs", "Documentation only"],
];

/** How many operations a line names before it summarises the rest. */
const MAX_LISTED = 4;

/**
 * Renders the report.
 *
 * @param diff - The judged changes.
 * @returns Markdown ending in a newline; for identical documents a single line that says so.
 */
export function renderReport(diff: SpecDiff): string {
  const { oldVersion, newVersion, changes, bump } = diff;
  const versions = oldVersion === newVersion ? newVersion : `${oldVersion} → ${newVersion}`;
  if (bump === undefined) return `Autoenhance API document ${versions}: no change.\n`;
  const counts = GROUPS.map(([severity, title]) => {
    const n = changes.filter((c) => c.severity === severity).length;
    return n > 0 ? `${n} ${title.split(" ")[0]!.toLowerCase()}` : undefined;
  }).filter(Boolean);
  const lines = [`Autoenhance API document ${versions}: ${bump} release (${counts.join(", ")}).`];
  for (const [severity, title] of GROUPS) {
    const group = changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `**${title}**`, "", ...group.map((c) => `- ${renderLine(c)}`));
  }
  const affected = affectedOperations(changes);
  if (affected.length > 0) {
    lines.push("", "**Operations affected**", "", ...affected.map((line) => `- ${line}`));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * One change as a sentence: where, on which side, what happened and, for a shared schema, who
 * uses it.
 *
 * @param change - The change.
 * @returns The line without its list marker, e.g.
 *   ``[breaking] `OrderOut.status` (response): enum widened: added "cancelled"; used by ...``.
 */
export function renderLine(change: Change): string {
  const side =
    change.direction === "none"
      ? ""
      : change.direction === "both"
        ? " (request and response)"
        : ` (${change.direction})`;
  let line = `[${change.severity}] \`${change.subject}\`${side}: ${change.detail}`;
  // An operation's own changes already name it; a schema's list who is affected.
  const isOperationLine =
    change.operations.length === 1 && change.subject.startsWith(change.operations[0]!);
  if (change.operations.length > 0 && !isOperationLine) {
    const listed = change.operations.slice(0, MAX_LISTED).map((op) => `\`${op}\``);
    const rest = change.operations.length - listed.length;
    line += `; used by ${listed.join(", ")}${rest > 0 ? ` and ${rest} more` : ""}`;
  }
  return line;
}

/** Each operation with the worst verdict among the changes that reach it. */
function affectedOperations(changes: Change[]): string[] {
  const worst = new Map<string, { severity: Severity; count: number }>();
  const rank = { breaking: 2, "non-breaking": 1, docs: 0 };
  for (const change of changes) {
    for (const op of change.operations) {
      const seen = worst.get(op);
      if (!seen) worst.set(op, { severity: change.severity, count: 1 });
      else {
        seen.count += 1;
        if (rank[change.severity] > rank[seen.severity]) seen.severity = change.severity;
      }
    }
  }
  return [...worst.entries()]
    .sort(([x], [y]) => x.localeCompare(y, "en"))
    .map(
      ([op, { severity, count }]) =>
        `\`${op}\`: ${severity} (${count} change${count === 1 ? "" : "s"})`,
    );
}

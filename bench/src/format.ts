/** Number formatting and Markdown tables for the report. */

/** A Markdown table; the first row is the header. Columns after the first align right. */
export function table(rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  if (!head) return "";
  const widths = head.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length), 3));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(head), rule, ...body.map(line)].join("\n");
}

/** `6.80 kB` (1 kB = 1000 bytes, as size-limit counts). */
export function kB(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(2)} kB` : "—";
}

/** `2.31×`. */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** `15.6 s`, or `850 ms` under a second. */
export function duration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** `12,345`. */
export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** `12.3`. */
export function micro(us: number): string {
  return us.toFixed(1);
}

/** `✓` or `✗`, for goals. */
export function mark(met: boolean): string {
  return met ? "✓" : "✗";
}

/**
 * Reading a raw request: its target, its body and the values openapi-backend parses from it. Kept
 * apart from the engine so that the request flow, the engine and the operations read requests the
 * same way.
 */

/** A request body as the stand-in read it: absent, JSON, or text that is not JSON. */
export type ParsedBody =
  { kind: "empty" } | { kind: "json"; value: unknown } | { kind: "invalid"; raw: string };

/** Whether a `Content-Type` names JSON: `application/json` or any `application/*+json`. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[^/]+\+json$/.test(type);
}

/**
 * Parses a raw body without throwing: text that is not JSON is kept, so that it can be recorded
 * and refused with a 422 once routing has decided the operation takes a body.
 */
export function parseBody(raw: string | undefined): ParsedBody {
  if (raw === undefined || raw.trim() === "") return { kind: "empty" };
  try {
    return { kind: "json", value: JSON.parse(raw) as unknown };
  } catch {
    return { kind: "invalid", raw };
  }
}

/** Splits a request target into path and query, accepting the absolute form as well. */
export function splitUrl(url: string): { path: string; query: string } {
  let target = url.split("#")[0] ?? "";
  if (!target.startsWith("/")) {
    try {
      const parsed = new URL(target);
      target = `${parsed.pathname}${parsed.search}`;
    } catch {
      target = `/${target}`;
    }
  }
  const index = target.indexOf("?");
  return index === -1
    ? { path: target, query: "" }
    : { path: target.slice(0, index), query: target.slice(index + 1) };
}

/**
 * The first string of a parsed query, header or cookie value: openapi-backend parses a repeated
 * query parameter as an array, and the stand-in reads its first occurrence.
 */
export function firstString(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstString(value[0]);
  return typeof value === "string" ? value : undefined;
}

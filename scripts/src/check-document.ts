import SwaggerParser from "@apidevtools/swagger-parser";
import type { SourceText } from "./read-source.js";
import { SourceError } from "./read-source.js";

type OpenApiDocument = Exclude<Parameters<typeof SwaggerParser.validate>[1], string>;

/**
 * What the rest of the pull needs from a checked document.
 */
export interface CheckedDocument {
  doc: Record<string, unknown>;
  /** The document's `info.version`, which for Autoenhance is the API's date-based version. */
  version: string;
}

/**
 * Parses the source text and proves it is a self-contained, valid OpenAPI 3 document.
 *
 * Each check exists because a plausible wrong answer gets past the previous one: a login page
 * is served with 200, a cut-off download is still text, `{"hello":1}` is still JSON, and a
 * document can be well-formed yet point at a schema it does not define.
 *
 * @param source - Text as read from the spec source.
 * @returns The parsed document (untouched by validation) and its version.
 * @throws {SourceError} With a one-line reason naming the source and what to check.
 */
export async function checkDocument(source: SourceText): Promise<CheckedDocument> {
  const { label, advice, text, contentType } = source;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // A JSON body mislabelled as text/html still parses, so HTML is only blamed once parsing
    // has failed.
    if (/html/i.test(contentType ?? "") || text.trimStart().startsWith("<")) {
      const type = contentType ? ` (content-type ${contentType})` : "";
      throw new SourceError(
        `${label} returned an HTML page instead of JSON${type}, likely a login or error page; ${advice}`,
      );
    }
    const reason = (error as Error).message.replace(/\s+/g, " ");
    throw new SourceError(`${label} returned invalid JSON (${reason}); ${advice}`);
  }
  if (!isRecord(parsed) || typeof parsed.openapi !== "string" || !/^3\./.test(parsed.openapi)) {
    throw new SourceError(
      `${label} returned JSON that is not an OpenAPI 3 document (no "openapi": "3.x"); ${advice}`,
    );
  }
  // The validator names a document without these only as "[object Object]".
  const info = parsed.info;
  if (!isRecord(info) || typeof info.title !== "string" || typeof info.version !== "string") {
    throw new SourceError(
      `${label} is not valid OpenAPI: it has no info.title and info.version; ${advice}`,
    );
  }
  if (!isRecord(parsed.paths)) {
    throw new SourceError(`${label} is not valid OpenAPI: it has no paths object; ${advice}`);
  }
  const external = findExternalRef(parsed);
  if (external !== undefined) {
    throw new SourceError(
      `${label} has an external $ref ${JSON.stringify(external)}, which a snapshot cannot hold; ${advice}`,
    );
  }
  try {
    // Validation dereferences in place, and the snapshot must keep the vendor's $refs.
    const clone = structuredClone(parsed) as OpenApiDocument;
    // External resolution stays off so validation can never read other files or hosts.
    await SwaggerParser.validate(clone, { resolve: { external: false } });
  } catch (error) {
    throw new SourceError(`${label} is not valid OpenAPI: ${oneLine(error)}; ${advice}`);
  }
  return { doc: parsed, version: info.version };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Returns the first `$ref` that points outside the document, if any. */
function findExternalRef(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findExternalRef(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  const ref = value.$ref;
  if (typeof ref === "string" && !ref.startsWith("#")) {
    return ref;
  }
  for (const child of Object.values(value)) {
    const found = findExternalRef(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Validator messages span several indented lines; the CLI promises a single one. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const flat = message.replace(/\s+/g, " ").trim().replace(/\.$/, "");
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

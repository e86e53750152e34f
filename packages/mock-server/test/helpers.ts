/**
 * Test helpers: real HTTP calls against a started stand-in, and an independent check that a
 * response matches what the document says about it.
 */
import { createRequire } from "node:module";
import { OpenAPIBackend, ValidationContext, type Document } from "openapi-backend";
import { expect } from "vitest";

const require = createRequire(import.meta.url);

/** The corrected document, read from the installed types package (inside the repository). */
export function loadDocument(): Record<string, unknown> {
  return structuredClone(require("@autoenhance/api-types/openapi.json") as Record<string, unknown>);
}

/** The shape that every test call returns. */
export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or `undefined` when the body is empty. */
  json: any;
}

/** Options for {@link call}. */
export interface CallOptions {
  /** A JSON value to send (serialised here), or raw text with `raw`. */
  body?: unknown;
  raw?: string;
  /** The `x-api-key` to send; `null` sends none. Default `"test-key"`. */
  key?: string | null;
  headers?: Record<string, string>;
}

/** Sends one request with fetch and reads the whole response. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? "test-key" : options.key;
  if (key !== null) headers["x-api-key"] = key;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
    headers["content-type"] = "application/json";
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text === "" ? undefined : JSON.parse(text),
  };
}

function formatCheckingAjv(ajv: any): any {
  ajv.addFormat("date-time", (value: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value),
  );
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv;
}

/**
 * A validator built from the document on its own, independent of the stand-in's instance, so a
 * response is checked against the document and not against the code that produced it.
 */
export async function createResponseChecker(): Promise<{
  /** Asserts that the document describes `status` for the operation and that the body matches. */
  expectConforms(operationId: string, result: CallResult): void;
  /** Asserts that a body matches a component schema (for statuses the document does not list). */
  expectSchema(schemaName: string, body: unknown): void;
}> {
  const backend = new OpenAPIBackend({
    definition: loadDocument() as unknown as Document,
    strict: true,
    customizeAjv: formatCheckingAjv,
  });
  await backend.init();
  const schemas = (backend.definition.components?.schemas ?? {}) as Record<string, object>;
  const ajv = backend.validator.getAjv(ValidationContext.Response);

  return {
    expectConforms(operationId, result) {
      const operation = backend.getOperation(operationId);
      expect(operation, `operation ${operationId}`).toBeDefined();
      const described = operation!.responses?.[String(result.status)];
      expect(described, `${operationId} describes ${result.status}`).toBeDefined();
      if (result.status === 204) {
        expect(result.text).toBe("");
        return;
      }
      const validation = backend.validateResponse(result.json, operationId, result.status);
      expect(validation.errors ?? [], JSON.stringify(result.json)).toEqual([]);
    },
    expectSchema(schemaName, body) {
      const schema = schemas[schemaName];
      expect(schema, `schema ${schemaName}`).toBeDefined();
      const validate = ajv.compile(schema!);
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    },
  };
}

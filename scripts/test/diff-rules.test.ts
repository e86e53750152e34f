/**
 * One classification rule per test: each builds a copy of the small base document with a single
 * edit and checks the one change it must produce, its verdict and the release it calls for.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Bump, Direction, Severity } from "../src/classify.js";
import { diffSpecs, type SpecDiff } from "../src/diff-spec.js";

const base = JSON.parse(
  readFileSync(new URL("./fixtures/diff/base.json", import.meta.url), "utf8"),
);

/** The base document after one edit, diffed against the base. */
function evolve(edit: (doc: any) => void, from: unknown = base): SpecDiff {
  const next = structuredClone(from) as any;
  edit(next);
  return diffSpecs(from, next);
}

const schemas = (doc: any) => doc.components.schemas;
const listOrders = (doc: any) => doc.paths["/orders"].get;

interface Rule {
  name: string;
  edit: (doc: any) => void;
  severity: Severity;
  direction: Direction;
  subject: string;
  detail: string;
  bump: Bump;
}

const requestRules: Rule[] = [
  {
    name: "a request field that becomes required",
    edit: (d) => (schemas(d).OrderIn.required = ["name"]),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "OrderIn.name",
    detail: "became required",
  },
  {
    name: "a new required request field",
    edit: (d) => {
      schemas(d).OrderIn.properties.note = { type: "string" };
      schemas(d).OrderIn.required = ["note"];
    },
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "OrderIn.note",
    detail: "required field added",
  },
  {
    name: "a new required parameter",
    edit: (d) =>
      listOrders(d).parameters.push({
        name: "q",
        in: "query",
        required: true,
        schema: { type: "string" },
      }),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "GET /orders query parameter q",
    detail: "required parameter added",
  },
  {
    name: "a parameter that becomes required",
    edit: (d) => (listOrders(d).parameters[0].required = true),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "GET /orders query parameter sort",
    detail: "became required",
  },
  {
    name: "a removed parameter",
    edit: (d) => (listOrders(d).parameters = []),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "GET /orders query parameter sort",
    detail: "parameter removed",
  },
  {
    name: "a request body that becomes required",
    edit: (d) => (d.paths["/orders"].post.requestBody.required = true),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "POST /orders request body",
    detail: "became required",
  },
  {
    name: "a request enum value removed",
    edit: (d) => (listOrders(d).parameters[0].schema.enum = ["name"]),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "GET /orders query parameter sort",
    detail: 'enum narrowed: removed "date"',
  },
  {
    name: "a retyped request field",
    edit: (d) => (schemas(d).OrderIn.properties.name.type = "integer"),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "OrderIn.name",
    detail: "type changed from string to integer",
  },
  {
    name: "a removed operation",
    edit: (d) => delete d.paths["/images"],
    severity: "breaking",
    direction: "none",
    bump: "major",
    subject: "POST /images",
    detail: "operation removed (create_image)",
  },
  {
    name: "a removed field of a request object that rejects unknown fields",
    edit: (d) => delete schemas(d).OrderIn.properties.priority,
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "OrderIn.priority",
    detail: "field removed",
  },
  {
    name: "an operation that starts requiring security",
    edit: (d) => delete d.paths["/orders/{id}"].get.security,
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "GET /orders/{id} security",
    detail: "now requires ApiKeyAuth",
  },
  {
    name: "a new optional request field",
    edit: (d) => (schemas(d).OrderIn.properties.note = { type: "string" }),
    severity: "non-breaking",
    direction: "request",
    bump: "minor",
    subject: "OrderIn.note",
    detail: "optional field added",
  },
  {
    name: "a new optional parameter",
    edit: (d) =>
      listOrders(d).parameters.push({ name: "q", in: "query", schema: { type: "string" } }),
    severity: "non-breaking",
    direction: "request",
    bump: "minor",
    subject: "GET /orders query parameter q",
    detail: "optional parameter added",
  },
  {
    name: "a widened request enum",
    edit: (d) => listOrders(d).parameters[0].schema.enum.push("-date"),
    severity: "non-breaking",
    direction: "request",
    bump: "minor",
    subject: "GET /orders query parameter sort",
    detail: 'enum widened: added "-date"',
  },
  {
    name: "a removed field of a request object that accepts unknown fields",
    edit: (d) => delete schemas(d).ImageIn.properties.caption,
    severity: "non-breaking",
    direction: "request",
    bump: "minor",
    subject: "ImageIn.caption",
    detail: "field removed (unknown fields are still accepted)",
  },
  {
    name: "an operation that stops requiring security",
    edit: (d) => (d.paths["/orders"].get.security = []),
    severity: "non-breaking",
    direction: "request",
    bump: "minor",
    subject: "GET /orders security",
    detail: "no longer requires ApiKeyAuth",
  },
  {
    name: "an integer request field that accepts any number",
    edit: (d) => (schemas(d).OrderIn.properties.priority.type = "number"),
    severity: "non-breaking",
    direction: "request",
    bump: "minor",
    subject: "OrderIn.priority",
    detail: "type widened from integer to number",
  },
];

const responseRules: Rule[] = [
  {
    name: "a removed response field",
    edit: (d) => delete schemas(d).OrderOut.properties.name,
    severity: "breaking",
    direction: "response",
    bump: "major",
    subject: "OrderOut.name",
    detail: "field removed",
  },
  {
    name: "a response field that becomes optional",
    edit: (d) => (schemas(d).OrderOut.required = ["order_id"]),
    severity: "breaking",
    direction: "response",
    bump: "major",
    subject: "OrderOut.status",
    detail: "became optional",
  },
  {
    name: "a response field that becomes nullable",
    edit: (d) => (schemas(d).OrderOut.properties.name.nullable = true),
    severity: "breaking",
    direction: "response",
    bump: "major",
    subject: "OrderOut.name",
    detail: "now nullable",
  },
  {
    name: "a response field that becomes nullable, OpenAPI 3.1 style",
    edit: (d) => (schemas(d).OrderOut.properties.name.type = ["string", "null"]),
    severity: "breaking",
    direction: "response",
    bump: "major",
    subject: "OrderOut.name",
    detail: "now nullable",
  },
  {
    name: "a retyped response field",
    edit: (d) => (schemas(d).OrderOut.properties.total_images.type = "string"),
    severity: "breaking",
    direction: "response",
    bump: "major",
    subject: "OrderOut.total_images",
    detail: "type changed from integer to string",
  },
  {
    name: "a widened response enum",
    edit: (d) => schemas(d).OrderOut.properties.status.enum.push("failed"),
    severity: "breaking",
    direction: "response",
    bump: "major",
    subject: "OrderOut.status",
    detail: 'enum widened: added "failed"',
  },
  {
    name: "a new response field",
    edit: (d) => (schemas(d).OrderOut.properties.created_at = { type: "string" }),
    severity: "non-breaking",
    direction: "response",
    bump: "minor",
    subject: "OrderOut.created_at",
    detail: "optional field added",
  },
  {
    name: "a narrowed response enum",
    edit: (d) => (schemas(d).OrderOut.properties.status.enum = ["waiting", "done"]),
    severity: "non-breaking",
    direction: "response",
    bump: "minor",
    subject: "OrderOut.status",
    detail: 'enum narrowed: removed "processing"',
  },
  {
    name: "a removed error response",
    edit: (d) => delete d.paths["/orders/{id}"].get.responses["404"],
    severity: "non-breaking",
    direction: "response",
    bump: "minor",
    subject: "GET /orders/{id} response 404",
    detail: "response removed",
  },
  {
    name: "a removed success response",
    edit: (d) => delete d.paths["/orders/{id}"].get.responses["200"],
    severity: "breaking",
    direction: "response",
    bump: "major",
    subject: "GET /orders/{id} response 200",
    detail: "response removed",
  },
];

const otherRules: Rule[] = [
  {
    name: "an added operation",
    edit: (d) =>
      (d.paths["/orders/{id}"].delete = {
        operationId: "delete_order",
        responses: { "204": { description: "Deleted." } },
      }),
    severity: "non-breaking",
    direction: "none",
    bump: "minor",
    subject: "DELETE /orders/{id}",
    detail: "operation added (delete_order)",
  },
  {
    name: "a description-only change",
    edit: (d) => (schemas(d).OrderIn.properties.name.description = "What to call the order."),
    severity: "docs",
    direction: "request",
    bump: "patch",
    subject: "OrderIn.name",
    detail: "description changed",
  },
  {
    name: "a summary-only change",
    edit: (d) => (listOrders(d).summary = "List your orders"),
    severity: "docs",
    direction: "none",
    bump: "patch",
    subject: "GET /orders",
    detail: "summary changed",
  },
  {
    name: "a renamed operationId, which renames the operations type",
    edit: (d) => (listOrders(d).operationId = "orders_list"),
    severity: "breaking",
    direction: "none",
    bump: "major",
    subject: "GET /orders",
    detail: 'operationId changed from "list_orders" to "orders_list"',
  },
  {
    name: "a security scheme that moves its key",
    edit: (d) => (d.components.securitySchemes.ApiKeyAuth.name = "authorization"),
    severity: "breaking",
    direction: "none",
    bump: "major",
    subject: "security scheme ApiKeyAuth",
    detail: expect.stringContaining("authorization"),
  },
  {
    name: "a changed default",
    edit: (d) => (schemas(d).OrderIn.properties.priority.default = 2),
    severity: "non-breaking",
    direction: "request",
    bump: "minor",
    subject: "OrderIn.priority",
    detail: "default changed from 1 to 2",
  },
  {
    name: "a keyword the diff does not model, which must not pass silently",
    edit: (d) => (schemas(d).OrderIn.properties.name.not = { enum: [""] }),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "OrderIn.name",
    detail: expect.stringMatching(/^not changed; .*review/),
  },
  {
    name: "a new server URL",
    edit: (d) => (d.servers = [{ url: "http://127.0.0.1:10" }]),
    severity: "docs",
    direction: "none",
    bump: "patch",
    subject: "servers",
    detail: "changed",
  },
];

const constraintRules: Rule[] = [
  {
    name: "a bound added to a request field",
    edit: (d) => (schemas(d).OrderIn.properties.priority.maximum = 10),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "OrderIn.priority",
    detail: "maximum 10 added",
  },
  {
    name: "a pattern added to a request field",
    edit: (d) => (schemas(d).OrderIn.properties.name.pattern = "^[a-z]+$"),
    severity: "breaking",
    direction: "request",
    bump: "major",
    subject: "OrderIn.name",
    detail: 'pattern "^[a-z]+$" added',
  },
  {
    name: "a bound dropped from a response field",
    edit: (d) => delete schemas(d).OrderOut.properties.total_images.minimum,
    severity: "breaking",
    direction: "response",
    bump: "major",
    subject: "OrderOut.total_images",
    detail: "minimum 0 removed",
  },
  {
    name: "a bound raised on a response field",
    edit: (d) => (schemas(d).OrderOut.properties.total_images.minimum = 1),
    severity: "non-breaking",
    direction: "response",
    bump: "minor",
    subject: "OrderOut.total_images",
    detail: "minimum changed from 0 to 1",
  },
  {
    name: "a request field that becomes read-only",
    edit: (d) => (schemas(d).OrderIn.properties.name.readOnly = true),
    severity: "non-breaking",
    direction: "request",
    bump: "minor",
    subject: "OrderIn.name",
    detail: "now read-only",
  },
];

describe.each([
  ["requests", requestRules],
  ["responses", responseRules],
  ["value constraints", constraintRules],
  ["operations, security and the rest", otherRules],
])("%s", (_group, rules) => {
  it.each(rules)("$name: $severity", (rule) => {
    const diff = evolve(rule.edit);
    expect(diff.changes).toEqual([
      expect.objectContaining({
        severity: rule.severity,
        direction: rule.direction,
        subject: rule.subject,
        detail: rule.detail,
      }),
    ]);
    expect(diff.bump).toBe(rule.bump);
  });
});

describe("$ref attribution", () => {
  const users = ["GET /orders", "GET /orders/{id}", "POST /orders"];

  it("reports a change inside a shared schema once, listing every operation that reaches it", () => {
    const diff = evolve((d) => schemas(d).OrderOut.properties.status.enum.push("failed"));
    expect(diff.changes).toHaveLength(1);
    // GET /orders reaches OrderOut only through OrdersOut.orders[].
    expect(diff.changes[0]!.operations).toEqual(users);
  });

  it("judges a schema used by requests and responses once per side", () => {
    const diff = evolve((d) => schemas(d).SortOrder.enum.push("date"));
    expect(diff.changes).toEqual([
      expect.objectContaining({
        subject: "SortOrder",
        severity: "breaking",
        direction: "response",
        operations: users,
      }),
      expect.objectContaining({
        subject: "SortOrder",
        severity: "non-breaking",
        direction: "request",
        operations: ["POST /orders"],
      }),
    ]);
  });

  it("reports a description on a schema used by both sides as one line", () => {
    const diff = evolve((d) => (schemas(d).SortOrder.description = "How images are sorted."));
    expect(diff.changes).toEqual([
      expect.objectContaining({ subject: "SortOrder", direction: "both", severity: "docs" }),
    ]);
    expect(diff.changes[0]!.operations).toEqual(users);
  });

  it("compares in place when a $ref is replaced by an inline schema", () => {
    const diff = evolve(
      (d) =>
        (schemas(d).OrderOut.properties.sort_order = {
          type: "string",
          enum: ["name", "-name", "date"],
        }),
    );
    expect(diff.changes).toEqual([
      expect.objectContaining({
        subject: "OrderOut.sort_order",
        severity: "breaking",
        detail: 'enum widened: added "date"',
      }),
    ]);
  });

  it("does not count operations new in this document as affected", () => {
    const diff = evolve((d) => {
      schemas(d).OrderOut.properties.status.enum.push("failed");
      d.paths["/orders/{id}"].put = {
        operationId: "replace_order",
        responses: {
          "200": {
            description: "The order.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/OrderOut" } } },
          },
        },
      };
    });
    const status = diff.changes.find((c) => c.subject === "OrderOut.status");
    expect(status?.operations).toEqual(users);
  });

  it("terminates on recursive schemas", () => {
    const recursive = structuredClone(base);
    schemas(recursive).OrderOut.properties.parent = { $ref: "#/components/schemas/OrderOut" };
    const diff = evolve(
      (d) => schemas(d).OrderOut.properties.status.enum.push("failed"),
      recursive,
    );
    expect(diff.changes.map((c) => c.subject)).toEqual(["OrderOut.status"]);
  });
});

describe("whole documents", () => {
  it("finds nothing, and calls for no release, when nothing changed", () => {
    const diff = diffSpecs(base, structuredClone(base));
    expect(diff.changes).toEqual([]);
    expect(diff.bump).toBeUndefined();
    expect(diff.clientBump).toBeUndefined();
  });

  it("takes the worst verdict as the bump", () => {
    const diff = evolve((d) => {
      schemas(d).OrderIn.properties.name.description = "Docs.";
      schemas(d).OrderIn.properties.note = { type: "string" };
      schemas(d).OrderOut.properties.status.enum.push("failed");
    });
    expect(diff.changes.map((c) => c.severity)).toEqual(["breaking", "non-breaking", "docs"]);
    expect(diff.bump).toBe("major");
  });

  it("leaves the client out of a change it cannot see", () => {
    const diff = evolve((d) => (d.servers = [{ url: "http://127.0.0.1:10" }]));
    expect(diff.bump).toBe("patch");
    expect(diff.clientBump).toBeUndefined();
  });

  it("releases the client for a new document version, which it pins as its default", () => {
    const diff = evolve((d) => (d.info.version = "1.0.1"));
    expect(diff.changes).toEqual([
      expect.objectContaining({ subject: "info.version", severity: "docs", touchesClient: true }),
    ]);
    expect(diff.clientBump).toBe("patch");
  });
});

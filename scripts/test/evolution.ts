/**
 * A realistic next version of the Autoenhance document, built from a frozen copy of the
 * 2026-11-09 snapshot, for the diff and update tests. Frozen so that the tests keep meaning the
 * same thing after the committed snapshot moves on.
 */
import { readFileSync } from "node:fs";

/** The Autoenhance document as of 2026-11-09. */
export const autoenhance = JSON.parse(
  readFileSync(new URL("./fixtures/diff/autoenhance-2026-11-09.json", import.meta.url), "utf8"),
);

/**
 * The changes a vendor release plausibly brings, one of each kind: a new operation, a new
 * optional request field, a response enum that gains a value (through a schema nested in
 * others), an enum widened on both sides, a parameter that becomes required, and a description.
 *
 * @returns A new document; the frozen copy is untouched.
 */
export function evolveAutoenhance(): any {
  const doc = structuredClone(autoenhance);
  const schemas = doc.components.schemas;
  doc.info.version = "2026-12-01";
  doc.paths["/v3/orders/{id}/history"] = {
    get: {
      operationId: "list_order_history",
      summary: "List an order's past versions",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": {
          description: "Successful response",
          content: { "application/json": { schema: { $ref: "#/components/schemas/OrdersOut" } } },
        },
      },
      security: [{ ApiKeyAuth: [] }],
      tags: ["Orders"],
    },
  };
  schemas.OrderIn.properties.callback_url = {
    description: "URL called once every image of the order is processed.",
    type: "string",
  };
  schemas.ImageOut.properties.enhance_type.enum.push("authentic");
  schemas.OrderIn.properties.default_image_sort_order.enum.push("-custom");
  schemas.OrderOut.properties.default_image_sort_order.enum.push("-custom");
  const listOrders = doc.paths["/v3/orders/"].get;
  listOrders.parameters.find((p: { name: string }) => p.name === "per_page").required = true;
  schemas.Pagination.properties.next_offset.description =
    "Token for the next page; absent on the last page.";
  return doc;
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";
import { call, createResponseChecker } from "./helpers.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: MockServer;
let checker: Awaited<ReturnType<typeof createResponseChecker>>;

beforeAll(async () => {
  [server, checker] = await Promise.all([startMockServer(), createResponseChecker()]);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("POST /v3/orders/", () => {
  it("creates an order with a generated order_id when none is given", async () => {
    const before = Date.now();
    const result = await call(server.url, "POST", "/v3/orders/", {
      body: { name: "12 Garden Lane" },
    });

    expect(result.status).toBe(200);
    checker.expectConforms("create_order", result);
    const order = result.json;
    expect(order.order_id).toMatch(UUID);
    expect(order).toMatchObject({
      name: "12 Garden Lane",
      images: [],
      status: "waiting",
      is_deleted: false,
      is_merging: false,
      is_processing: false,
      total_images: 0,
    });
    expect(Date.parse(order.created_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(order.last_updated_at).toBe(order.created_at);
    expect(server.orders.get(order.order_id)).toEqual(order);
  });

  it("generates a different order_id for every order", async () => {
    const first = await call(server.url, "POST", "/v3/orders/", { body: {} });
    const second = await call(server.url, "POST", "/v3/orders/", { body: {} });
    expect(first.json.order_id).not.toBe(second.json.order_id);
    expect(server.orders.size).toBe(2);
  });

  it("accepts an empty body as an order with defaults", async () => {
    const result = await call(server.url, "POST", "/v3/orders/", {});
    expect(result.status).toBe(200);
    checker.expectConforms("create_order", result);
    expect(result.json.order_id).toMatch(UUID);
    expect(result.json).not.toHaveProperty("name");
  });

  it("creates an order with the order_id and sort order it is given", async () => {
    const result = await call(server.url, "POST", "/v3/orders/", {
      body: { order_id: "listing-42", name: "Flat 3", default_image_sort_order: "-date_added" },
    });

    expect(result.status).toBe(200);
    checker.expectConforms("create_order", result);
    expect(result.json).toMatchObject({
      order_id: "listing-42",
      name: "Flat 3",
      default_image_sort_order: "-date_added",
    });
    expect([...server.orders.keys()]).toEqual(["listing-42"]);
  });

  it("refuses a repeated order_id with 409 by default and keeps the first order", async () => {
    const first = await call(server.url, "POST", "/v3/orders/", {
      body: { order_id: "dup", name: "first" },
    });
    expect(first.status).toBe(200);

    const again = await call(server.url, "POST", "/v3/orders/", {
      body: { order_id: "dup", name: "second" },
    });

    expect(again.status).toBe(409);
    expect(again.json).toEqual({
      message: "An order with this order_id already exists.",
      detail: {},
    });
    checker.expectSchema("HTTPError", again.json);
    expect(server.orders.size).toBe(1);
    expect(server.orders.get("dup")?.name).toBe("first");
  });

  it("refuses a repeated order_id with a 422 naming order_id when configured so", async () => {
    const strict = await startMockServer({ duplicateOrderStatus: 422 });
    try {
      expect(
        (await call(strict.url, "POST", "/v3/orders/", { body: { order_id: "dup" } })).status,
      ).toBe(200);
      const again = await call(strict.url, "POST", "/v3/orders/", { body: { order_id: "dup" } });

      expect(again.status).toBe(422);
      checker.expectConforms("create_order", again);
      expect(again.json.message).toBe("Validation error");
      expect(again.json.detail).toEqual({
        json: { order_id: ["An order with this order_id already exists."] },
      });
      expect(strict.orders.size).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it("refuses an empty order_id, which no path could address", async () => {
    const result = await call(server.url, "POST", "/v3/orders/", { body: { order_id: "" } });
    expect(result.status).toBe(422);
    checker.expectConforms("create_order", result);
    expect(Object.keys(result.json.detail.json)).toEqual(["order_id"]);
    expect(server.orders.size).toBe(0);
  });
});

describe("GET and DELETE /v3/orders/{id}", () => {
  it("returns a created order, without an API key as the document allows", async () => {
    const created = await call(server.url, "POST", "/v3/orders/", {
      body: { order_id: "a/b c", name: "Odd id" },
    });
    const fetched = await call(server.url, "GET", `/v3/orders/${encodeURIComponent("a/b c")}`, {
      key: null,
    });

    expect(fetched.status).toBe(200);
    checker.expectConforms("retrieve_order", fetched);
    expect(fetched.json).toEqual(created.json);
  });

  it("returns an order seeded into the orders map", async () => {
    server.orders.set("seeded", { order_id: "seeded", status: "processed", images: [] });
    const fetched = await call(server.url, "GET", "/v3/orders/seeded");
    expect(fetched.status).toBe(200);
    expect(fetched.json).toEqual({ order_id: "seeded", status: "processed", images: [] });
  });

  it("answers 404 with an HTTPError for an unknown order", async () => {
    const result = await call(server.url, "GET", "/v3/orders/missing");
    expect(result.status).toBe(404);
    checker.expectConforms("retrieve_order", result);
    expect(result.json.detail).toEqual({});
    expect(typeof result.json.message).toBe("string");
  });

  it("deletes an order with 204 and an empty body, after which it is gone", async () => {
    await call(server.url, "POST", "/v3/orders/", { body: { order_id: "bye" } });

    const deleted = await call(server.url, "DELETE", "/v3/orders/bye");
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect(deleted.headers.get("content-type")).toBeNull();
    checker.expectConforms("delete_order", deleted);
    expect(server.orders.has("bye")).toBe(false);

    const fetched = await call(server.url, "GET", "/v3/orders/bye");
    expect(fetched.status).toBe(404);
    const again = await call(server.url, "DELETE", "/v3/orders/bye");
    expect(again.status).toBe(404);
    checker.expectConforms("delete_order", again);
  });
});

describe("GET /v3/orders/", () => {
  async function createNamed(...names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) {
      const result = await call(server.url, "POST", "/v3/orders/", { body: { name } });
      ids.push(result.json.order_id);
    }
    return ids;
  }

  it("lists orders newest first, one page at a time", async () => {
    const ids = await createNamed("first", "second", "third");

    const page1 = await call(server.url, "GET", "/v3/orders/?per_page=2");
    expect(page1.status).toBe(200);
    checker.expectConforms("list_orders", page1);
    expect(page1.json.orders.map((o: { order_id: string }) => o.order_id)).toEqual([
      ids[2],
      ids[1],
    ]);
    expect(page1.json.pagination.per_page).toBe(2);
    expect(typeof page1.json.pagination.next_offset).toBe("string");

    const page2 = await call(
      server.url,
      "GET",
      `/v3/orders/?per_page=2&offset=${encodeURIComponent(page1.json.pagination.next_offset)}`,
    );
    expect(page2.status).toBe(200);
    checker.expectConforms("list_orders", page2);
    expect(page2.json.orders.map((o: { order_id: string }) => o.order_id)).toEqual([ids[0]]);
    expect(page2.json.pagination).not.toHaveProperty("next_offset");
  });

  it("pages by 5 by default, filters by name and sorts by name", async () => {
    await createNamed("Beach house", "attic", "Cabin", "beach hut", "Dune", "Elm", "Fjord");

    const all = await call(server.url, "GET", "/v3/orders/");
    expect(all.json.orders).toHaveLength(5);
    expect(all.json.pagination.per_page).toBe(5);

    const beach = await call(server.url, "GET", "/v3/orders/?q=BEACH&sort=name");
    checker.expectConforms("list_orders", beach);
    expect(beach.json.orders.map((o: { name: string }) => o.name)).toEqual([
      "Beach house",
      "beach hut",
    ]);

    const descending = await call(server.url, "GET", "/v3/orders/?sort=-name&per_page=3");
    expect(descending.json.orders.map((o: { name: string }) => o.name)).toEqual([
      "Fjord",
      "Elm",
      "Dune",
    ]);
  });

  it("refuses a query that violates the document with a 422 naming the parameter", async () => {
    const result = await call(server.url, "GET", "/v3/orders/?per_page=many&sort=size");
    expect(result.status).toBe(422);
    checker.expectConforms("list_orders", result);
    expect(Object.keys(result.json.detail.query).sort()).toEqual(["per_page", "sort"]);

    const tooMany = await call(server.url, "GET", "/v3/orders/?per_page=16");
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.detail.query.per_page).toEqual(["Must be less than or equal to 15."]);
  });

  it("ignores query parameters the operation does not declare, as APIFlask does", async () => {
    const result = await call(server.url, "GET", "/v3/orders/?cache_buster=1");
    expect(result.status).toBe(200);
    checker.expectConforms("list_orders", result);
  });
});

describe("operations the stand-in does not implement", () => {
  it("answers 501 with an HTTPError once the request is authenticated and valid", async () => {
    const result = await call(server.url, "GET", "/v3/brackets/some-bracket");
    expect(result.status).toBe(501);
    checker.expectSchema("HTTPError", result.json);
    expect(result.json.message).toContain("does not implement");
    expect(result.json.message).toContain("GET /v3/brackets/{id}");
  });

  it("still validates them first", async () => {
    const result = await call(server.url, "POST", "/v3/images/", { body: {} });
    expect(result.status).toBe(422);
    checker.expectConforms("create_image", result);
    expect(Object.keys(result.json.detail.json).length).toBeGreaterThan(0);
  });

  it("routes operations that have no operationId in the document", async () => {
    const result = await call(server.url, "GET", "/v3/orders/abc/brackets");
    expect(result.status).toBe(501);
    expect(result.json.message).toContain("/v3/orders/{order_id}/brackets");
  });
});

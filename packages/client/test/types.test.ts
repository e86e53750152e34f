/**
 * The public types. `tsc -p .` (the package's `typecheck` script) checks this file, so every
 * `@ts-expect-error` below must keep erroring; at run time the checks are no-ops, and the calls
 * sit in functions that never run.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  ApiError,
  Autoenhance,
  AutoenhanceError,
  ValidationError,
  type ClientOptions,
  type FieldErrors,
  type ImageSortOrder,
  type LogLevel,
  type Order,
  type OrderInput,
  type RetryEvent,
} from "../src/index.js";

declare const client: Autoenhance;

describe("the public types", () => {
  it("type orders.create's input and result", () => {
    type Orders = Autoenhance["orders"];
    expectTypeOf<Orders["create"]>().parameter(0).toEqualTypeOf<OrderInput | undefined>();
    expectTypeOf<Orders["create"]>().returns.resolves.toEqualTypeOf<Order>();
    expectTypeOf<Orders["retrieve"]>().returns.resolves.toEqualTypeOf<Order>();
    expectTypeOf<OrderInput>().toEqualTypeOf<{
      default_image_sort_order?: ImageSortOrder;
      name?: string;
      order_id?: string;
    }>();
    expectTypeOf<ImageSortOrder>().toEqualTypeOf<
      "name" | "-name" | "date_added" | "-date_added" | "custom"
    >();
    expectTypeOf<Order["order_id"]>().toEqualTypeOf<string>();
    expectTypeOf<Order["status"]>().toEqualTypeOf<string>();
    expectTypeOf<Order["name"]>().toEqualTypeOf<string | undefined>();
  });

  it("type the errors' facts", () => {
    expectTypeOf<AutoenhanceError["status"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<AutoenhanceError["outcomeUnknown"]>().toEqualTypeOf<boolean>();
    expectTypeOf<AutoenhanceError["requestId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ValidationError["fieldErrors"]>().toEqualTypeOf<FieldErrors>();
    expectTypeOf<ValidationError["messagesFor"]>().returns.toEqualTypeOf<string[]>();
    expectTypeOf<ValidationError>().toExtend<ApiError>();
  });

  it("type the options and the retry events", () => {
    expectTypeOf<ClientOptions["logLevel"]>().toEqualTypeOf<LogLevel | undefined>();
    expectTypeOf<RetryEvent>().toEqualTypeOf<{
      request: string;
      attempt: number;
      delayMs: number;
      reason: string;
    }>();
  });

  it("type the raw api client's reads as orders", () => {
    const read = () => client.api.GET("/v3/orders/{id}", { params: { path: { id: "o" } } });
    type Data = NonNullable<Awaited<ReturnType<typeof read>>["data"]>;
    // openapi-fetch maps the schema's types, so they are equivalent rather than identical.
    expectTypeOf<Data>().toExtend<Order>();
    expectTypeOf<Order>().toExtend<Data>();
  });
});

// Never called: each line must fail to compile for the reason given.
export async function mistakesThatMustNotCompile(): Promise<void> {
  // @ts-expect-error a misspelt field of the create input
  await client.orders.create({ nmae: "12 Elm St" });
  // @ts-expect-error a sort order the API does not know
  await client.orders.create({ default_image_sort_order: "newest" });
  // @ts-expect-error a name that is not a string
  await client.orders.create({ name: 42 });
  // @ts-expect-error an order_id that is not a string
  await client.orders.create({ order_id: 7 });

  const order = await client.orders.create({ name: "12 Elm St" });
  // @ts-expect-error a property that orders do not have
  void order.orderId;
  // @ts-expect-error status is read-only
  order.status = "done";

  // @ts-expect-error a call option of the wrong type
  await client.orders.create({}, { maxRetries: "2" });
  // @ts-expect-error a call option that does not exist
  await client.orders.create({}, { retries: 2 });
  // @ts-expect-error a log level that does not exist
  new Autoenhance({ apiKey: "k", baseUrl: "http://127.0.0.1:9", logLevel: "verbose" });
  // @ts-expect-error the path of the raw client must be one of the API's
  await client.api.GET("/v3/order/{id}", { params: { path: { id: "o" } } });
  // @ts-expect-error the raw client needs the path parameters
  await client.api.GET("/v3/orders/{id}");
}

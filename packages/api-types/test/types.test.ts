import { describe, expectTypeOf, it } from "vitest";
import type {
  HttpErrorBody,
  ImageSortOrder,
  Order,
  OrderInput,
  ValidationErrorBody,
  operations,
  paths,
} from "../src/index.js";
import { specVersion } from "../src/index.js";

describe("the generated types", () => {
  it("give the created order its id and status", () => {
    expectTypeOf<Order["order_id"]>().toEqualTypeOf<string>();
    expectTypeOf<Order["status"]>().toEqualTypeOf<string>();
    expectTypeOf<Order["name"]>().toEqualTypeOf<string | undefined>();
  });

  it("type the create-order 200 body as the order", () => {
    type Created = paths["/v3/orders/"]["post"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Created>().toEqualTypeOf<Order>();
    expectTypeOf<
      operations["create_order"]["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<Order>();
  });

  it("accept only the documented order input", () => {
    expectTypeOf<OrderInput>().toEqualTypeOf<{
      default_image_sort_order?: ImageSortOrder;
      name?: string;
      order_id?: string;
    }>();
    expectTypeOf<ImageSortOrder>().toEqualTypeOf<
      "name" | "-name" | "date_added" | "-date_added" | "custom"
    >();
    // @ts-expect-error an unknown sort order is not an ImageSortOrder
    const wrong: ImageSortOrder = "newest";
    void wrong;
  });

  it("spell validation errors as location -> field -> messages", () => {
    const body: ValidationErrorBody = {
      message: "Validation error",
      detail: { json: { name: ["Not a valid string."] } },
    };
    expectTypeOf(body.detail).toEqualTypeOf<
      { [location: string]: { [field: string]: string[] } } | undefined
    >();
    // @ts-expect-error messages are lists of strings
    const bad: ValidationErrorBody = { detail: { json: { name: "Not a list" } } };
    void bad;
  });

  it("keep the error body's message a string", () => {
    expectTypeOf<HttpErrorBody["message"]>().toEqualTypeOf<string | undefined>();
  });

  it("pin the spec version as a literal type", () => {
    expectTypeOf(specVersion).toBeString();
    expectTypeOf<string>().not.toEqualTypeOf<typeof specVersion>();
  });
});

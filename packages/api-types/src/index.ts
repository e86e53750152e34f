/**
 * Types for the Autoenhance.ai API, generated from its OpenAPI document.
 *
 * `paths`, `components` and `operations` are openapi-typescript's output, ready for openapi-fetch.
 * The aliases below name the schemas that most code touches.
 *
 * @packageDocumentation
 */
import type { components } from "./generated/schema.js";

export type { paths, components, operations } from "./generated/schema.js";
export { specVersion } from "./generated/spec-info.js";

type Schemas = components["schemas"];

/** An order as the API returns it, with its images and processing state. */
export type Order = Schemas["OrderOut"];

/** The body that creates or updates an order: `name`, `order_id`, `default_image_sort_order`. */
export type OrderInput = Schemas["OrderIn"];

/** How the images of an order are sorted; a leading `-` means descending. */
export type ImageSortOrder = NonNullable<OrderInput["default_image_sort_order"]>;

/** One page of orders, as `GET /v3/orders/` returns it. */
export type OrderList = Schemas["OrdersOut"];

/** An image as the API returns it. */
export type Image = Schemas["ImageOut"];

/** The error body the API sends for most failures (APIFlask's `HTTPError`): `message`, `detail`. */
export type HttpErrorBody = Schemas["HTTPError"];

/**
 * The body of a `422` (APIFlask's `ValidationError`). `detail` maps a request location
 * (`json`, `query`, ...) to field names to messages, for example
 * `{ json: { name: ["Not a valid string."] } }`.
 */
export type ValidationErrorBody = Schemas["ValidationError"];

/** The orders resource: `autoenhance.orders`. */
import type { Order, OrderInput, ValidationErrorBody } from "@autoenhance/api-types";
import {
  AutoenhanceError,
  ConflictError,
  InvalidResponseError,
  errorFromResponse,
  type ErrorFacts,
} from "./errors.js";
import type { ClientCore } from "./client.js";
import { randomOrderId } from "./order-id.js";
import type { RequestOptions } from "./options.js";
import type { AttemptRecord } from "./transport.js";

/** Options for {@link Orders.create}. */
export interface CreateOrderOptions extends RequestOptions {
  /**
   * Whether to choose a random `order_id` when `input` has none, so that retries cannot create
   * the order twice. Default: the client's `generateOrderIds` (`true`). With `false` and no
   * `order_id`, a create whose outcome is unknown (a timeout, a reset, a `5xx`) is not retried.
   */
  generateOrderId?: boolean;
}

/** Creates and reads orders. */
export class Orders {
  readonly #core: ClientCore;

  /** @internal Use `autoenhance.orders`. */
  constructor(core: ClientCore) {
    this.#core = core;
  }

  /**
   * Creates an order (`POST /v3/orders/`) and returns it.
   *
   * @remarks
   * Safe to retry. Unless told otherwise the client picks the `order_id` (a random UUID), so every
   * attempt of one call carries the same id. When a retry is refused because that id already
   * exists, an earlier attempt created the order: the client reads it back, checks that its
   * `name` and `default_image_sort_order` match this call, and returns it. The API does not
   * document how it refuses a repeated `order_id`; a `409`, or a `422` whose field errors name
   * `order_id`, is taken as that refusal.
   *
   * @example
   * ```ts
   * const order = await autoenhance.orders.create({ name: "12 Elm St" });
   * console.log(order.order_id, order.status); // "…", "waiting"
   * ```
   * @throws {ValidationError} when the API rejects the input (`422`).
   * @throws {AuthenticationError} when the API key is wrong (`401`).
   * @throws {ConflictError} when a given `order_id` belongs to another order.
   */
  async create(input: OrderInput = {}, options: CreateOrderOptions = {}): Promise<Order> {
    const generate = options.generateOrderId ?? this.#core.options.generateOrderIds;
    const body: OrderInput =
      input.order_id === undefined && generate ? { ...input, order_id: randomOrderId() } : input;
    const idempotent = body.order_id !== undefined;
    const record: AttemptRecord = { attempts: 0, uncertain: false };

    const { data, error, response } = await this.#core.api.POST("/v3/orders/", {
      body,
      signal: options.signal,
      fetch: this.#core.transport(options, { idempotent }, record),
    });

    if (response.ok) {
      if (data !== undefined) return data;
      // An empty success body: the order exists, and when its id is known it can be read.
      if (body.order_id !== undefined) return this.retrieve(body.order_id, options);
      throw new InvalidResponseError(
        `Creating an order answered ${response.status} with an empty body; the order may exist.`,
        { status: response.status, headers: response.headers, outcomeUnknown: true },
      );
    }

    if (record.uncertain && addressable(body.order_id) && refusesRepeatedId(response, error)) {
      return this.#recover(body, body.order_id, options);
    }
    throw errorFromResponse(response, error, {
      what: "Creating an order",
      // An earlier attempt may have created the order even when this answer says nothing of it.
      outcomeUnknown: record.uncertain || (!idempotent && response.status >= 500),
    });
  }

  /**
   * Reads one order with its images (`GET /v3/orders/{id}`).
   *
   * @throws {NotFoundError} when no order has this id.
   */
  async retrieve(orderId: string, options: RequestOptions = {}): Promise<Order> {
    if (!addressable(orderId)) {
      // `/v3/orders/` + "" or "." is the list of orders, and ".." goes one level up.
      throw new TypeError(`Cannot read order ${JSON.stringify(orderId)}: no URL path names it.`);
    }
    const { data, error, response } = await this.#core.api.GET("/v3/orders/{id}", {
      params: { path: { id: orderId } },
      signal: options.signal,
      fetch: this.#core.transport(options, {}),
    });
    if (data !== undefined) return data;
    if (response.ok) {
      throw new InvalidResponseError(
        `Reading order ${orderId} answered ${response.status} with an empty body.`,
        {
          status: response.status,
          headers: response.headers,
        },
      );
    }
    throw errorFromResponse(response, error, { what: `Reading order ${orderId}` });
  }

  // An earlier attempt of this call may have created the order: read it and make sure it is ours.
  async #recover(body: OrderInput, orderId: string, options: RequestOptions): Promise<Order> {
    let order: Order;
    try {
      order = await this.retrieve(orderId, options);
    } catch (error) {
      throw outcomeUnknown(error, orderId);
    }
    const mismatched = (["name", "default_image_sort_order"] as const).filter(
      (field) => body[field] !== undefined && body[field] !== order[field],
    );
    if (mismatched.length > 0) {
      throw new ConflictError(
        `Order ${orderId} already exists but its ${mismatched.join(" and ")} differ from this request; ` +
          "choose another order_id.",
        { status: 409, body: order },
      );
    }
    this.#core.log.info(`order ${orderId} was created by an earlier attempt; returning it`);
    return order;
  }
}

/** The error of a failed read-back, saying that an earlier attempt may have created the order. */
function outcomeUnknown(error: unknown, orderId: string): unknown {
  if (!(error instanceof AutoenhanceError) || error.outcomeUnknown) return error;
  const Class = error.constructor as new (message: string, facts: ErrorFacts) => AutoenhanceError;
  return new Class(
    `${error.message} An earlier attempt may have created order ${orderId}: check before repeating it.`,
    {
      status: error.status,
      body: error.body,
      headers: error.headers,
      requestId: error.requestId,
      outcomeUnknown: true,
      cause: error,
    },
  );
}

/** True for an order id that `GET /v3/orders/{id}` can name: not empty and not a dot segment. */
function addressable(orderId: string | undefined): orderId is string {
  return typeof orderId === "string" && orderId !== "" && orderId !== "." && orderId !== "..";
}

/** How the API is taken to refuse a repeated `order_id` (it is not documented). */
function refusesRepeatedId(response: Response, error: unknown): boolean {
  if (response.status === 409) return true;
  const detail = (error as ValidationErrorBody | undefined)?.detail;
  return response.status === 422 && detail?.json?.order_id !== undefined;
}

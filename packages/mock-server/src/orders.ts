/**
 * The operations the stand-in implements: creating, reading, deleting and listing orders, in the
 * instance's memory. Everything that reaches them has passed routing, authentication and schema
 * validation; they check only what the document cannot express.
 */
import { randomUUID } from "node:crypto";
import type { Order, OrderInput } from "@autoenhance/api-types";
import type { ExchangeHandler } from "./engine.js";
import { fieldError, httpError } from "./reply.js";
import { firstString } from "./request.js";

const DEFAULT_PER_PAGE = 5;
const DUPLICATE_ORDER_MESSAGE = "An order with this order_id already exists.";

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-insensitive, then by code unit: the same order on every machine, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b);
}

const createOrder: ExchangeHandler = (context, { state }) => {
  const input = (context.request.requestBody ?? {}) as OrderInput;
  if (input.order_id === "") {
    return fieldError("json", "order_id", "Shorter than minimum length 1.");
  }
  const orderId = input.order_id ?? randomUUID();
  if (state.orders.has(orderId)) {
    return state.duplicateOrderStatus === 409
      ? { status: 409, body: httpError(DUPLICATE_ORDER_MESSAGE) }
      : fieldError("json", "order_id", DUPLICATE_ORDER_MESSAGE);
  }
  const now = new Date().toISOString();
  const order: Order = {
    order_id: orderId,
    ...(input.name !== undefined && { name: input.name }),
    images: [],
    status: "waiting",
    is_deleted: false,
    is_merging: false,
    is_processing: false,
    created_at: now,
    last_updated_at: now,
    total_images: 0,
    ...(input.default_image_sort_order !== undefined && {
      default_image_sort_order: input.default_image_sort_order,
    }),
  };
  state.orders.set(orderId, order);
  return { status: 200, body: structuredClone(order) };
};

const retrieveOrder: ExchangeHandler = (context, { state }) => {
  const order = state.orders.get(String(context.request.params.id));
  return order
    ? { status: 200, body: structuredClone(order) }
    : { status: 404, body: httpError("Order not found.") };
};

const deleteOrder: ExchangeHandler = (context, { state }) => {
  const deleted = state.orders.delete(String(context.request.params.id));
  return deleted ? { status: 204 } : { status: 404, body: httpError("Order not found.") };
};

const listOrders: ExchangeHandler = (context, { state }) => {
  const query = context.request.query as Record<string, unknown>;
  const search = firstString(query.q)?.toLowerCase();
  const sort = firstString(query.sort) ?? "-date";
  const rawPerPage = Array.isArray(query.per_page) ? query.per_page[0] : query.per_page;
  const perPage = rawPerPage === undefined ? DEFAULT_PER_PAGE : Number(rawPerPage);
  if (!Number.isInteger(perPage) || perPage < 1) {
    return fieldError("query", "per_page", "Must be greater than or equal to 1.");
  }
  const offset = firstString(query.offset) ?? "";
  if (offset !== "" && !/^\d+$/.test(offset)) {
    return fieldError("query", "offset", "Not a valid page token.");
  }
  const start = offset === "" ? 0 : Number(offset);

  const descending = sort.startsWith("-");
  const key = sort.replace(/^-/, "");
  const matching = [...state.orders.values()]
    .map((order, index) => ({ order, index }))
    .filter(({ order }) => !search || (order.name ?? "").toLowerCase().includes(search))
    .sort((a, b) => {
      const primary =
        key === "name"
          ? compareText(a.order.name ?? "", b.order.name ?? "")
          : compareCodeUnits(a.order.created_at ?? "", b.order.created_at ?? "");
      // Equal keys keep creation order, so "-date" lists the newest first even within a millisecond.
      const order = primary !== 0 ? primary : a.index - b.index;
      return descending ? -order : order;
    });
  const page = matching.slice(start, start + perPage).map(({ order }) => structuredClone(order));
  const next = start + perPage;
  return {
    status: 200,
    body: {
      orders: page,
      // The document types next_offset as a string that is not nullable: the last page omits it.
      pagination: {
        per_page: perPage,
        ...(next < matching.length && { next_offset: String(next) }),
      },
    },
  };
};

/** The operations the stand-in implements, by operationId. */
export const OPERATIONS: Record<string, ExchangeHandler> = {
  create_order: createOrder,
  retrieve_order: retrieveOrder,
  delete_order: deleteOrder,
  list_orders: listOrders,
};

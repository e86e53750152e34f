/** The one order every contender sends and every stand-in answers, so all do the same work. */
import type { Order, OrderInput } from "@autoenhance/client";

/** The API key the contenders send; nothing checks it. */
export const API_KEY = "bench-api-key";

/** What each call creates. */
export const ORDER_INPUT: OrderInput = { name: "12 Elm St" };

/** A realistic `201` body for `POST /v3/orders/`: an empty new order. */
export const ORDER: Order = {
  order_id: "3f0c3a52-4e0e-4a43-9d7c-2c1f7b0d1a9e",
  name: "12 Elm St",
  status: "waiting",
  created_at: "2025-01-01T12:00:00Z",
  last_updated_at: "2025-01-01T12:00:00Z",
  default_image_sort_order: "date_added",
  images: [],
  is_deleted: false,
  is_merging: false,
  is_processing: false,
  total_images: 0,
};

/** {@link ORDER} as the bytes on the wire. */
export const ORDER_JSON = JSON.stringify(ORDER);

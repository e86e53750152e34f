/**
 * The three ways of creating an order that the overhead benchmark compares. Each sends the same
 * `POST /v3/orders/` with the same key and body, and parses the JSON answer.
 */
import { Autoenhance, type paths } from "@autoenhance/client";
import createClient from "openapi-fetch";
import { API_KEY, ORDER_INPUT } from "./order-fixture.js";
import type { Contender } from "./rounds.js";

/** What the hand-written call is called in every table: the reference the others are put against. */
export const HAND_WRITTEN = "fetch";
/** The bare openapi-fetch client. */
export const BARE = "openapi-fetch";
/** The wrapper under test. */
export const WRAPPER = "orders.create";

/** The contenders, all sending through `fetchImpl` to `baseUrl`. */
export function createContenders(baseUrl: string, fetchImpl: typeof fetch): Contender[] {
  const url = `${baseUrl}/v3/orders/`;
  const bare = createClient<paths>({
    baseUrl,
    fetch: fetchImpl,
    headers: { "x-api-key": API_KEY },
  });
  // Retries and the timeout stay on (defaults): they are what the wrapper costs in real use.
  const autoenhance = new Autoenhance({ apiKey: API_KEY, baseUrl, fetch: fetchImpl });

  return [
    {
      name: HAND_WRITTEN,
      call: async () => {
        const response = await fetchImpl(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": API_KEY },
          body: JSON.stringify(ORDER_INPUT),
        });
        if (!response.ok) throw new Error(`fetch answered ${response.status}`);
        return response.json();
      },
    },
    {
      name: BARE,
      call: async () => {
        const { data, response } = await bare.POST("/v3/orders/", { body: ORDER_INPUT });
        if (data === undefined) throw new Error(`openapi-fetch answered ${response.status}`);
        return data;
      },
    },
    { name: WRAPPER, call: () => autoenhance.orders.create(ORDER_INPUT) },
  ];
}

/**
 * Per-call overhead: `orders.create` against a hand-written `fetch` and bare openapi-fetch, once
 * with a `fetch` that answers at once (the client's own cost) and once over real HTTP to a local
 * server (what a caller notices).
 */
import { BARE, HAND_WRITTEN, WRAPPER, createContenders } from "./contenders.js";
import { ORDER, ORDER_JSON } from "./order-fixture.js";
import { startOrderServer } from "./order-server.js";
import {
  interleave,
  type Clock,
  type Contender,
  type RoundsFigures,
  type RoundsPlan,
} from "./rounds.js";

/** The goals the issue sets; reported, never enforced (a benchmark is not a test). */
export const GOALS = {
  /** `orders.create` time / bare openapi-fetch time, with the stub. */
  stubVsBare: 1.1,
  /** `orders.create` time / hand-written fetch time, over HTTP. */
  httpVsFetch: 1.03,
} as const;

/** The figures of one setting, and whether the goal was met. */
export interface OverheadSetting {
  figures: RoundsFigures;
  goal: { compared: [string, string]; clock: Clock; ratio: number; limit: number; met: boolean };
}

/** Both settings. */
export interface OverheadFigures {
  stub: OverheadSetting;
  http: OverheadSetting;
}

const STUB_PLAN: RoundsPlan = {
  warmupMs: 1_500,
  batchMs: 5,
  rounds: 400,
  minRounds: 20,
  budgetMs: 8_000,
  maxBatch: 20_000,
};

const HTTP_PLAN: RoundsPlan = {
  warmupMs: 1_500,
  batchMs: 10,
  rounds: 300,
  minRounds: 20,
  budgetMs: 10_000,
  maxBatch: 2_000,
};

// Never contacted: the stub answers first. Loopback all the same, so no default host is in play.
const STUB_BASE_URL = "http://127.0.0.1:9";

/** A `fetch` that answers at once, as the issue specifies: only the client's own work is left. */
const stubFetch: typeof fetch = async () =>
  new Response(ORDER_JSON, { status: 200, headers: { "content-type": "application/json" } });

/** Runs both settings. */
export async function measureOverhead(): Promise<OverheadFigures> {
  // With the stub all work is this process's own, so CPU time measures it with the least noise;
  // over HTTP the caller waits on the network and the server too, so the wall clock is the figure.
  const stubbed = createContenders(STUB_BASE_URL, stubFetch);
  const stub = await measure(stubbed, STUB_PLAN, [WRAPPER, BARE], "cpu");
  const server = await startOrderServer();
  try {
    const contenders = createContenders(server.url, globalThis.fetch);
    const http = await measure(contenders, HTTP_PLAN, [WRAPPER, HAND_WRITTEN], "wall");
    return { stub, http };
  } finally {
    await server.close();
  }
}

async function measure(
  contenders: Contender[],
  plan: RoundsPlan,
  compared: [string, string],
  clock: Clock,
): Promise<OverheadSetting> {
  // A contender that does not get the order back is measuring something else.
  for (const c of contenders) {
    const order = (await c.call()) as { order_id?: unknown };
    if (order.order_id !== ORDER.order_id) throw new Error(`${c.name} did not return the order`);
  }
  const figures = await interleave(contenders, HAND_WRITTEN, plan);
  const limit = compared[1] === BARE ? GOALS.stubVsBare : GOALS.httpVsFetch;
  const ratio = figures.ratio(compared[0], compared[1], clock);
  return { figures, goal: { compared, clock, ratio, limit, met: ratio <= limit } };
}

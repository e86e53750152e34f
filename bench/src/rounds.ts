/**
 * Interleaved timing. Every contender runs one batch per round, in an order that rotates from
 * round to round (ABC, BCA, CAB, ...), so a burst of noise from other processes on the machine
 * lands on all contenders alike instead of on whichever happened to run during it. Figures are
 * medians over rounds, and ratios are taken within a round before the median, which cancels
 * slow drifts in machine speed.
 *
 * Each batch is timed twice: by the wall clock, which is what a caller waits, and by this
 * process's CPU time, which is what the client itself costs and which a busy machine disturbs far
 * less (time spent descheduled is not counted).
 */
import { median, range } from "./stats.js";

/** One way of making the same call. */
export interface Contender {
  readonly name: string;
  readonly call: () => Promise<unknown>;
}

/** How long and how often to measure. */
export interface RoundsPlan {
  /** Time spent calling every contender before measuring, so the JIT has settled. */
  warmupMs: number;
  /** How long one batch of one contender should take; sets the batch's number of calls. */
  batchMs: number;
  /** Rounds wanted. */
  rounds: number;
  /** Rounds kept even when the time budget runs out, so a median still means something. */
  minRounds: number;
  /** The measured rounds stop once this much time has passed (after `minRounds`). */
  budgetMs: number;
  /** No batch exceeds this many calls, which bounds the requests sent whatever the speed. */
  maxBatch: number;
}

/** Which clock a figure comes from. */
export type Clock = "wall" | "cpu";

/** What one contender measured. */
export interface ContenderFigures {
  name: string;
  /** Median calls per second over the rounds, by the wall clock. */
  opsPerSec: number;
  /** Median microseconds per call, by each clock. */
  usPerCall: Record<Clock, number>;
  /** Fastest and slowest round by the wall clock, in microseconds per call. */
  wallRange: { min: number; max: number };
  /** Median over rounds of this contender's time per call divided by the reference's. */
  ratioToReference: Record<Clock, number>;
  /** Calls made while measuring (warm-up excluded). */
  calls: number;
}

/** What a whole interleaved run measured. */
export interface RoundsFigures {
  reference: string;
  rounds: number;
  contenders: ContenderFigures[];
  /** Median per-round ratio of two contenders' time per call: a's time / b's time. */
  ratio(a: string, b: string, clock: Clock): number;
}

interface BatchTime {
  wall: number;
  cpu: number;
}

// Collecting before each round keeps one round's garbage out of the next; the rotation shares
// out the advantage of running first after a collection.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Microseconds per call, by both clocks. */
async function timeBatch(call: () => Promise<unknown>, calls: number): Promise<BatchTime> {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await call();
  const wall = Number(process.hrtime.bigint() - wall0) / 1e3;
  const cpu = process.cpuUsage(cpu0);
  return { wall: wall / calls, cpu: (cpu.user + cpu.system) / calls };
}

/**
 * Measures `contenders` in interleaved rounds and compares each with `reference`.
 *
 * @throws whatever a call throws: a contender that fails is a broken benchmark, not a figure.
 */
export async function interleave(
  contenders: readonly Contender[],
  reference: string,
  plan: RoundsPlan,
): Promise<RoundsFigures> {
  if (!contenders.some((c) => c.name === reference)) throw new Error(`no contender ${reference}`);

  // Warm-up doubles as calibration: the last warm-up batch says how many calls fill batchMs.
  const batch = new Map<string, number>(contenders.map((c) => [c.name, 10]));
  const warmupEnd = performance.now() + plan.warmupMs;
  do {
    for (const c of contenders) {
      const { wall } = await timeBatch(c.call, batch.get(c.name)!);
      const fit = Math.round((plan.batchMs * 1e3) / wall);
      batch.set(c.name, Math.max(10, Math.min(plan.maxBatch, fit)));
    }
  } while (performance.now() < warmupEnd);

  const times = new Map<string, BatchTime[]>(contenders.map((c) => [c.name, []]));
  const deadline = performance.now() + plan.budgetMs;
  let rounds = 0;
  while (rounds < plan.rounds && (rounds < plan.minRounds || performance.now() < deadline)) {
    collect();
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(rounds + i) % contenders.length]!;
      times.get(c.name)!.push(await timeBatch(c.call, batch.get(c.name)!));
    }
    rounds++;
  }

  const series = (name: string, clock: Clock) => times.get(name)!.map((t) => t[clock]);
  const ratio = (a: string, b: string, clock: Clock) => {
    const bs = series(b, clock);
    return median(series(a, clock).map((t, i) => t / bs[i]!));
  };
  return {
    reference,
    rounds,
    ratio,
    contenders: contenders.map(({ name }) => {
      const wall = median(series(name, "wall"));
      return {
        name,
        opsPerSec: 1e6 / wall,
        usPerCall: { wall, cpu: median(series(name, "cpu")) },
        wallRange: range(series(name, "wall")),
        ratioToReference: {
          wall: ratio(name, reference, "wall"),
          cpu: ratio(name, reference, "cpu"),
        },
        calls: rounds * batch.get(name)!,
      };
    }),
  };
}

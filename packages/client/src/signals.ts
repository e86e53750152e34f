/** Small helpers around `AbortSignal` that clean up after themselves. */

/** Why an attempt's own controller was aborted. */
export type AbortCause = "timeout" | "caller";

/**
 * A signal for one attempt: fires when `timeoutMs` passes or the caller's signal fires. Call
 * `release()` once the attempt is over so that neither the timer nor the listener outlives it.
 */
export function attemptSignal(timeoutMs: number, caller: AbortSignal | undefined) {
  const controller = new AbortController();
  let cause: AbortCause | undefined;

  const onCallerAbort = () => {
    cause ??= "caller";
    controller.abort(caller?.reason);
  };
  const timer = setTimeout(() => {
    cause ??= "timeout";
    controller.abort(new Error(`attempt timed out after ${timeoutMs} ms`));
  }, timeoutMs);

  caller?.addEventListener("abort", onCallerAbort, { once: true });
  if (caller?.aborted) onCallerAbort();

  return {
    signal: controller.signal,
    cause: () => cause,
    release() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/** Waits `ms`, or rejects with the signal's reason as soon as it fires. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);

    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

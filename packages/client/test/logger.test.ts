import { describe, expect, it } from "vitest";
import { levelledLogger } from "../src/logger.js";
import { errorFromResponse } from "../src/errors.js";

/** A console-like logger that records every call's arguments. */
function recordingConsole() {
  const calls: unknown[][] = [];
  const record = (...args: unknown[]) => calls.push(args);
  return { calls, logger: { error: record, warn: record, info: record, debug: record } };
}

describe("the levelled logger", () => {
  it("passes no second argument when a line has no fields, as console would print it", () => {
    const { calls, logger } = recordingConsole();
    levelledLogger(logger, "debug", "secret-key").info("order created");
    expect(calls).toEqual([["[autoenhance] order created"]]);
  });

  it("passes fields, redacted, when there are some", () => {
    const { calls, logger } = recordingConsole();
    levelledLogger(logger, "debug", "secret-key").warn("retrying", { key: "secret-key" });
    expect(calls).toEqual([["[autoenhance] retrying", { key: "[redacted]" }]]);
  });

  it("drops what is below its level", () => {
    const { calls, logger } = recordingConsole();
    const log = levelledLogger(logger, "warn", "secret-key");
    log.info("quiet");
    log.debug("quieter");
    log.error("loud");
    expect(calls).toEqual([["[autoenhance] loud"]]);
  });
});

describe("error messages", () => {
  it("do not double the full stop that ends the server's message", () => {
    const response = new Response(null, { status: 401 });
    const error = errorFromResponse(
      response,
      { message: "Invalid API key." },
      { what: "Creating an order" },
    );
    expect(error.message).toBe("Creating an order failed with 401: Invalid API key.");
  });
});

/**
 * Optional, levelled logging. The client never writes to the console by itself: pass a `logger`
 * (the `console` object works) and a `logLevel` to see requests, retries and failures.
 */

/** How much to log, from nothing to every request. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with these four methods, such as `console`, pino or winston. */
export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/**
 * Wraps `logger` so that only messages at `level` or above reach it, and so that the API key can
 * never reach it, whatever a message or field happens to contain.
 */
export function levelledLogger(
  logger: Logger | undefined,
  level: LogLevel,
  secret: string,
): Logger {
  const emit =
    (method: Exclude<LogLevel, "off">) => (message: string, fields?: Record<string, unknown>) => {
      if (!logger || RANK[method] > RANK[level]) return;
      const line = `[autoenhance] ${redact(message, secret)}`;
      // No second argument without fields: `console` would print it as "undefined".
      if (fields) logger[method](line, redactFields(fields, secret));
      else logger[method](line);
    };
  return { error: emit("error"), warn: emit("warn"), info: emit("info"), debug: emit("debug") };
}

/** Replaces every occurrence of `secret` in `text`. */
export function redact(text: string, secret: string): string {
  return secret && text.includes(secret) ? text.split(secret).join("[redacted]") : text;
}

function redactFields(fields: Record<string, unknown>, secret: string): Record<string, unknown> {
  return JSON.parse(redact(JSON.stringify(fields), secret)) as Record<string, unknown>;
}

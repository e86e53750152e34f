/** The API key never appears in an error or a log line, whatever goes wrong. */
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { Autoenhance, AutoenhanceError } from "../src/index.js";
import { levelledLogger } from "../src/logger.js";
import {
  API_KEY,
  capturingLogger,
  closedPort,
  closeServers,
  rejectionOf,
  sendJson,
  startServer,
} from "./helpers.js";

afterEach(closeServers);

/** Every way an error can be turned into text. */
function renderings(error: unknown): Record<string, string> {
  const e = error as Error;
  return {
    message: e.message,
    string: String(e),
    json: JSON.stringify(e),
    stack: e.stack ?? "",
    inspect: inspect(e, { depth: 20, showHidden: true, getters: true }),
  };
}

function expectNoKey(error: unknown, lines: { message: string; fields: unknown }[]) {
  expect(error).toBeInstanceOf(AutoenhanceError);
  for (const [how, text] of Object.entries(renderings(error))) {
    expect(text, `the key leaked through ${how}`).not.toContain(API_KEY);
  }
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line.message).not.toContain(API_KEY);
    expect(JSON.stringify(line.fields ?? {})).not.toContain(API_KEY);
  }
}

function client(baseUrl: string) {
  const { logger, lines } = capturingLogger();
  const autoenhance = new Autoenhance({
    apiKey: API_KEY,
    baseUrl,
    logger,
    logLevel: "debug",
    timeoutMs: 200,
    maxRetries: 1,
    retryBackoff: { initialDelayMs: 1, maxDelayMs: 5 },
  });
  return { autoenhance, lines };
}

describe("the API key stays out of errors and logs", () => {
  it("when the server echoes the key back in its body and headers", async () => {
    const server = await startServer((request, res) => {
      const key = String(request.headers["x-api-key"]);
      res.setHeader("x-echo", `you sent ${key}`);
      sendJson(res, 401, { message: `unknown key ${key}`, detail: { key } });
    });
    const { autoenhance, lines } = client(server.url);
    const error = await rejectionOf(autoenhance.orders.create({ name: "x" }));

    expectNoKey(error, lines);
    const { body, headers } = error as AutoenhanceError;
    expect(JSON.stringify(body)).toContain("[redacted]");
    expect(headers?.get("x-echo")).toBe("you sent [redacted]");
  });

  it("when the server answers 401", async () => {
    const server = await startServer((_, res) => sendJson(res, 401, { message: "bad key" }));
    const { autoenhance, lines } = client(server.url);
    const error = await rejectionOf(autoenhance.orders.create({ name: "x" }));

    expect((error as AutoenhanceError).status).toBe(401);
    expectNoKey(error, lines);
  });

  it("in log lines even when the server echoes the key back", async () => {
    // The error itself carries what the server sent (its message, body and headers) unchanged.
    const server = await startServer((request, res) => {
      const key = String(request.headers["x-api-key"]);
      sendJson(res, 503, { message: `key ${key} is busy` }, { "x-echo": key });
    });
    const { autoenhance, lines } = client(server.url);
    const error = await rejectionOf(autoenhance.orders.create({ name: "x" }));

    expect((error as AutoenhanceError).message).toContain("is busy");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.message).not.toContain(API_KEY);
  });

  it("in whatever a log line or its fields would contain", () => {
    const { logger, lines } = capturingLogger();
    const log = levelledLogger(logger, "debug", API_KEY);
    log.warn(`sent ${API_KEY} twice: ${API_KEY}`, { headers: { "x-api-key": API_KEY } });

    expect(lines).toEqual([
      {
        level: "warn",
        message: "[autoenhance] sent [redacted] twice: [redacted]",
        fields: { headers: { "x-api-key": "[redacted]" } },
      },
    ]);
  });

  it("when every attempt times out", async () => {
    const server = await startServer(() => {
      // Never answers.
    });
    const { autoenhance, lines } = client(server.url);
    const error = await rejectionOf(autoenhance.orders.create({ name: "x" }));

    expect((error as Error).name).toBe("TimeoutError");
    expectNoKey(error, lines);
  });

  it("when the connection is refused", async () => {
    const { autoenhance, lines } = client(`http://127.0.0.1:${await closedPort()}`);
    const error = await rejectionOf(autoenhance.orders.create({ name: "x" }));

    expect((error as Error).name).toBe("ConnectionError");
    expectNoKey(error, lines);
  });

  it("when the caller aborts", async () => {
    const server = await startServer(() => {});
    const { autoenhance, lines } = client(server.url);
    const controller = new AbortController();
    const call = autoenhance.orders.create({ name: "x" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await rejectionOf(call);

    expect((error as Error).name).toBe("AbortError");
    expectNoKey(error, lines);
  });

  it("when a success answer is an HTML page", async () => {
    const server = await startServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Sign in</body></html>");
    });
    const { autoenhance, lines } = client(server.url);
    const error = await rejectionOf(autoenhance.orders.create({ name: "x" }));

    expect((error as Error).name).toBe("InvalidResponseError");
    expectNoKey(error, lines);
  });

  it("when the key cannot be sent as a header at all", () => {
    const key = `${API_KEY}\nsecond line`;
    let error: unknown;
    try {
      new Autoenhance({ apiKey: key, baseUrl: "http://127.0.0.1:9" });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/apiKey/);
    for (const text of Object.values(renderings(error))) expect(text).not.toContain(API_KEY);
  });

  it("while debug logging still records the request and the failure", async () => {
    const server = await startServer((_, res) => sendJson(res, 503, { message: "busy" }));
    const { autoenhance, lines } = client(server.url);
    await rejectionOf(autoenhance.orders.create({ name: "x" }));

    const messages = lines.map((line) => `${line.level}: ${line.message}`);
    expect(messages).toContain("debug: [autoenhance] POST /v3/orders/: attempt 1");
    expect(messages.some((m) => m.startsWith("warn:") && m.includes("503"))).toBe(true);
    expect(messages.join("\n")).not.toContain(API_KEY);
  });
});

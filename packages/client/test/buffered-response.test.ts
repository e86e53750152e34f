import { describe, expect, it } from "vitest";
import { BufferedResponse } from "../src/buffered-response.js";

const init = {
  status: 201,
  statusText: "Created",
  headers: { "content-type": "application/json" },
};

describe("a buffered response", () => {
  it("answers every body method from the text it holds", async () => {
    const response = new BufferedResponse('{"a":1}', undefined, init);
    expect(await response.text()).toBe('{"a":1}');
    expect(await response.json()).toEqual({ a: 1 });
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe('{"a":1}');
    expect(await (await response.blob()).text()).toBe('{"a":1}');
    expect((await response.blob()).type).toBe("application/json");
    expect(await new Response(response.body).text()).toBe('{"a":1}');
  });

  it("returns the value parsed already instead of parsing again", async () => {
    const parsed = { value: { already: "parsed" } };
    expect(await new BufferedResponse("ignored", parsed, init).json()).toBe(parsed.value);
  });

  it("rejects json() for text that is not JSON, as a Response would", async () => {
    await expect(new BufferedResponse("<html>", undefined, init).json()).rejects.toThrow(
      SyntaxError,
    );
  });

  it("keeps status and headers, has no body when empty, and clones", async () => {
    const response = new BufferedResponse("", undefined, init);
    expect(response.status).toBe(201);
    expect(response.statusText).toBe("Created");
    expect(response.ok).toBe(true);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.body).toBeNull();

    const copy = new BufferedResponse("x", undefined, init).clone();
    expect(copy).toBeInstanceOf(BufferedResponse);
    expect(await copy.text()).toBe("x");
  });
});

/**
 * A response whose text body the transport has already read (inside the attempt's deadline).
 * Its body methods answer from memory, so openapi-fetch reads it without a second stream, and a
 * JSON body that was parsed to check it is not parsed again.
 */
export class BufferedResponse extends Response {
  readonly #text: string;
  readonly #json: { value: unknown } | undefined;

  constructor(text: string, json: { value: unknown } | undefined, init: ResponseInit) {
    super(null, init);
    this.#text = text;
    this.#json = json;
  }

  override get body(): Response["body"] {
    return this.#text === "" ? null : (new Blob([this.#text]).stream() as Response["body"]);
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  override json(): Promise<unknown> {
    return this.#json
      ? Promise.resolve(this.#json.value)
      : Promise.resolve().then(() => JSON.parse(this.#text));
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return new Blob([this.#text]).arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return Promise.resolve(
      new Blob([this.#text], { type: this.headers.get("content-type") ?? "" }),
    );
  }

  override clone(): BufferedResponse {
    const { status, statusText, headers } = this;
    return new BufferedResponse(this.#text, this.#json, { status, statusText, headers });
  }
}

/**
 * What openapi-fetch builds for the client's own resources instead of a `Request`: the same
 * fields, but no body stream to set up and read back. The transport sends it as
 * `fetch(url, init)`, once per attempt. The public `api` client keeps real `Request`s, so its
 * middleware sees what openapi-fetch documents.
 */
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  /** The caller's signal; none when the call was given none. */
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = (init.method ?? "GET").toUpperCase();
    this.headers = new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? undefined;
    this.redirect = init.redirect ?? "follow";
  }
}

/** `PlainRequest`, typed as the `Request` constructor that openapi-fetch accepts. */
export const PlainRequestConstructor = PlainRequest as unknown as typeof Request;

/**
 * A local stand-in for the Autoenhance.ai API, for tests and demos.
 *
 * It routes and validates every request against the API's OpenAPI document (with openapi-backend),
 * answers the order operations from memory and refuses everything else the way the real API
 * does: APIFlask-shaped `HTTPError` and `ValidationError` bodies, `401` without a valid
 * `x-api-key`. {@link createMockApi} is the transport-independent core; {@link startMockServer}
 * serves it on `127.0.0.1`.
 *
 * @packageDocumentation
 */
export {
  createMockApi,
  REDACTED,
  type MockApi,
  type MockApiOptions,
  type MockRequest,
  type MockResponse,
  type RecordedRequest,
} from "./api.js";
export { startMockServer, type MockServer, type MockServerOptions } from "./server.js";

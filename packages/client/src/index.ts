/**
 * The TypeScript client for the Autoenhance.ai API.
 *
 * @packageDocumentation
 */
export { Autoenhance, type AutoenhanceApi } from "./client.js";
export { Orders, type CreateOrderOptions } from "./orders.js";
export type { ClientOptions, RequestOptions } from "./options.js";
export type { Logger, LogLevel } from "./logger.js";
export type { RetryBackoff } from "./retry.js";
export type { RetryEvent } from "./transport.js";
export {
  AutoenhanceError,
  ApiError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  ValidationError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
  InvalidResponseError,
  type ErrorFacts,
  type FieldErrors,
} from "./errors.js";
export type {
  Order,
  OrderInput,
  ImageSortOrder,
  HttpErrorBody,
  ValidationErrorBody,
  paths,
  components,
  operations,
} from "@autoenhance/api-types";

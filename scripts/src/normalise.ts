/**
 * A JSON value as `JSON.parse` produces it.
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Returns a deep copy of `value` whose objects list their keys in sorted order at every depth.
 *
 * Arrays keep their order because in OpenAPI it carries meaning (parameter order, `enum` order,
 * `allOf` members). Keys are compared by UTF-16 code unit, not by locale, so the result is the
 * same on every machine.
 *
 * @param value - Any JSON value.
 * @returns The same value with recursively sorted object keys.
 */
export function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  // A null prototype lets a document key such as "__proto__" stay an ordinary property instead
  // of replacing the copy's prototype.
  const sorted: { [key: string]: JsonValue } = Object.create(null);
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys(value[key] as JsonValue);
  }
  return sorted;
}

/**
 * Serialises an OpenAPI (or any JSON) document in the snapshot's canonical form: recursively
 * sorted object keys, 2-space indentation and a trailing newline.
 *
 * The same document always yields the same bytes whatever order the vendor emitted its keys
 * in, so a re-pull only shows up in a diff when the content changed.
 *
 * @param doc - A parsed JSON document.
 * @returns The canonical text, ready to write.
 */
export function normaliseDocument(doc: unknown): string {
  return `${JSON.stringify(sortKeys(doc as JsonValue), null, 2)}\n`;
}

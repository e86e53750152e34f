/** Sizes of a piece of JavaScript as it travels: minified, gzip and brotli. */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Bytes, each way. */
export interface Sizes {
  minified: number;
  gzip: number;
  brotli: number;
}

/** The same settings as size-limit's file plugin (gzip level 9, brotli quality 11), so they agree. */
export function sizesOf(code: Uint8Array): Sizes {
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).byteLength,
  };
}

/**
 * A statement file's bytes, whole or read as they are needed. A workbook, MT940, CAMT and a
 * preview take them all; a CSV's import reads them a few megabytes at a time, so the CLI, which
 * reads the file from disk that way, never holds the bytes of a million-row statement at once.
 */
export interface ByteSource {
  readonly size: number;
  /** The first `n` bytes (all of them when the file is shorter). */
  head(n: number): Uint8Array;
  /** Every byte, as one array. */
  all(): Uint8Array;
  /**
   * Every byte in order, `chunkBytes` at a time. A chunk is valid until the next is asked for (a
   * source may read each into the same buffer; every reader here is tested for that).
   */
  chunks(chunkBytes: number): Iterable<Uint8Array>;
  /** The host's own check of well-formed UTF-8, when it has a faster one than isUtf8's. */
  isUtf8?: (bytes: Uint8Array) => boolean;
}

/** Bytes already in memory (the app's worker receives the file whole). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    head: (n) => bytes.subarray(0, n),
    all: () => bytes,
    *chunks(chunkBytes) {
      for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
    },
  };
}

/** The source of either form the import accepts. */
export function byteSourceOf(input: Uint8Array | ByteSource): ByteSource {
  return input instanceof Uint8Array ? bytesSource(input) : input;
}

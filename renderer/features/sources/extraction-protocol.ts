/**
 * Messages between the import worker and its extraction worker. The first message hands the
 * extraction worker a MessagePort; requests and answers then go through that port, because a
 * port's messages reach the other thread even while the sending worker runs without pause —
 * Chromium delivers `worker.postMessage` from a worker to its own worker only when the sender
 * yields, which would hold every batch back until all rows were read.
 */
export interface ExtractStart {
  port: MessagePort;
}

export interface ExtractRequest {
  id: number;
  texts: string[];
}

export type ExtractAnswer =
  | { id: number; counts: Int32Array; strings: string[] }
  | { id: number; error: string }
  /** Posted once the worker's code has loaded. */
  | { ready: true };

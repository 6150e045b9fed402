/**
 * Messages between the import worker and its extraction worker. The first message hands the
 * extraction worker a MessagePort; requests and answers then go through that port, because a
 * port's messages reach the other thread even while the sending worker runs without pause —
 * Chromium delivers `worker.postMessage` from a worker to its own worker only when the sender
 * yields, which would hold every batch back until all rows were read.
 */
import type { ExtractAnswer } from '../../../shared/import';

export type { ExtractRequest } from '../../../shared/import';

export interface ExtractStart {
  port: MessagePort;
}

/** The shared answers, or: the worker's code has loaded. */
export type WorkerAnswer = ExtractAnswer | { ready: true };

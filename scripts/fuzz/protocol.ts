/** Messages between the fuzzing driver and its workers. */
export interface WorkerJob {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type Outcome = 'imported' | 'refused' | 'failed';

export interface WorkerAnswer {
  id: number;
  status: Outcome;
  message: string;
  ms: number;
  heapBytes: number;
}

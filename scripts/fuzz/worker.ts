/**
 * One fuzzing worker: runs the app's import path (preview, import, preparation for the store) on
 * each file it is sent and answers with the outcome. Started by `run.ts` with resource limits; a
 * crash, an out-of-memory or a hang ends the worker and is judged by the parent.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { importStatement, previewStatement, unreadableRefusal } from '../../shared/import';
import { prepareForStore } from '../../shared/store/prepare';
import type { WorkerAnswer, WorkerJob } from './protocol';

const port = parentPort;
if (!port) throw new Error('run me as a worker');
// SheetJS logs every unknown XLS record; thousands of damaged files would bury the report.
console.error = () => undefined;
console.warn = () => undefined;
console.log = () => undefined;

port.on('message', (job: WorkerJob) => {
  const started = performance.now();
  let answer: WorkerAnswer;
  try {
    previewStatement(job.bytes, job.name);
    const result = importStatement(job.bytes, job.name, { importedAt: 0 });
    prepareForStore(result);
    answer = {
      id: job.id,
      status: 'imported',
      message: `${result.transactions.length} transactions, ${result.rejected.length} rejected rows`,
      ms: 0,
      heapBytes: 0,
    };
  } catch (error) {
    const problem = unreadableRefusal(error, job.name);
    const message = error instanceof Error ? error.message : String(error);
    answer = problem
      ? {
          id: job.id,
          status: 'failed',
          message: `${problem} — ${message.slice(0, 500)}`,
          ms: 0,
          heapBytes: 0,
        }
      : { id: job.id, status: 'refused', message: message.slice(0, 500), ms: 0, heapBytes: 0 };
  }
  answer.ms = performance.now() - started;
  // The heap grows to the input's peak and gives memory back lazily: its size now is that peak.
  answer.heapBytes = getHeapStatistics().total_heap_size;
  port.postMessage(answer);
});

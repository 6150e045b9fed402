// The extraction worker run from its TypeScript source, for tests and `tsx cli/main.ts`; the built
// CLI starts out/cli/extract-worker.mjs instead. A worker thread does not inherit the parent's
// `--import tsx`, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');

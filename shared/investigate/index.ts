/** From a ledger to an investigator's answer: seeds as typed, freeze candidates, the public trace JSON. */
export { findSeeds, type SeedMatch } from './seeds';
export { institutionOf, type Institution } from './institutions';
export { freezeCandidates, type FreezeCandidate, type CandidateOptions } from './candidates';
export {
  traceJson,
  nodeRef,
  evidenceJson,
  type TraceJson,
  type NodeRef,
  type EvidenceJson,
} from './trace-json';
export { runTrace, SeedNotFoundError, type TraceRequest, type TraceAnswer } from './run';

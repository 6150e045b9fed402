/** Candidate duplicate transactions across statements: proposed for review, never merged silently. */
export { findDuplicateCandidates } from './find';
export { applyDecisions, decisionKey, latestDecisions, type AppliedDecisions } from './decisions';
export { DEFAULTS as DEDUPE_DEFAULTS } from './score';
export type * from './types';

import { caseRepository } from './cases';
import { decisionRepository } from './decisions';
import { duplicateRepository } from './duplicates';
import { graphViewRepository } from './graph-views';
import { openCaseStore } from './schema';
import { sourceRepository } from './sources';
import { traceRepository } from './traces';

export const caseStore = openCaseStore();
export const cases = caseRepository(caseStore);
export const sources = sourceRepository(caseStore);
export const decisions = decisionRepository(caseStore);
export const duplicates = duplicateRepository(caseStore);
export const traces = traceRepository(caseStore);
export const graphViews = graphViewRepository(caseStore);

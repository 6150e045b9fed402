import { caseRepository } from './cases';
import { decisionRepository } from './decisions';
import { duplicateRepository } from './duplicates';
import { openCaseStore } from './schema';
import { sourceRepository } from './sources';

export const caseStore = openCaseStore();
export const cases = caseRepository(caseStore);
export const sources = sourceRepository(caseStore);
export const decisions = decisionRepository(caseStore);
export const duplicates = duplicateRepository(caseStore);

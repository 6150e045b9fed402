import { caseRepository } from './cases';
import { openCaseStore } from './schema';
import { sourceRepository } from './sources';

export const caseStore = openCaseStore();
export const cases = caseRepository(caseStore);
export const sources = sourceRepository(caseStore);

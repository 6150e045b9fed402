import { caseRepository } from './cases';
import { openCaseStore } from './schema';

export const caseStore = openCaseStore();
export const cases = caseRepository(caseStore);

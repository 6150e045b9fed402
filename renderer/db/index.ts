import { caseSettingRepository } from './case-settings';
import { caseRepository } from './cases';
import { decisionRepository } from './decisions';
import { duplicateRepository } from './duplicates';
import { freezeRequestRepository } from './freeze-requests';
import { graphViewRepository } from './graph-views';
import { installationRepository } from './installation';
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
export const freezeRequests = freezeRequestRepository(caseStore);
export const caseSettings = caseSettingRepository(caseStore);
// The host is asked only when a key is needed: the store itself loads without one (Node tests).
export const installation = installationRepository(caseStore, Date.now, () =>
  import('../host/keychain').then((keychain) => keychain.osKeychain()),
);

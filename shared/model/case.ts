/** A criminal case as the investigator opens it: everything else in the store belongs to one. */
export interface Case {
  id: string;
  /** What the investigator calls it, e.g. "Магазин «Снежок», Алматы". */
  title: string;
  /** The registration number in the Unified Register of Pre-Trial Investigations (ЕРДР), if known. */
  registryNumber: string;
  investigator: string;
  createdAt: number;
  updatedAt: number;
}

export interface NewCaseInput {
  title: string;
  registryNumber: string;
  investigator: string;
}

export type CaseInputProblem = { field: keyof NewCaseInput; reason: 'required' | 'too-long' | 'format' };

/** ЕРДР numbers are 15 digits (2 year digits, 4 digits of the body, 9 of sequence); empty is allowed. */
const REGISTRY_NUMBER = /^\d{15}$/;

export function checkNewCase(input: NewCaseInput): CaseInputProblem[] {
  const problems: CaseInputProblem[] = [];
  const title = input.title.trim();
  if (!title) problems.push({ field: 'title', reason: 'required' });
  else if (title.length > 200) problems.push({ field: 'title', reason: 'too-long' });
  const registry = input.registryNumber.replace(/\s/g, '');
  if (registry && !REGISTRY_NUMBER.test(registry))
    problems.push({ field: 'registryNumber', reason: 'format' });
  if (input.investigator.trim().length > 120) problems.push({ field: 'investigator', reason: 'too-long' });
  return problems;
}

export function normalizeNewCase(input: NewCaseInput): NewCaseInput {
  return {
    title: input.title.trim().replace(/\s+/g, ' '),
    registryNumber: input.registryNumber.replace(/\s/g, ''),
    investigator: input.investigator.trim().replace(/\s+/g, ' '),
  };
}

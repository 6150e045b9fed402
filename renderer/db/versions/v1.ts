/** v1 (foundation): cases, and each case's hash-chained audit log keyed by [caseId+seq]. */
export const storesV1 = {
  cases: 'id, updatedAt',
  auditEntries: '[caseId+seq], caseId, at',
} as const;

import type { IconName } from '@blueprintjs/core';

/** The workspace tabs in the order investigators move through a case. */
export const workspaceTabs = [
  { id: 'sources', icon: 'import' },
  { id: 'entities', icon: 'id-number' },
  { id: 'graph', icon: 'graph' },
  { id: 'trace', icon: 'flows' },
  { id: 'freeze', icon: 'snowflake' },
  { id: 'audit', icon: 'history' },
] as const satisfies readonly { id: string; icon: IconName }[];

export type WorkspaceTabId = (typeof workspaceTabs)[number]['id'];

import { createContext, useContext } from 'react';

export interface SourceRowRef {
  sha256: string;
  sheet: string;
  row: number;
}

/** Moves inside a case's workspace: any number or mention can open the source row it came from. */
export interface WorkspaceNav {
  showSourceRow: (ref: SourceRowRef) => void;
  /** The row the Sources tab should open and highlight, if any. */
  focusedRow: SourceRowRef | null;
}

export const WorkspaceNavContext = createContext<WorkspaceNav>({ showSourceRow: () => {}, focusedRow: null });

export function useWorkspaceNav(): WorkspaceNav {
  return useContext(WorkspaceNavContext);
}

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
  /** Who the audit log names for actions in this case: this laptop's investigator, else the case's. */
  actor: string;
  /** Opens the Trace tab with this identifier as the seed. */
  startTrace: (seed: string) => void;
  /** The seed the Trace tab should start with, if any. */
  pendingTrace: string | null;
  /** Opens the Graph tab showing these places (`kind:value` keys), e.g. a trace's result. */
  showOnGraph: (keys: string[]) => void;
  graphFocus: string[] | null;
  /** Opens the Freeze tab (after proposing assets from a trace). */
  openFreeze: () => void;
}

export const WorkspaceNavContext = createContext<WorkspaceNav>({
  showSourceRow: () => {},
  focusedRow: null,
  actor: '',
  startTrace: () => {},
  pendingTrace: null,
  showOnGraph: () => {},
  graphFocus: null,
  openFreeze: () => {},
});

export function useWorkspaceNav(): WorkspaceNav {
  return useContext(WorkspaceNavContext);
}

import { Component, type ReactNode } from 'react';
import { isCryptoError } from '../../db/case-keys';

/**
 * A live query that re-runs in the instant between a case locking and the workspace switching to
 * its unlock screen throws CaseLockedError while rendering. That is not a failure: show nothing
 * until the workspace re-renders (it keys this boundary by the lock version, which resets it).
 * Any other error goes on up, as if this boundary were not here.
 */
export class LockedBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (isCryptoError(error, 'locked')) return null;
    throw error;
  }
}

import type { Intent } from '@blueprintjs/core';
import type { FreezeStatus } from '../../../shared/freeze';

export const STATUS_INTENT: Record<FreezeStatus, Intent> = {
  proposed: 'none',
  approved: 'primary',
  'request-sent': 'warning',
  frozen: 'success',
  refused: 'danger',
  released: 'none',
};

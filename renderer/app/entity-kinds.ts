import type { IconName } from '@blueprintjs/core';
import type { IdentifierKind } from '../../shared/identifiers/types';

/**
 * One colour and one icon per entity kind, used by every table, panel and (later) the graph and
 * the packet, so an investigator recognises a wallet or a masked card at a glance anywhere.
 */
export const entityKindStyle: Record<IdentifierKind, { color: string; icon: IconName }> = {
  card: { color: '#2d72d2', icon: 'credit-card' },
  card_masked: { color: '#7961db', icon: 'eye-off' },
  iban: { color: '#238551', icon: 'bank-account' },
  phone: { color: '#c87619', icon: 'phone' },
  tron: { color: '#cd4246', icon: 'cube' },
  btc: { color: '#d1980b', icon: 'cube' },
  eth: { color: '#634dbf', icon: 'cube' },
  iin: { color: '#5f6b7c', icon: 'person' },
  bin: { color: '#1c6e8c', icon: 'office' },
};

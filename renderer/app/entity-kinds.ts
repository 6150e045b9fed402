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

/** Kinds of places that are not identifiers: an exchange account, a named company, cash, unknown. */
export type PlaceKind = IdentifierKind | 'exchange' | 'name' | 'cash' | 'unknown';

const placeStyle: Record<Exclude<PlaceKind, IdentifierKind>, { color: string; icon: IconName }> = {
  exchange: { color: '#0d8050', icon: 'exchange' },
  name: { color: '#5f6b7c', icon: 'office' },
  cash: { color: '#8f398f', icon: 'dollar' },
  unknown: { color: '#8f99a8', icon: 'help' },
};

export function placeKindStyle(kind: string): { color: string; icon: IconName } {
  return (
    (entityKindStyle as Record<string, { color: string; icon: IconName }>)[kind] ??
    placeStyle[kind as keyof typeof placeStyle] ??
    placeStyle.unknown
  );
}

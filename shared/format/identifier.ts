import type { IdentifierKind } from '../identifiers/types';

/**
 * Short, readable forms of normalized identifiers for tables, the graph and letters:
 * `4400 4312 3456 7890`, `4400 43•• •••• 1234`, `+7 701 123 45 67`, `TR7NHq…jLj6t`.
 * Display only: the normalized value stays the key everywhere else.
 */
export function displayIdentifier(kind: IdentifierKind, value: string): string {
  switch (kind) {
    case 'card':
      return groupsOf4(value);
    case 'card_masked':
      return groupsOf4(value.replace(/[*Xx]/g, '•'));
    case 'iban':
      return groupsOf4(value);
    case 'phone':
      return displayPhone(value);
    case 'tron':
    case 'btc':
    case 'eth':
      return value.length > 16 ? `${value.slice(0, 6)}…${value.slice(-5)}` : value;
    case 'iin':
    case 'bin':
      return `${value.slice(0, 6)} ${value.slice(6)}`;
  }
}

function groupsOf4(text: string): string {
  if (text.includes('…')) return text;
  return text.replace(/(.{4})(?=.)/g, '$1 ');
}

/** +77011234567 → +7 701 123 45 67; other countries keep the E.164 form split after the code. */
function displayPhone(e164: string): string {
  const kz = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  if (kz) return `+7 ${kz[1]} ${kz[2]} ${kz[3]} ${kz[4]}`;
  return e164;
}

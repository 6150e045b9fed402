/**
 * Who can freeze what sits in a node: the bank that issued the card or keeps the account (by BIN
 * or by the IBAN's bank code, else as the statement names it), the exchange for an exchange
 * account, and for stablecoins on a chain the issuer (Tether can freeze USDT on TRON and
 * Ethereum). Bitcoin has no issuer: only an exchange that receives it can hold it.
 */
import type { BankDirectory } from '../identifiers/banks';
import type { LedgerNode } from '../ledger/types';

export interface Institution {
  /** As letters name it (Russian for banks; the exchange's or issuer's own name otherwise). */
  name: string;
  nameEn?: string;
  kind: 'bank' | 'exchange' | 'issuer' | 'none';
  /** How it was found, in English, for the CLI and the freeze register. */
  basis: string;
}

const ISSUERS: Record<string, string> = {
  USDT: 'Tether Operations Ltd. (USDT issuer)',
  USDC: 'Circle Internet Financial (USDC issuer)',
};

export function institutionOf(node: LedgerNode, banks: BankDirectory, currency?: string): Institution {
  if (node.kind === 'exchange-account') {
    return { name: node.institution ?? node.value, kind: 'exchange', basis: 'exchange account' };
  }
  if (node.kind === 'wallet') {
    const issuer = currency ? ISSUERS[currency.toUpperCase()] : undefined;
    if (issuer && node.idKind !== 'btc')
      return { name: issuer, kind: 'issuer', basis: `${currency} on ${node.institution ?? node.idKind}` };
    return {
      name: '',
      kind: 'none',
      basis: 'no issuer can freeze native coins; only a receiving exchange can',
    };
  }
  const listed = directoryBank(node, banks);
  // The bank that answered with the statement knows its own account best; its name is taken from
  // the bank directory when the account's IBAN or card names it there, so one bank is one
  // institution (one letter), however each statement spelled it.
  if (node.hasStatement && node.institution)
    return {
      name: listed?.name ?? node.institution,
      ...(listed?.nameEn ? { nameEn: listed.nameEn } : {}),
      kind: 'bank',
      basis: 'the bank that issued the statement',
    };
  if (listed) return { name: listed.name, nameEn: listed.nameEn, kind: 'bank', basis: listed.basis };
  if (node.institution) return { name: node.institution, kind: 'bank', basis: 'named in the statement' };
  return { name: '', kind: 'none', basis: 'bank unknown: add the BIN in Banks & BIN' };
}

function directoryBank(
  node: LedgerNode,
  banks: BankDirectory,
): { name: string; nameEn: string; basis: string } | null {
  for (const key of node.identifiers) {
    const [kind, value = ''] = key.split(/:(.*)/s);
    if (kind === 'card' || kind === 'card_masked') {
      const bank = banks.byPan(value.replace(/\D/g, ''));
      if (bank) return { name: bank.name.ru, nameEn: bank.name.en, basis: `card BIN ${bank.matched}` };
    }
    if (kind === 'iban' && value.startsWith('KZ')) {
      const bank = banks.byIbanCode(value.slice(4, 7));
      if (bank)
        return { name: bank.name.ru, nameEn: bank.name.en, basis: `IBAN bank code ${value.slice(4, 7)}` };
    }
  }
  return null;
}

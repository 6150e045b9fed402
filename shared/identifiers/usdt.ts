/**
 * Which chain a USDT transfer can sit on. Exchanges and statements label the network ("TRC20",
 * "BEP-20", "TRX"); the address format alone narrows it only partly, because one EVM address is
 * valid on every EVM chain. The investigator needs the chain to know which explorer and which
 * issuer (Tether freezes per chain) to ask.
 */
import { parseBtc, parseEth, parseTron } from './wallets';

export type UsdtNetwork =
  'TRC20' | 'ERC20' | 'BEP20' | 'POLYGON' | 'ARBITRUM' | 'OPTIMISM' | 'AVAXC' | 'SOL' | 'TON' | 'OMNI';

export interface UsdtChain {
  network: UsdtNetwork;
  chain: string;
  /** Address kind this module can validate for the chain, or null (Solana, TON). */
  addressKind: 'tron' | 'eth' | 'btc' | null;
  /** USDT token contract, given only where widely published and stable. */
  contract?: string;
}

export const USDT_CHAINS: Readonly<Record<UsdtNetwork, UsdtChain>> = {
  TRC20: {
    network: 'TRC20',
    chain: 'TRON',
    addressKind: 'tron',
    contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  },
  ERC20: {
    network: 'ERC20',
    chain: 'Ethereum',
    addressKind: 'eth',
    contract: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
  },
  BEP20: {
    network: 'BEP20',
    chain: 'BNB Smart Chain',
    addressKind: 'eth',
    contract: '0x55d398326f99059fF775485246999027B3197955',
  },
  POLYGON: { network: 'POLYGON', chain: 'Polygon PoS', addressKind: 'eth' },
  ARBITRUM: { network: 'ARBITRUM', chain: 'Arbitrum One', addressKind: 'eth' },
  OPTIMISM: { network: 'OPTIMISM', chain: 'OP Mainnet', addressKind: 'eth' },
  AVAXC: { network: 'AVAXC', chain: 'Avalanche C-Chain', addressKind: 'eth' },
  SOL: { network: 'SOL', chain: 'Solana', addressKind: null },
  TON: { network: 'TON', chain: 'TON', addressKind: null },
  OMNI: { network: 'OMNI', chain: 'Bitcoin (Omni Layer, legacy)', addressKind: 'btc' },
};

const LABELS: Record<string, UsdtNetwork> = {
  TRC20: 'TRC20',
  TRX: 'TRC20',
  TRON: 'TRC20',
  ERC20: 'ERC20',
  ETH: 'ERC20',
  ETHEREUM: 'ERC20',
  BEP20: 'BEP20',
  BSC: 'BEP20',
  BNB: 'BEP20',
  BNBSMARTCHAIN: 'BEP20',
  POLYGON: 'POLYGON',
  MATIC: 'POLYGON',
  ARBITRUM: 'ARBITRUM',
  ARB: 'ARBITRUM',
  OPTIMISM: 'OPTIMISM',
  OP: 'OPTIMISM',
  AVAXC: 'AVAXC',
  AVAXCCHAIN: 'AVAXC',
  AVALANCHE: 'AVAXC',
  AVAX: 'AVAXC',
  SOL: 'SOL',
  SOLANA: 'SOL',
  SPL: 'SOL',
  TON: 'TON',
  OMNI: 'OMNI',
  BTC: 'OMNI',
  BITCOIN: 'OMNI',
};

const EVM: readonly UsdtNetwork[] = ['ERC20', 'BEP20', 'POLYGON', 'ARBITRUM', 'OPTIMISM', 'AVAXC'];

/** Network from a label like "TRC20", "USDT (BEP-20)", "trx"; null when not a known label. */
export function usdtNetworkFromLabel(label: string): UsdtNetwork | null {
  const key = label
    .toUpperCase()
    .replace(/USDT/g, '')
    .replace(/[^A-Z0-9]/g, '');
  return LABELS[key] ?? null;
}

/**
 * Chains a USDT transfer involving `input` can sit on. `input` is an address or a network label.
 * An EVM address yields every EVM chain, ERC20 first: the address cannot tell them apart.
 */
export function usdtChainsFor(input: string): UsdtChain[] {
  const s = input.trim();
  const label = usdtNetworkFromLabel(s);
  if (label) return [USDT_CHAINS[label]];
  if (parseTron(s).ok) return [USDT_CHAINS.TRC20];
  if (parseEth(s).ok) return EVM.map((n) => USDT_CHAINS[n]);
  if (parseBtc(s).ok) return [USDT_CHAINS.OMNI];
  return [];
}

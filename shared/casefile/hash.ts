import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Sha256Hex } from './types';

/** Pure-JS default so shared code runs anywhere; ~100 MB/s, which is why hosts may override it. */
export const nobleSha256Hex: Sha256Hex = (bytes) => bytesToHex(sha256(bytes));

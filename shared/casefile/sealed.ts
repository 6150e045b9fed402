/**
 * The sealed case file: the case-file ZIP encrypted under a passphrase the investigator chooses
 * when exporting, so a case carried on a USB stick or sent by mail is unreadable without it.
 *
 * Layout (docs/case-file.md, "Sealed case files"):
 *   MAGIC · header length (uint32 BE) · header JSON (UTF-8) · chunk 0 · chunk 1 · …
 * Each chunk is AES-256-GCM over ≤ `chunkBytes` of the ZIP, with IV = nonce prefix ‖ chunk index
 * and the header bytes ‖ chunk index as additional data. The header (KDF, sizes) is therefore
 * authenticated by every chunk, chunks cannot be reordered or dropped (the index is in the IV and
 * the AAD, and the header fixes their number), and a file of any size is sealed a chunk at a time.
 * Nothing about the case — not even its title — is outside the ciphertext.
 */
import {
  checkKdfParams,
  deriveKeyEncryptionKey,
  newKdfParams,
  PBKDF2_DEFAULT_ITERATIONS,
  type KdfParams,
} from '../crypto/kdf';
import { equalBytes, fromBase64, randomBytes, subtle, toBase64, utf8, type Bytes } from '../crypto/webcrypto';
import { CaseFileError } from './errors';

/** Readable when the file is opened in a text editor: says what it is before any binary. */
const MAGIC = utf8('MoneyTrail sealed case file\n');
export const SEALED_FORMAT = 'moneytrail-sealed-case';
export const SEALED_VERSION = 1;
/** 4 MiB: memory per step stays small, and per-chunk overhead (16-byte tag, one call) vanishes. */
export const SEAL_CHUNK_BYTES = 4 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const NONCE_PREFIX_BYTES = 8;
const TABLE = 'sealed';

interface SealedHeader {
  format: typeof SEALED_FORMAT;
  version: typeof SEALED_VERSION;
  kdf: KdfParams;
  cipher: 'AES-256-GCM';
  chunkBytes: number;
  /** Length of the ZIP inside. */
  plainBytes: number;
  /** Base64, random per file: the first 8 bytes of every chunk's IV. */
  noncePrefix: string;
  /** Base64: tells a wrong passphrase from a damaged file without decrypting anything. */
  check: string;
}

export interface SealOptions {
  /** Tests lower it to stay fast; files always record what was used. */
  iterations?: number;
  chunkBytes?: number;
}

/** True when the bytes start like a sealed case file (cheap: only the magic is looked at). */
export function isSealedCaseFile(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && equalBytes(bytes.subarray(0, MAGIC.length), MAGIC);
}

export async function sealCaseFile(
  zip: Uint8Array,
  passphrase: string,
  options: SealOptions = {},
): Promise<Bytes> {
  const chunkBytes = options.chunkBytes ?? SEAL_CHUNK_BYTES;
  const kdf = newKdfParams(options.iterations ?? PBKDF2_DEFAULT_ITERATIONS);
  const { key, check } = await deriveKeyEncryptionKey(passphrase, kdf, 'case-file');
  const header: SealedHeader = {
    format: SEALED_FORMAT,
    version: SEALED_VERSION,
    kdf,
    cipher: 'AES-256-GCM',
    chunkBytes,
    plainBytes: zip.length,
    noncePrefix: toBase64(randomBytes(NONCE_PREFIX_BYTES)),
    check: toBase64(check),
  };
  const headerBytes = utf8(JSON.stringify(header));
  const chunks = chunkCount(zip.length, chunkBytes);
  const out = new Uint8Array(MAGIC.length + 4 + headerBytes.length + zip.length + chunks * TAG_BYTES);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length);
  out.set(headerBytes, MAGIC.length + 4);
  let at = MAGIC.length + 4 + headerBytes.length;
  const prefix = fromBase64(header.noncePrefix);
  for (let i = 0; i < chunks; i++) {
    const plain = zip.subarray(i * chunkBytes, Math.min(zip.length, (i + 1) * chunkBytes));
    const sealed = await subtle().encrypt(
      { name: 'AES-GCM', iv: chunkIv(prefix, i), additionalData: chunkAad(headerBytes, i) },
      key,
      plain as Bytes,
    );
    out.set(new Uint8Array(sealed), at);
    at += sealed.byteLength;
  }
  return out;
}

/**
 * The ZIP inside a sealed case file. A wrong passphrase is CaseFileError 'wrong-passphrase' (no
 * chunk is decrypted); a changed byte anywhere is 'checksum' on the table "sealed".
 */
export async function openSealedCaseFile(bytes: Uint8Array, passphrase: string): Promise<Bytes> {
  const { header, headerBytes, body } = readHeader(bytes);
  const { key, check } = await deriveKeyEncryptionKey(passphrase, header.kdf, 'case-file');
  if (!equalBytes(check, fromBase64(header.check)))
    throw new CaseFileError(
      'wrong-passphrase',
      'the passphrase is not the one this case file was sealed with; nothing was opened',
    );
  const chunks = chunkCount(header.plainBytes, header.chunkBytes);
  const plain = new Uint8Array(header.plainBytes);
  const prefix = fromBase64(header.noncePrefix);
  let at = 0;
  for (let i = 0; i < chunks; i++) {
    const size = Math.min(header.chunkBytes, header.plainBytes - i * header.chunkBytes) + TAG_BYTES;
    let opened: ArrayBuffer;
    try {
      opened = await subtle().decrypt(
        { name: 'AES-GCM', iv: chunkIv(prefix, i), additionalData: chunkAad(headerBytes, i) },
        key,
        body.subarray(at, at + size) as Bytes,
      );
    } catch {
      throw new CaseFileError(
        'checksum',
        `part ${i + 1} of ${chunks} failed its integrity check: the file was altered or damaged`,
        TABLE,
      );
    }
    plain.set(new Uint8Array(opened), i * header.chunkBytes);
    at += size;
  }
  return plain as Bytes;
}

function readHeader(bytes: Uint8Array): { header: SealedHeader; headerBytes: Bytes; body: Uint8Array } {
  const bad = (message: string) => new CaseFileError('bad-manifest', message, TABLE);
  if (!isSealedCaseFile(bytes) || bytes.length < MAGIC.length + 4)
    throw bad('the file ends inside its header');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length);
  if (length > MAX_HEADER_BYTES || MAGIC.length + 4 + length > bytes.length)
    throw bad(`header length ${length} does not fit the file`);
  const headerBytes = bytes.slice(MAGIC.length + 4, MAGIC.length + 4 + length) as Bytes;
  let header: SealedHeader;
  try {
    header = checkHeader(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes)));
  } catch (error) {
    if (error instanceof CaseFileError) throw error;
    throw bad(`header is not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = bytes.subarray(MAGIC.length + 4 + length);
  const expected = header.plainBytes + chunkCount(header.plainBytes, header.chunkBytes) * TAG_BYTES;
  if (body.length !== expected)
    throw new CaseFileError(
      'checksum',
      `the sealed content is ${body.length} bytes, its header says ${expected}: the file was cut short or extended`,
      TABLE,
    );
  return { header, headerBytes, body };
}

function checkHeader(value: unknown): SealedHeader {
  const h = value as Partial<SealedHeader> | null;
  if (!h || typeof h !== 'object' || h.format !== SEALED_FORMAT)
    throw new CaseFileError('bad-manifest', 'the header does not name the sealed case-file format', TABLE);
  if (h.version !== SEALED_VERSION)
    throw new CaseFileError(
      'unsupported-version',
      `sealed by a newer MoneyTrail (seal version ${String(h.version)}); this version reads ${SEALED_VERSION}`,
      TABLE,
    );
  const int = (v: unknown, min: number, max: number) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
  if (
    h.cipher !== 'AES-256-GCM' ||
    !int(h.chunkBytes, 1, 256 * 1024 * 1024) ||
    !int(h.plainBytes, 0, 2 ** 40) ||
    typeof h.noncePrefix !== 'string' ||
    fromBase64(h.noncePrefix).length !== NONCE_PREFIX_BYTES ||
    typeof h.check !== 'string' ||
    fromBase64(h.check).length !== 16
  )
    throw new CaseFileError('bad-manifest', 'the header has missing or impossible fields', TABLE);
  return { ...(h as SealedHeader), kdf: checkKdfParams(h.kdf) };
}

const chunkCount = (plainBytes: number, chunkBytes: number) =>
  Math.max(1, Math.ceil(plainBytes / chunkBytes));

function chunkIv(prefix: Uint8Array, index: number): Bytes {
  const iv = new Uint8Array(12);
  iv.set(prefix, 0);
  new DataView(iv.buffer).setUint32(NONCE_PREFIX_BYTES, index);
  return iv as Bytes;
}

function chunkAad(headerBytes: Uint8Array, index: number): Bytes {
  const aad = new Uint8Array(headerBytes.length + 4);
  aad.set(headerBytes, 0);
  new DataView(aad.buffer).setUint32(headerBytes.length, index);
  return aad as Bytes;
}

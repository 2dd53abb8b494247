/**
 * Crypto addresses → `<chain>:<address>`. Checksums are verified where the contract asks for it:
 * - btc: legacy P2PKH/P2SH (base58check, version 0x00/0x05, via bs58check) and SegWit (bech32 for v0,
 *   bech32m for v1+ such as Taproot, via `bech32`); mainnet only. bech32 is case-insensitive → lower case;
 *   base58 is case-sensitive → kept as typed.
 * - eth: `0x` + 40 hex, lower-cased. The EIP-55 mixed-case checksum is not verified: it needs Keccak-256, which
 *   node's crypto lacks, and all-lower-case addresses (the common way people type them) carry no checksum anyway.
 * - trx: base58check with version byte 0x41 (addresses start with T).
 * - xmr: 95 base58 characters, starting with 4 (standard) or 8 (subaddress) followed by 0-9/A/B (mainnet).
 *   Monero's checksum (Keccak over its own block-wise base58) is not verified: no library for it is installed
 *   and 95 characters of the right alphabet are not typed by accident. Integrated addresses (106) are not accepted.
 */
import { bech32, bech32m } from 'bech32';
import bs58check from 'bs58check';
import { cleanText } from '../clean-text';
import { memoize } from '../memo';
import { normalized, type Normalized } from './result';

export const CRYPTO_NETWORKS = ['btc', 'eth', 'trx', 'xmr'] as const;
export type CryptoNetwork = (typeof CRYPTO_NETWORKS)[number];

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
const BTC_LEGACY_RE = new RegExp(`^[13]${BASE58}{25,34}$`);
const BTC_BECH32_RE = /^(?:bc1[ac-hj-np-z02-9]{8,87}|BC1[AC-HJ-NP-Z02-9]{8,87})$/;
const ETH_RE = /^0x[0-9a-fA-F]{40}$/;
const TRX_RE = new RegExp(`^T${BASE58}{33}$`);
const XMR_RE = new RegExp(`^[48][0-9AB]${BASE58}{93}$`);
// "bitcoin:bc1q…?amount=0.5" (BIP 21 payment links) and the canonical "btc:…" itself.
const PREFIX_RE = /^(?:bitcoin|btc|ethereum|eth|tron|trx|monero|xmr):(?:\/\/)?/i;

function isBech32SegwitAddress(address: string): boolean {
  const lower = address.toLowerCase();
  // v0 programs use bech32, v1+ (Taproot …) bech32m; a witness version in the wrong encoding is invalid (BIP 350).
  const asBech32 = bech32.decodeUnsafe(lower, 90);
  const decoded = asBech32 ?? bech32m.decodeUnsafe(lower, 90);
  if (!decoded || decoded.prefix !== 'bc' || decoded.words.length === 0) return false;
  const version = decoded.words[0]!;
  if (version > 16 || (version === 0) !== (asBech32 !== undefined)) return false;
  const program = bech32.fromWordsUnsafe(decoded.words.slice(1));
  if (!program || program.length < 2 || program.length > 40) return false;
  return version !== 0 || program.length === 20 || program.length === 32;
}

function base58checkVersion(address: string): number | null {
  const payload = bs58check.decodeUnsafe(address);
  return payload && payload.length === 21 ? payload[0]! : null;
}

function classify(address: string): { network: CryptoNetwork; value: string } | null {
  if (BTC_BECH32_RE.test(address)) return isBech32SegwitAddress(address) ? { network: 'btc', value: address.toLowerCase() } : null;
  if (BTC_LEGACY_RE.test(address)) {
    const version = base58checkVersion(address);
    return version === 0x00 || version === 0x05 ? { network: 'btc', value: address } : null;
  }
  if (ETH_RE.test(address)) return { network: 'eth', value: address.toLowerCase() };
  if (TRX_RE.test(address)) return base58checkVersion(address) === 0x41 ? { network: 'trx', value: address } : null;
  if (XMR_RE.test(address)) return { network: 'xmr', value: address };
  return null;
}

const normalizeAddress = memoize((address: string): Normalized | null => {
  const found = classify(address);
  return found ? normalized(`${found.network}:${found.value}`, { network: found.network }) : null;
});

/** `1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa` → `btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa`; null when not a valid address. */
export function normalizeCrypto(raw: string): Normalized | null {
  const address = cleanText(raw).trim().replace(PREFIX_RE, '').replace(/\?.*$/, '');
  return normalizeAddress(address);
}

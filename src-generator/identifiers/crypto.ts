/**
 * Checksum-valid cryptocurrency addresses over random payloads (no keys exist behind them):
 * Bitcoin P2PKH (base58check, version 0x00) and native SegWit v0 (bech32, 20-byte program),
 * Tron (base58check, version 0x41), Ethereum (0x + 40 hex, not EIP-55 checksummed) and
 * Monero-looking strings (not checksummed; the contract does not validate xmr).
 */
import bs58check from 'bs58check';
import { bech32 } from 'bech32';
import type { Rng } from '../random';

export type Chain = 'btc' | 'eth' | 'trx' | 'xmr';

export interface Wallet {
  readonly chain: Chain;
  /** The address as the wallet software prints it. */
  readonly address: string;
}

export function btcP2pkh(rng: Rng): Wallet {
  const payload = new Uint8Array(21);
  payload.set(rng.bytes(20), 1); // version byte 0x00
  return { chain: 'btc', address: bs58check.encode(payload) };
}

export function btcBech32(rng: Rng): Wallet {
  const words = bech32.toWords(rng.bytes(20));
  words.unshift(0); // witness version 0
  return { chain: 'btc', address: bech32.encode('bc', words) };
}

export function btcAddress(rng: Rng): Wallet {
  return rng.chance(0.6) ? btcBech32(rng) : btcP2pkh(rng);
}

export function trxAddress(rng: Rng): Wallet {
  const payload = new Uint8Array(21);
  payload[0] = 0x41;
  payload.set(rng.bytes(20), 1);
  return { chain: 'trx', address: bs58check.encode(payload) };
}

export function ethAddress(rng: Rng): Wallet {
  return { chain: 'eth', address: `0x${rng.hex(40)}` };
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function xmrAddress(rng: Rng): Wallet {
  let address = `4${rng.pick(['8', '9', '4', '7', 'A', 'B'])}`;
  while (address.length < 95) address += BASE58.charAt(rng.int(0, 57));
  return { chain: 'xmr', address };
}

/** As typed or pasted: mostly verbatim; ETH sometimes in mixed or upper case, BTC sometimes as a URI. */
export function formatWallet(rng: Rng, wallet: Wallet): string {
  const r = rng.float();
  if (wallet.chain === 'eth') {
    if (r < 0.3) {
      let mixed = '0x';
      for (let i = 2; i < wallet.address.length; i++) {
        const ch = wallet.address.charAt(i);
        mixed += rng.chance(0.5) ? ch.toUpperCase() : ch;
      }
      return mixed;
    }
    if (r < 0.35) return `0x${wallet.address.slice(2).toUpperCase()}`;
    return wallet.address;
  }
  if (wallet.chain === 'btc') {
    if (r < 0.05) return `bitcoin:${wallet.address}`;
    if (r < 0.08) return ` ${wallet.address} `;
  }
  return wallet.address;
}

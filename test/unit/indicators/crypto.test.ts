import { describe, expect, it } from 'vitest';
import { normalizeCrypto } from '../../../shared/indicators/normalize/crypto-address';

// Well-known public addresses (genesis block, BIP 173/350 test vectors, Ethereum Foundation, the USDT
// contract on Tron, the Monero general fund); no private persons.
const GENESIS = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
const P2SH = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';
const P2WPKH = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const P2WSH = 'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3';
const TAPROOT = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';
const ETH = '0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe';
const TRX = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const XMR = '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';

/** Replaces the character at `index` by another of the same alphabet. */
function mutate(address: string, index: number, alphabet: string): string {
  const current = address[index]!;
  const replacement = alphabet[(alphabet.indexOf(current) + 1) % alphabet.length]!;
  return address.slice(0, index) + replacement + address.slice(index + 1);
}
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

describe('normalizeCrypto', () => {
  it.each([
    [GENESIS, `btc:${GENESIS}`, 'btc'],
    [P2SH, `btc:${P2SH}`, 'btc'],
    [P2WPKH, `btc:${P2WPKH}`, 'btc'],
    [P2WPKH.toUpperCase(), `btc:${P2WPKH}`, 'btc'], // bech32 is case-insensitive (QR codes use upper case)
    [P2WSH, `btc:${P2WSH}`, 'btc'],
    [TAPROOT, `btc:${TAPROOT}`, 'btc'],
    [ETH, `eth:${ETH.toLowerCase()}`, 'eth'],
    [ETH.toLowerCase(), `eth:${ETH.toLowerCase()}`, 'eth'],
    [TRX, `trx:${TRX}`, 'trx'],
    [XMR, `xmr:${XMR}`, 'xmr'],
  ])('%s → %s', (raw, expected, network) => {
    expect(normalizeCrypto(raw)).toEqual({ value: expected, enrichment: { network } });
  });

  it.each([
    [`  ${GENESIS}  `, `btc:${GENESIS}`],
    [`bitcoin:${GENESIS}`, `btc:${GENESIS}`],
    [`bitcoin:${P2WPKH}?amount=0.5&label=losgeld`, `btc:${P2WPKH}`],
    [`btc:${GENESIS}`, `btc:${GENESIS}`], // the canonical form itself
    [`ethereum:${ETH}`, `eth:${ETH.toLowerCase()}`],
    [`eth:${ETH.toLowerCase()}`, `eth:${ETH.toLowerCase()}`],
    [`trx:${TRX}`, `trx:${TRX}`],
    [`monero:${XMR}`, `xmr:${XMR}`],
  ])('accepts the prefixed form %s', (raw, expected) => {
    expect(normalizeCrypto(raw)?.value).toBe(expected);
  });

  it.each([
    ['genesis, last character changed', mutate(GENESIS, GENESIS.length - 1, BASE58)],
    ['genesis, middle character changed', mutate(GENESIS, 10, BASE58)],
    ['genesis, case changed', GENESIS.replace('P1eP', 'p1eP')],
    ['genesis, truncated', GENESIS.slice(0, -1)],
    ['P2SH, character changed', mutate(P2SH, 5, BASE58)],
    ['P2WPKH, last character changed', mutate(P2WPKH, P2WPKH.length - 1, BECH32)],
    ['P2WPKH, middle character changed', mutate(P2WPKH, 20, BECH32)],
    ['P2WPKH, mixed case', P2WPKH.slice(0, 10) + P2WPKH.slice(10).toUpperCase()],
    ['P2WPKH, truncated', P2WPKH.slice(0, -1)],
    ['taproot, character changed', mutate(TAPROOT, 30, BECH32)],
    ['testnet bech32', 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx'],
    ['testnet legacy', 'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn'],
    ['eth, 39 hex digits', ETH.slice(0, -1)],
    ['eth, non-hex', ETH.slice(0, -1) + 'g'],
    ['eth, no 0x', ETH.slice(2)],
    ['trx, character changed', mutate(TRX, 10, BASE58)],
    ['trx, truncated', TRX.slice(0, -1)],
    ['xmr, 94 characters', XMR.slice(0, -1)],
    ['xmr, wrong second character', XMR[0] + 'Z' + XMR.slice(2)],
    ['xmr, non-base58 character', XMR.slice(0, -1) + '0'],
    ['empty', ''],
    ['a word', 'Tegenrekeningnummerbevestiging'],
    ['an IBAN', 'NL91ABNA0417164300'],
    ['an amount', '0.5'],
    ['a gift card code', 'X7KQ-9PLM-2RTA-88WZ'],
  ])('rejects %s', (_, raw) => {
    expect(normalizeCrypto(raw)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.ts';
import { extractIdentifiers } from './index.ts';
import { plainText } from './test-helpers.ts';
import { findWallets as findWalletsIn } from './wallets.ts';

function findWallets(text: string) {
  return findWalletsIn(plainText(text));
}

// Well-known public addresses: the Bitcoin genesis coinbase, the Bitcoin wiki's P2SH and bech32
// examples, BIP 173 / BIP 350 test vectors, Vitalik Buterin's public address, the Ethereum
// Foundation's, and the USDT token contract on TRON.
const VALID: Array<[string, string, string]> = [
  ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'wallet_btc', 'p2pkh'],
  ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'wallet_btc', 'p2sh'],
  ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'wallet_btc', 'p2wpkh'],
  ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'wallet_btc', 'p2wpkh'],
  ['bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3', 'wallet_btc', 'p2wsh'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'wallet_btc', 'p2tr'],
  ['0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', 'wallet_eth', ''],
  ['0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe', 'wallet_eth', ''],
  ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'wallet_tron', ''],
];

/** The same address with one character replaced by another of its alphabet. */
function corrupt(address: string, at: number): string {
  const ch = address.charAt(at);
  const swap =
    ch === 'q' ? 'p' : ch === 'Q' ? 'P' : ch === '2' ? '3' : ch === 'a' ? 'b' : ch === 'A' ? 'B' : '2';
  return address.slice(0, at) + swap + address.slice(at + 1);
}

describe('wallets', () => {
  it.each(VALID)('reports %s as %s', (address, kind, format) => {
    const post = `Nạp tiền / deposit: ${address} (USDT)`;
    const found = findWallets(post);
    expect(found.map((w) => w.kind)).toEqual([kind]);
    expect(post.slice(found[0]?.start, found[0]?.end)).toBe(address);
    if (format) expect(found[0]?.details.format).toBe(format);
  });

  it.each(VALID)('does not report %s with one character changed', (address) => {
    for (const at of [address.length - 1, Math.floor(address.length / 2), 6]) {
      expect(findWallets(`send to ${corrupt(address, at)} now`), corrupt(address, at)).toEqual([]);
    }
  });

  it('normalises ETH to its EIP-55 form, accepts all-lower and all-upper, rejects a wrong mixed case', () => {
    const lower = '0xd8da6bf26964af9d7eed9e03e53415d37aa96045';
    expect(findWallets(lower)[0]?.normalized).toBe('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045');
    expect(findWallets(`0x${lower.slice(2).toUpperCase()}`)[0]?.details.checksummed).toBe(false);
    expect(findWallets('0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045')).toEqual([]);
  });

  it('rejects mixed-case bech32, testnet and other networks, and base58 with the wrong version', () => {
    expect(findWallets('bc1qAr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toEqual([]);
    expect(findWallets('tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx')).toEqual([]);
    // a valid Litecoin address (version 0x30) is not a Bitcoin wallet
    expect(findWallets('LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9')).toEqual([]);
  });

  it('finds addresses split by invisible characters or typed full-width, with original spans', () => {
    const post = 'USDT: TR7NHqje\u200bKQxGTCi8q8ZY4pL8otSzgjLj6t.';
    const ids = extractIdentifiers(normalize(post), {});
    expect(ids.map((i) => [i.kind, i.normalized, i.value])).toEqual([
      ['wallet_tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'TR7NHqje\u200bKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    ]);
    const wide = '１A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
    expect(extractIdentifiers(normalize(wide), {}).map((i) => i.normalized)).toEqual([
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    ]);
  });

  it('does not take a wallet inside a longer token, and reports it through extractIdentifiers', () => {
    expect(findWallets('x1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toEqual([]);
    const ids = extractIdentifiers(plainText('USDT TRC20: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'), {});
    expect(ids.map((i) => [i.kind, i.normalized])).toEqual([
      ['wallet_tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    ]);
  });
});

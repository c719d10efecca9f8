import { createHash } from 'node:crypto';
import { base58, bech32, bech32m } from '@scure/base';
import type { NormalizedText } from '../types.ts';
import { keccak256Hex } from './keccak.ts';
import { originalSpan, originalText } from './span.ts';

// Crypto wallet addresses, checksums verified: a string that merely looks like an address (or an
// address with one character changed) is not reported. Spans are original-text spans.

export type Wallet = {
  kind: 'wallet_btc' | 'wallet_eth' | 'wallet_tron';
  normalized: string;
  start: number;
  end: number;
  details: Record<string, string | boolean>;
};

// Candidates are found in n.text (invisible characters and full-width forms already removed, so
// "TR7N\u200bHqje..." is found), then checked as written in the original, where case matters.
const CANDIDATE =
  /(?<![0-9a-z])(?:0x[0-9a-f]{40}|bc1[02-9ac-hj-np-z]{6,87}|[13t][1-9a-z]{24,34})(?![0-9a-z])/g;
const EXACT =
  /^(?:0x[0-9a-fA-F]{40}|(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}|[13T][1-9A-HJ-NP-Za-km-z]{24,34})$/;

export function findWallets(n: NormalizedText): Wallet[] {
  const found: Wallet[] = [];
  for (const m of n.text.matchAll(CANDIDATE)) {
    const span = originalSpan(n, m.index, m.index + m[0].length);
    if (!span) continue;
    const text = originalText(n, span);
    if (!EXACT.test(text)) continue;
    const wallet = text.startsWith('0x')
      ? ethereum(text)
      : /^bc1/i.test(text)
        ? segwit(text)
        : text.startsWith('T')
          ? tron(text)
          : bitcoinBase58(text);
    if (wallet) found.push({ ...wallet, start: span[0], end: span[1] });
  }
  return found;
}

type Parsed = Omit<Wallet, 'start' | 'end'>;

function ethereum(text: string): Parsed | undefined {
  const hex = text.slice(2);
  const lower = hex.toLowerCase();
  const mixed = hex !== lower && hex !== hex.toUpperCase();
  const checksummed = `0x${eip55(lower)}`;
  // EIP-55: a mixed-case address must match its checksum; all-lower / all-upper carry none.
  if (mixed && checksummed !== text) return undefined;
  return {
    kind: 'wallet_eth',
    normalized: checksummed,
    details: { network: 'ethereum', checksummed: mixed },
  };
}

/** EIP-55 mixed-case checksum of a lower-case hex address (without 0x). */
export function eip55(lowerHex: string): string {
  const hash = keccak256Hex(lowerHex);
  let out = '';
  for (let i = 0; i < lowerHex.length; i++) {
    const ch = lowerHex.charAt(i);
    out += Number.parseInt(hash.charAt(i), 16) >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

function segwit(text: string): Parsed | undefined {
  const lower = text.toLowerCase();
  if (text !== lower && text !== text.toUpperCase()) return undefined;
  // BIP 173 / BIP 350: version 0 uses bech32, versions 1-16 bech32m.
  const v0 = bech32.decodeUnsafe(lower);
  const decoded = v0 && v0.words[0] === 0 ? v0 : bech32m.decodeUnsafe(lower);
  if (decoded?.prefix !== 'bc') return undefined;
  const [version, ...rest] = decoded.words;
  if (version === undefined || version > 16 || (version === 0) !== (decoded === v0)) return undefined;
  const program = bech32.fromWordsUnsafe(rest);
  if (!program || program.length < 2 || program.length > 40) return undefined;
  if (version === 0 && program.length !== 20 && program.length !== 32) return undefined;
  const format =
    version === 0
      ? program.length === 20
        ? 'p2wpkh'
        : 'p2wsh'
      : version === 1 && program.length === 32
        ? 'p2tr'
        : `segwit-v${version}`;
  return { kind: 'wallet_btc', normalized: lower, details: { network: 'bitcoin', format } };
}

function bitcoinBase58(text: string): Parsed | undefined {
  const payload = base58check(text);
  if (payload?.length !== 21) return undefined;
  if (payload[0] === 0x00)
    return { kind: 'wallet_btc', normalized: text, details: { network: 'bitcoin', format: 'p2pkh' } };
  if (payload[0] === 0x05)
    return { kind: 'wallet_btc', normalized: text, details: { network: 'bitcoin', format: 'p2sh' } };
  return undefined;
}

function tron(text: string): Parsed | undefined {
  if (text.length !== 34) return undefined;
  const payload = base58check(text);
  if (payload?.length !== 21 || payload[0] !== 0x41) return undefined;
  return { kind: 'wallet_tron', normalized: text, details: { network: 'tron' } };
}

/** Base58Check: payload followed by the first 4 bytes of SHA-256(SHA-256(payload)). */
function base58check(text: string): Uint8Array | undefined {
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(text);
  } catch {
    return undefined;
  }
  if (bytes.length < 5) return undefined;
  const payload = bytes.subarray(0, bytes.length - 4);
  const sum = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
  for (let i = 0; i < 4; i++) if (sum[i] !== bytes[bytes.length - 4 + i]) return undefined;
  return payload;
}

import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { contentDigest } from '../src/federation/signatures/content-digest.ts';
import { type SignableRequest, signRequest } from '../src/federation/signatures/sign.ts';
import { verifyRequest } from '../src/federation/signatures/verify.ts';
import type { BenchResult } from './lib/types.ts';

// Cost of signing and of verifying one federation message (RFC 9421 Ed25519 over method, target URI,
// Content-Digest, Date and message id), with a ~2 KB JSON body, measured separately. Pure CPU: no
// database, no HTTP; the key lookup answers from memory. Verification includes the digest check.

type Ctx = { url: string; log(line: string): void };

const OPS = 4_000;
const ROUNDS = 5;
const INBOX = 'https://kh.example/api/federation/inbox';
const KEY_ID = 'th-node-key-1';

/** A referral status update padded with case notes to about 2 KB, as UTF-8 bytes. */
function body(): Uint8Array {
  const notes = Array.from({ length: 16 }, (_, i) => ({
    at: new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString(),
    note: `Step ${i + 1}: support plan reviewed with the caseworker; repatriation documents checked.`,
  }));
  const json = JSON.stringify({ kind: 'referral.status', referral: randomUUID(), status: 'accepted', notes });
  return new TextEncoder().encode(json);
}

function signMessage(content: Uint8Array, privateKey: KeyObject): SignableRequest {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-digest': contentDigest(content),
    date: new Date().toUTCString(),
    'jaring-message-id': randomUUID(),
  };
  const req: SignableRequest = { method: 'POST', url: INBOX, headers };
  Object.assign(headers, signRequest(req, { keyId: KEY_ID, privateKey }));
  return { ...req, body: content };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median over rounds of the mean time of one operation, in microseconds. */
async function microsPerOp(run: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < OPS / 4; i++) await run(i);
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < OPS; i++) await run(i);
    rounds.push(((performance.now() - t0) * 1000) / OPS);
  }
  return median(rounds);
}

export async function runFederationSignaturesBench(ctx: Ctx): Promise<BenchResult[]> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const content = body();
  ctx.log(`body ${content.length} bytes; ${ROUNDS} rounds of ${OPS} operations each, median round`);

  const digest = await microsPerOp(() => contentDigest(content));
  const sign = await microsPerOp(() => signMessage(content, privateKey));

  const signed = Array.from({ length: OPS }, () => signMessage(content, privateKey));
  const message = (i: number): SignableRequest => signed[i % OPS] ?? signMessage(content, privateKey);
  const opts = { lookupKey: () => publicKey, maxSkewSeconds: 300 };
  // Correctness is the tests' job; this only makes sure the timed path is the accepting one.
  await verifyRequest(message(0), opts);
  const verify = await microsPerOp((i) => verifyRequest(message(i), opts));

  const size = `${content.length.toLocaleString('en')}-byte JSON body`;
  return [
    { name: `Sign one message (${size}, Content-Digest included)`, value: sign, unit: 'µs/op' },
    { name: 'Sign: messages per second, one core', value: 1e6 / sign, unit: 'ops/s' },
    { name: `Verify one message (${size}, Content-Digest checked)`, value: verify, unit: 'µs/op' },
    { name: 'Verify: messages per second, one core', value: 1e6 / verify, unit: 'ops/s' },
    { name: `Content-Digest alone (SHA-256 of the ${size})`, value: digest, unit: 'µs/op' },
  ];
}

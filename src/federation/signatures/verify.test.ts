import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDigest } from './content-digest.ts';
import { SignatureError, type SignatureErrorCode } from './errors.ts';
import {
  FEDERATION_COMPONENTS,
  type SignableRequest,
  type SignatureHeaders,
  type SignOptions,
  signRequest,
} from './sign.ts';
import { type VerifyOptions, verifyRequest } from './verify.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const KEY_ID = 'th-node-key-1';
const NOW = new Date('2026-03-01T08:00:00Z');
const INBOX = 'https://kh.example/api/federation/inbox';
const bytes = (s: string) => new TextEncoder().encode(s);

/** A request as received: any headers (some may have been removed or changed) and the body. */
type Received = SignableRequest & { headers: Record<string, string>; body: Uint8Array };
/** A freshly signed message: it carries both signature headers. */
type Message = Received & { headers: SignatureHeaders };

function message(sign: Partial<SignOptions> = {}, date = NOW): Message {
  const body = bytes(JSON.stringify({ type: 'referral.status', referral: randomUUID(), status: 'accepted' }));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-digest': contentDigest(body),
    date: date.toUTCString(),
    'jaring-message-id': randomUUID(),
  };
  const signature = signRequest(
    { method: 'POST', url: INBOX, headers },
    { keyId: KEY_ID, privateKey, created: NOW, ...sign },
  );
  return { method: 'POST', url: INBOX, headers: { ...headers, ...signature }, body };
}

const options = (more: Partial<VerifyOptions> = {}): VerifyOptions => ({
  lookupKey: (id) => (id === KEY_ID ? publicKey : null),
  now: NOW,
  maxSkewSeconds: 300,
  ...more,
});

async function refusal(req: SignableRequest, opts = options()): Promise<SignatureErrorCode | 'accepted'> {
  try {
    await verifyRequest(req, opts);
    return 'accepted';
  } catch (err) {
    if (err instanceof SignatureError) return err.code;
    throw err;
  }
}

const withHeaders = (m: Received, change: Record<string, string | undefined>): Received => {
  const headers = { ...m.headers };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  return { ...m, headers };
};

describe('sign → verify', () => {
  it('accepts a federation message and says who signed what', async () => {
    const m = message();
    expect(m.headers['signature-input']).toBe(
      `jaring=("@method" "@target-uri" "content-digest" "date" "jaring-message-id");created=${NOW.getTime() / 1000};keyid="${KEY_ID}";alg="ed25519";tag="jaring-federation"`,
    );
    expect(await verifyRequest(m, options())).toEqual({
      keyId: KEY_ID,
      label: 'jaring',
      created: NOW,
      components: [...FEDERATION_COMPONENTS],
    });
  });

  it('accepts the same message read back from a fetch Request (Headers, any case)', async () => {
    const m = message();
    const upper = Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k.toUpperCase(), v]));
    const request = new Request(INBOX, { method: 'post', headers: upper, body: m.body });
    const body = new Uint8Array(await request.arrayBuffer());
    await expect(
      verifyRequest({ method: request.method, url: request.url, headers: request.headers, body }, options()),
    ).resolves.toMatchObject({ keyId: KEY_ID });
  });

  it('accepts at the edges of the window', async () => {
    expect(await refusal(message(), options({ now: new Date(NOW.getTime() + 300_000) }))).toBe('accepted');
    expect(await refusal(message(), options({ now: new Date(NOW.getTime() - 300_000) }))).toBe('accepted');
  });

  it('picks the signature with the Jaring tag, or the label asked for', async () => {
    const other = message({ label: 'proxy', tag: 'something-else' });
    const ours = message({ label: 'jaring' });
    const both = withHeaders(ours, {
      'signature-input': `${other.headers['signature-input']}, ${ours.headers['signature-input']}`,
      signature: `${other.headers.signature}, ${ours.headers.signature}`,
    });
    expect(await verifyRequest(both, options())).toMatchObject({ label: 'jaring' });
    expect(await refusal(both, options({ label: 'proxy' }))).toBe('signature_missing');
    expect(await refusal(both, options({ label: 'proxy', tag: null }))).toBe('bad_signature');
    expect(await refusal(message({ tag: 'other' }))).toBe('signature_missing');
    expect(await refusal(message({ tag: null }))).toBe('signature_missing');
    expect(await refusal(message({ tag: null }), options({ tag: null }))).toBe('accepted');
  });

  it('checks the digest only when it is given the body', async () => {
    const m = message();
    expect(await refusal({ method: m.method, url: m.url, headers: m.headers })).toBe('accepted');
    expect(await refusal({ ...m, body: bytes('tampered') })).toBe('digest_mismatch');
  });
});

describe('refusals', () => {
  it('digest_mismatch: the body was changed after signing', async () => {
    const m = message();
    expect(await refusal({ ...m, body: bytes('{"type":"referral.status","status":"rejected"}') })).toBe(
      'digest_mismatch',
    );
  });

  it('bad_signature: a covered header, the method or the signature was changed', async () => {
    const m = message();
    expect(await refusal(withHeaders(m, { 'jaring-message-id': randomUUID() }))).toBe('bad_signature');
    expect(await refusal({ ...m, method: 'PUT' })).toBe('bad_signature');
    const sig = Buffer.from(m.headers.signature.split(':')[1] ?? '', 'base64');
    sig[10] = (sig[10] ?? 0) ^ 1;
    expect(await refusal(withHeaders(m, { signature: `jaring=:${sig.toString('base64')}:` }))).toBe(
      'bad_signature',
    );
    expect(
      await refusal(withHeaders(m, { signature: `jaring=:${sig.subarray(1).toString('base64')}:` })),
    ).toBe('bad_signature');
  });

  it('bad_signature: a signature made for another node (different target URI)', async () => {
    const m = message();
    expect(await refusal({ ...m, url: 'https://vn.example/api/federation/inbox' })).toBe('bad_signature');
    expect(await refusal({ ...m, url: `${INBOX}?again=1` })).toBe('bad_signature');
  });

  it('bad_signature: signed by another key under a known key id', async () => {
    const intruder = generateKeyPairSync('ed25519').privateKey;
    expect(await refusal(message({ privateKey: intruder }))).toBe('bad_signature');
  });

  it('unknown_key: the key id is not known (or the peer is suspended)', async () => {
    expect(await refusal(message({ keyId: 'xx-node-key-9' }))).toBe('unknown_key');
    expect(await refusal(message(), options({ lookupKey: async () => null }))).toBe('unknown_key');
  });

  it('stale and future: created or Date outside the window', async () => {
    const past = new Date(NOW.getTime() - 301_000);
    const future = new Date(NOW.getTime() + 301_000);
    expect(await refusal(message({ created: past }))).toBe('stale');
    expect(await refusal(message({ created: future }))).toBe('future');
    expect(await refusal(message({}, past))).toBe('stale');
    expect(await refusal(message({}, future))).toBe('future');
    expect(await refusal(message(), options({ now: new Date(NOW.getTime() + 3_600_000) }))).toBe('stale');
  });

  it('stale: an expires parameter in the past', async () => {
    const m = message();
    const input = m.headers['signature-input'].replace(';alg=', `;expires=${NOW.getTime() / 1000 - 1};alg=`);
    expect(await refusal(withHeaders(m, { 'signature-input': input }))).toBe('stale');
  });

  it('component_missing: a covered header is not in the request', async () => {
    expect(await refusal(withHeaders(message(), { 'jaring-message-id': undefined }))).toBe(
      'component_missing',
    );
    expect(() =>
      signRequest({ method: 'POST', url: INBOX, headers: {} }, { keyId: KEY_ID, privateKey }),
    ).toThrowError(expect.objectContaining({ code: 'component_missing' }));
  });

  it('components_not_covered: the signature leaves out a required component', async () => {
    const partial = message({ components: ['@method', '@target-uri', 'content-digest', 'date'] });
    expect(await refusal(partial)).toBe('components_not_covered');
    expect(await refusal(partial, options({ requiredComponents: ['@method'] }))).toBe('accepted');
  });

  it('algorithm: alg other than ed25519, or a key of another type', async () => {
    const m = message();
    const hmac = m.headers['signature-input'].replace('alg="ed25519"', 'alg="hmac-sha256"');
    expect(await refusal(withHeaders(m, { 'signature-input': hmac }))).toBe('algorithm');
    const x25519 = generateKeyPairSync('x25519').publicKey;
    expect(await refusal(m, options({ lookupKey: (): KeyObject => x25519 }))).toBe('algorithm');
    expect(() => message({ privateKey: generateKeyPairSync('x25519').privateKey })).toThrowError(
      expect.objectContaining({ code: 'algorithm' }),
    );
    expect(() => message({ privateKey: publicKey })).toThrowError(
      expect.objectContaining({ code: 'algorithm' }),
    );
  });

  it('signature_missing: no Signature or Signature-Input', async () => {
    const m = message();
    expect(await refusal(withHeaders(m, { signature: undefined }))).toBe('signature_missing');
    expect(await refusal(withHeaders(m, { 'signature-input': undefined }))).toBe('signature_missing');
    expect(await refusal(withHeaders(m, { signature: 'other=:AAAA:' }))).toBe('signature_missing');
  });

  it('signature_malformed: headers that do not parse or break the rules', async () => {
    const m = message();
    const input = m.headers['signature-input'];
    const cases: Record<string, string>[] = [
      { 'signature-input': 'jaring=("@method"' },
      {
        'signature-input':
          'jaring=("@method" "@method" "@target-uri" "content-digest" "date" "jaring-message-id");created=1;keyid="k";tag="jaring-federation"',
      },
      { 'signature-input': input.replace(`;keyid="${KEY_ID}"`, '') },
      { 'signature-input': input.replace(/;created=\d+/, '') },
      { 'signature-input': input.replace(/;created=\d+/, ';created="yesterday"') },
      { 'signature-input': input.replace(/;created=\d+/, ';created=1772352000.5') },
      { 'signature-input': input.replace('"date"', '"Date"') },
      { 'signature-input': input.replace('"date"', '"date";sf') },
      { 'signature-input': input.replace('"date"', '"@status"') },
      { 'signature-input': input.replace('"date"', '"@signature-params"') },
      { 'signature-input': 'jaring="not a list";tag="jaring-federation"' },
      { signature: 'jaring="not bytes"' },
      { signature: 'jaring=:not base64!:' },
      { date: 'yesterday' },
      { 'jaring-message-id': 'ünïcode' },
    ];
    for (const change of cases) {
      expect({ change, code: await refusal(withHeaders(m, change)) }).toEqual({
        change,
        code: 'signature_malformed',
      });
    }
  });

  it('error messages say what is wrong without echoing the signature', async () => {
    const m = message();
    const err = await verifyRequest({ ...m, body: bytes('x') }, options()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignatureError);
    expect(String(err)).toMatch(/does not match its Content-Digest/);
    const bad = await verifyRequest(withHeaders(m, { 'jaring-message-id': 'x' }), options()).catch(
      (e: unknown) => e,
    );
    expect(String(bad)).not.toContain(m.headers.signature.slice(8, 40));
  });
});

describe('any single change to what is signed is refused', () => {
  it('one byte of the body', async () => {
    const m = message();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: m.body.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, xor) => {
          const body = Uint8Array.from(m.body);
          body[at] = (body[at] ?? 0) ^ xor;
          expect(await refusal({ ...m, body })).toBe('digest_mismatch');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('one character of a covered header', async () => {
    const m = message();
    const covered = ['content-digest', 'date', 'jaring-message-id'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...covered),
        fc.nat(),
        fc.integer({ min: 0x21, max: 0x7e }),
        async (name, index, code) => {
          const value = m.headers[name] ?? '';
          const at = index % value.length;
          fc.pre(value.charCodeAt(at) !== code);
          const changed = `${value.slice(0, at)}${String.fromCharCode(code)}${value.slice(at + 1)}`;
          const result = await refusal(withHeaders(m, { [name]: changed }));
          expect(['bad_signature', 'signature_malformed', 'stale', 'future']).toContain(result);
          if (name !== 'date') expect(result).toBe('bad_signature');
        },
      ),
      { numRuns: 300 },
    );
  });
});

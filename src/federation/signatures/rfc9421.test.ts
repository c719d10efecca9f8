import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parseDictionary } from 'structured-headers';
import { describe, expect, it } from 'vitest';
import { signatureBase } from './base.ts';
import { checkContentDigest } from './content-digest.ts';
import {
  RFC9421_B26,
  RFC9421_ED25519_KEY_ID,
  RFC9421_ED25519_PRIVATE_PEM,
  RFC9421_ED25519_PUBLIC_PEM,
  RFC9421_TEST_REQUEST,
} from './fixtures.ts';
import { signRequest } from './sign.ts';
import { verifyRequest } from './verify.ts';

// RFC 9421 Appendix B.2.6: our verifier accepts the RFC's Ed25519 signature, and our signer, given the
// same key, components and created time, produces the same bytes (Ed25519 is deterministic).

const publicKey = createPublicKey(RFC9421_ED25519_PUBLIC_PEM);
const privateKey = createPrivateKey(RFC9421_ED25519_PRIVATE_PEM);
const created = new Date(RFC9421_B26.created * 1000);

/** The B.2 test request with its content as bytes, as SignableRequest carries it. */
const unsigned = { ...RFC9421_TEST_REQUEST, body: new TextEncoder().encode(RFC9421_TEST_REQUEST.body) };

const signed = {
  ...unsigned,
  headers: {
    ...RFC9421_TEST_REQUEST.headers,
    'Signature-Input': RFC9421_B26.signatureInput,
    Signature: RFC9421_B26.signature,
  },
};

describe('RFC 9421 B.2.6 (ed25519)', () => {
  it('the B.1.4 private key is the pair of the B.1.4 public key', () => {
    const derived = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    expect(derived.equals(publicKey.export({ format: 'der', type: 'spki' }))).toBe(true);
  });

  it('builds the signature base printed in the RFC', () => {
    const input = parseDictionary(RFC9421_B26.signatureInput).get(RFC9421_B26.label);
    if (!input || !Array.isArray(input[0])) throw new Error('fixture Signature-Input is not an inner list');
    expect(signatureBase(signed, [input[0], input[1]])).toBe(RFC9421_B26.base);
  });

  it("verifies the RFC's signature", async () => {
    const verified = await verifyRequest(signed, {
      lookupKey: (id) => (id === RFC9421_ED25519_KEY_ID ? publicKey : null),
      now: new Date((RFC9421_B26.created + 30) * 1000),
      maxSkewSeconds: 300,
      requiredComponents: RFC9421_B26.components,
      tag: null,
    });
    expect(verified).toEqual({
      keyId: RFC9421_ED25519_KEY_ID,
      label: RFC9421_B26.label,
      created,
      components: [...RFC9421_B26.components],
    });
  });

  it("reproduces the RFC's Signature-Input and signature bytes", () => {
    const headers = signRequest(unsigned, {
      keyId: RFC9421_ED25519_KEY_ID,
      privateKey,
      created,
      label: RFC9421_B26.label,
      components: RFC9421_B26.components,
      tag: null,
      alg: false,
    });
    expect(headers).toEqual({
      'signature-input': RFC9421_B26.signatureInput,
      signature: RFC9421_B26.signature,
    });
  });

  it('refuses the RFC signature once a covered header changes', async () => {
    const changed = { ...signed, headers: { ...signed.headers, 'Content-Length': '19' } };
    await expect(
      verifyRequest(changed, {
        lookupKey: () => publicKey,
        now: created,
        maxSkewSeconds: 300,
        requiredComponents: [],
        tag: null,
      }),
    ).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it("the test-request's sha-512 Content-Digest matches its content (RFC 9421 B.2)", () => {
    expect(() =>
      checkContentDigest(RFC9421_TEST_REQUEST.headers['Content-Digest'], signed.body),
    ).not.toThrow();
  });
});

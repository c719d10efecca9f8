import { describe, expect, it } from 'vitest';
import { checkContentDigest, contentDigest } from './content-digest.ts';
import { SignatureError } from './errors.ts';
import { RFC9530_EXAMPLES } from './fixtures.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof SignatureError) return err.code;
    throw err;
  }
  return undefined;
}

describe('contentDigest', () => {
  it('gives the sha-256 values of RFC 9530', () => {
    for (const { body, header } of RFC9530_EXAMPLES.filter((e) => e.header.startsWith('sha-256'))) {
      expect(contentDigest(bytes(body))).toBe(header);
    }
  });
});

describe('checkContentDigest', () => {
  it('accepts every RFC 9530 example, sha-256 and sha-512', () => {
    for (const { body, header } of RFC9530_EXAMPLES) {
      expect(codeOf(() => checkContentDigest(header, bytes(body)))).toBeUndefined();
    }
  });

  it('accepts both members together and ignores deprecated algorithms', () => {
    const [a, , b] = RFC9530_EXAMPLES;
    const body = bytes('{"hello": "world"}\n');
    expect(codeOf(() => checkContentDigest(`${a.header}, ${b.header}`, body))).toBeUndefined();
    expect(codeOf(() => checkContentDigest(`md5=:AAAA:, ${a.header}`, body))).toBeUndefined();
  });

  it('refuses a body that differs from its digest', () => {
    const { body, header } = RFC9530_EXAMPLES[0];
    expect(codeOf(() => checkContentDigest(header, bytes(`${body} `)))).toBe('digest_mismatch');
  });

  it('refuses when any supported member does not match, even if another does', () => {
    const body = bytes('{"hello": "world"}');
    const good = contentDigest(body);
    const wrong512 = RFC9530_EXAMPLES[2].header;
    expect(codeOf(() => checkContentDigest(`${good}, ${wrong512}`, body))).toBe('digest_mismatch');
  });

  it('names a missing, malformed or unsupported header', () => {
    const body = bytes('{}');
    expect(codeOf(() => checkContentDigest(undefined, body))).toBe('digest_missing');
    expect(codeOf(() => checkContentDigest(null, body))).toBe('digest_missing');
    expect(codeOf(() => checkContentDigest('  ', body))).toBe('digest_missing');
    expect(codeOf(() => checkContentDigest('sha-256=:not base64', body))).toBe('digest_malformed');
    expect(codeOf(() => checkContentDigest('sha-256="abc"', body))).toBe('digest_malformed');
    expect(codeOf(() => checkContentDigest('sha-256', body))).toBe('digest_malformed');
    expect(codeOf(() => checkContentDigest('sha-256=:AAAA:', body))).toBe('digest_malformed');
    expect(codeOf(() => checkContentDigest('SHA-256=:AAAA:', body))).toBe('digest_malformed');
    expect(codeOf(() => checkContentDigest('md5=:AAAA:', body))).toBe('digest_algorithm');
    expect(codeOf(() => checkContentDigest('sha-384=:AAAA:, unixsum=3', body))).toBe('digest_algorithm');
  });
});

import { createHash, timingSafeEqual } from 'node:crypto';
import { type Dictionary, parseDictionary, serializeDictionary } from 'structured-headers';
import { quote, SignatureError } from './errors.ts';

// Content-Digest (RFC 9530 §2): an RFC 8941 Dictionary of algorithm → byte sequence over the message
// content as sent. Only the two algorithms RFC 9530 §5 registers as "Active" are checked; others
// (md5, sha, unixsum, …) are "Deprecated" and ignored, as §2 lets a recipient do.
const ALGORITHMS = {
  'sha-256': { hash: 'sha256', bytes: 32 },
  'sha-512': { hash: 'sha512', bytes: 64 },
} as const;
type Algorithm = keyof typeof ALGORITHMS;

const isSupported = (key: string): key is Algorithm => Object.hasOwn(ALGORITHMS, key);

/** `sha-256=:<base64>:` for the body. */
export function contentDigest(body: Uint8Array): string {
  return serializeDictionary(new Map([['sha-256', [createHash('sha256').update(body).digest(), new Map()]]]));
}

/**
 * Checks a Content-Digest header against the body: at least one sha-256 or sha-512 member, and every
 * such member equal to the digest of the body. Throws SignatureError otherwise.
 */
export function checkContentDigest(header: string | null | undefined, body: Uint8Array): void {
  if (header === null || header === undefined || header.trim() === '') {
    throw new SignatureError('digest_missing', 'the request has no Content-Digest header');
  }
  let members: Dictionary;
  try {
    members = parseDictionary(header);
  } catch {
    throw new SignatureError(
      'digest_malformed',
      'the Content-Digest header is not a structured-field dictionary (RFC 9530 §2)',
    );
  }
  const expected: [Algorithm, Uint8Array][] = [];
  for (const [key, value] of members) {
    if (!isSupported(key)) continue;
    const bytes = value[0];
    if (!(bytes instanceof ArrayBuffer) || bytes.byteLength !== ALGORITHMS[key].bytes) {
      throw new SignatureError(
        'digest_malformed',
        `the Content-Digest member ${key} must be a ${ALGORITHMS[key].bytes}-byte byte sequence (:base64:)`,
      );
    }
    expected.push([key, new Uint8Array(bytes)]);
  }
  if (expected.length === 0) {
    const found = [...members.keys()].map((k) => quote(k, 20)).join(', ') || 'none';
    throw new SignatureError(
      'digest_algorithm',
      `the Content-Digest header has no sha-256 or sha-512 member (found: ${found})`,
    );
  }
  for (const [key, digest] of expected) {
    const actual = createHash(ALGORITHMS[key].hash).update(body).digest();
    if (!timingSafeEqual(actual, digest)) {
      throw new SignatureError('digest_mismatch', `the body does not match its Content-Digest (${key})`);
    }
  }
}

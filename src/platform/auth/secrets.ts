import { createHash, randomBytes } from 'node:crypto';

// Session ids and API tokens are 256-bit random secrets; only their SHA-256 is stored.
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { ed25519PublicKey } from '../../platform/audit/checkpoint.ts';
import { canonicalJson } from '../../platform/util/canonical-json.ts';

// A node's card (id, country, name, base URL, Ed25519 public key) and the invitation that carries
// it. The invitation is signed with the inviting node's key (so a changed URL or key shows) and
// holds a one-time secret, which is why it must travel like a password.

export const INVITATION_PREFIX = 'jaring-invitation:';

export const cardSchema = z.object({
  nodeId: z.string().uuid(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  name: z.string().min(1).max(200),
  baseUrl: z.string().url().max(500),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 32-byte Ed25519 key in base64url'),
});
export type Card = z.infer<typeof cardSchema>;

const invitationSchema = z.object({
  v: z.literal(1),
  card: cardSchema,
  invitationId: z.string().uuid(),
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  expiresAt: z.string().datetime(),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export type Invitation = z.infer<typeof invitationSchema>;

const keyObjects = new Map<string, KeyObject>();

/** The KeyObject of a raw Ed25519 public key (kept: the inbox needs one per message). */
export function ed25519Key(raw: Buffer): KeyObject {
  const id = raw.toString('base64');
  let key = keyObjects.get(id);
  if (!key) {
    key = ed25519PublicKey(raw);
    if (keyObjects.size > 1000) keyObjects.clear();
    keyObjects.set(id, key);
  }
  return key;
}

/** Six groups of four letters (SHA-256 of the raw key, Crockford base32): read aloud to compare. */
export function fingerprint(publicKey: Buffer): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const digest = createHash('sha256').update(publicKey).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest.subarray(0, 15)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

const signedPart = (i: Omit<Invitation, 'signature'>) =>
  Buffer.from(`jaring invitation\n${canonicalJson(i)}`, 'utf8');

export function encodeInvitation(i: Omit<Invitation, 'signature'>, privateKey: KeyObject): string {
  const signature = sign(null, signedPart(i), privateKey).toString('base64url');
  return INVITATION_PREFIX + Buffer.from(JSON.stringify({ ...i, signature }), 'utf8').toString('base64url');
}

export class InvitationError extends Error {}

/** Decodes and checks an invitation: its shape, its signature by the key it names, and its expiry. */
export function decodeInvitation(text: string, now: Date): Invitation {
  const trimmed = text.trim();
  if (!trimmed.startsWith(INVITATION_PREFIX)) {
    throw new InvitationError(`An invitation starts with "${INVITATION_PREFIX}".`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(trimmed.slice(INVITATION_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw new InvitationError('The invitation is damaged: it is not readable. Copy it again, whole.');
  }
  const result = invitationSchema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InvitationError(`The invitation is damaged (${where}).`);
  }
  const { signature, ...rest } = result.data;
  const key = ed25519Key(Buffer.from(rest.card.publicKey, 'base64url'));
  if (!verify(null, signedPart(rest), key, Buffer.from(signature, 'base64url'))) {
    throw new InvitationError('The invitation was changed after it was made: its signature does not match.');
  }
  if (new Date(rest.expiresAt).getTime() <= now.getTime()) {
    throw new InvitationError(`The invitation expired at ${rest.expiresAt}; ask for a new one.`);
  }
  return result.data;
}

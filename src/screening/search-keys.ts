import { createHmac, randomBytes } from 'node:crypto';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Db } from '../platform/db/database.ts';
import { secretContext } from './encrypted-columns.ts';
import { insertSecretIfAbsent, readSecret } from './repo.ts';
import type { Identifier } from './types.ts';
import { WATCHABLE_KINDS } from './types.ts';
import { normalizeWatchValue } from './watch-value.ts';

// Keyed identifier tokens. An alert's post and result are sealed with random nonces, so the database
// cannot compare them; `GET /api/alerts?q=` instead compares an HMAC-SHA-256 of each identifier the
// post names (its normalised form, whatever the platform: a number on WhatsApp and by phone is one
// token), under a module secret sealed under the node's data key. A database copy alone can neither
// recompute nor invert them. Trade-off (README): equal identifiers give equal tokens, so whoever
// holds the database sees which alerts share an identifier, never which identifier it is.

export type AlertSearchKey = { identifier: Buffer };

const SECRET = 'search';
const WATCHABLE = new Set<string>(WATCHABLE_KINDS);
const loaded = new WeakMap<FieldCipher, Promise<AlertSearchKey>>();

async function loadKey(db: Db, cipher: FieldCipher): Promise<AlertSearchKey> {
  const context = secretContext(SECRET);
  // Whichever process inserts first wins; everyone then reads the same row.
  await insertSecretIfAbsent(db, SECRET, cipher.encrypt(randomBytes(32).toString('base64'), context));
  const secret = Buffer.from(cipher.decrypt(await readSecret(db, SECRET), context), 'base64');
  return { identifier: createHmac('sha256', secret).update('jaring screening v1 identifier').digest() };
}

/**
 * The module's search key, created on first use and cached per cipher (one per node process). Give
 * it the pool, never a transaction: a key created in a transaction that rolls back would stay cached.
 */
export function alertSearchKey(db: Db, cipher: FieldCipher): Promise<AlertSearchKey> {
  let key = loaded.get(cipher);
  if (!key) {
    key = loadKey(db, cipher);
    loaded.set(cipher, key);
    key.catch(() => loaded.delete(cipher));
  }
  return key;
}

const token = (key: AlertSearchKey, normalized: string) =>
  createHmac('sha256', key.identifier)
    .update(normalized, 'utf8')
    .digest()
    .subarray(0, 16)
    .toString('base64url');

/** The tokens stored with an alert: one per distinct identifier that names a person or an account. */
export function identifierKeys(
  key: AlertSearchKey,
  identifiers: readonly Pick<Identifier, 'kind' | 'normalized'>[],
) {
  return [...new Set(identifiers.filter((i) => WATCHABLE.has(i.kind)).map((i) => token(key, i.normalized)))];
}

/**
 * The tokens a search for `q` matches: `q` read as each kind of identifier, as the watchlist reads a
 * value (a phone number in national format with the node's country, a bare handle, a link…).
 */
export function searchKeysFor(key: AlertSearchKey, q: string, country: string): string[] {
  const forms = new Set<string>();
  for (const kind of WATCHABLE_KINDS) {
    const normalized = normalizeWatchValue(kind, q, country);
    if (normalized) forms.add(normalized);
  }
  return [...forms].map((n) => token(key, n));
}

import { createHmac, randomBytes } from 'node:crypto';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Exec } from '../platform/db/database.ts';
import { asUnicodeBurmese } from '../screening/text/zawgyi.ts';
import { fieldContext } from './encrypted-columns.ts';

// Keyed search tokens and pseudonyms. Identity fields are encrypted with random nonces, so equal
// names give unequal ciphertexts; duplicate search needs something comparable that is not the
// plaintext. Each is an HMAC-SHA-256 under a sub-key of one module secret, itself sealed under
// the node's data key (victims_secrets), so a database copy alone cannot recompute or invert them.
// Trade-off (README): equal inputs give equal keys, so whoever holds the database sees which rows
// share a birth date, and the frequency of name trigram tokens can be matched against public name
// statistics to guess common trigrams. That is far less than plaintext, and it is what makes a
// trigram index (pg_trgm) over names possible.

export type SearchKeys = {
  nameTokens: Buffer;
  birthdate: Buffer;
  identityNumber: Buffer;
  phone: Buffer;
  pseudonym: Buffer;
};
/** The keys of the search columns alone (an HTCDS import's seal worker holds these, no pseudonym key). */
export type TokenKeys = Omit<SearchKeys, 'pseudonym'>;

const SECRET = 'search';
const loaded = new WeakMap<FieldCipher, Promise<SearchKeys>>();

function derive(secret: Buffer): SearchKeys {
  const sub = (label: string) => createHmac('sha256', secret).update(`jaring victims v1 ${label}`).digest();
  return {
    nameTokens: sub('name tokens'),
    birthdate: sub('birthdate'),
    identityNumber: sub('identity number'),
    phone: sub('phone'),
    pseudonym: sub('pseudonym'),
  };
}

async function loadSecret(db: Exec, cipher: FieldCipher): Promise<SearchKeys> {
  const context = fieldContext('victims_secrets', 'secret_enc', SECRET);
  const fresh = cipher.encrypt(randomBytes(32).toString('base64'), context);
  // Whichever process inserts first wins; everyone then reads the same row.
  await db
    .insertInto('victims_secrets')
    .values({ name: SECRET, secret_enc: fresh })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('victims_secrets')
    .select('secret_enc')
    .where('name', '=', SECRET)
    .executeTakeFirstOrThrow();
  return derive(Buffer.from(cipher.decrypt(row.secret_enc, context), 'base64'));
}

/** The module's keys, created on first use and cached per cipher (one per node process). */
export function searchKeys(db: Exec, cipher: FieldCipher): Promise<SearchKeys> {
  let keys = loaded.get(cipher);
  if (!keys) {
    keys = loadSecret(db, cipher);
    loaded.set(cipher, keys);
    keys.catch(() => loaded.delete(cipher));
  }
  return keys;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= chars) break;
  }
  return out;
}

const hmac = (key: Buffer, value: string) => createHmac('sha256', key).update(value, 'utf8').digest();

/**
 * Latin letters lose their diacritics (Nguyễn → nguyen); other scripts keep their marks, which are
 * letters' vowels there. A Burmese name typed in Zawgyi (the legacy font encoding: the same name,
 * other code points) is compared as its Unicode form, so the two find each other.
 */
export function foldName(name: string): string {
  return asUnicodeBurmese(name)
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(/[đĐ]/g, 'd')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Trigrams as pg_trgm forms them: each word padded with two spaces before and one after. */
export function nameTrigrams(name: string): string[] {
  const grams = new Set<string>();
  for (const word of foldName(name).split(' ').filter(Boolean)) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  }
  return [...grams].sort();
}

/** The same trigrams in reading order: word by word, left to right, repeats kept. */
function trigramsInOrder(name: string): string[] {
  const grams: string[] = [];
  for (const word of foldName(name).split(' ').filter(Boolean)) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) grams.push(chars.slice(i, i + 3).join(''));
  }
  return grams;
}

/**
 * The value of persons.name_tokens: one 7-letter keyed token per trigram of the name's parts,
 * space-separated. pg_trgm's similarity of two such strings tracks the trigram overlap of the names.
 * Tokens keep the name's reading order, so pg_trgm's word_similarity (`<%`) finds one name part
 * inside a longer name as a contiguous run (duplicates/README.md): sorted, they were scattered.
 */
export function nameTokens(keys: TokenKeys, names: readonly (string | null | undefined)[]): string {
  const grams = trigramsInOrder(names.filter((n): n is string => Boolean(n)).join(' '));
  return grams.map((g) => trigramToken(keys.nameTokens, g)).join(' ');
}

// Names share most of their trigrams, and an HMAC costs ~3 µs: an import of 100,000 persons computes
// ~2 million tokens from a few thousand distinct trigrams. Kept per key, in this process only.
const TOKEN_CACHE_LIMIT = 200_000;
const tokenCaches = new WeakMap<Buffer, Map<string, string>>();

function trigramToken(key: Buffer, gram: string): string {
  let cache = tokenCaches.get(key);
  if (!cache) {
    cache = new Map();
    tokenCaches.set(key, cache);
  }
  let token = cache.get(gram);
  if (token === undefined) {
    token = base32(hmac(key, gram), 7);
    if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
    cache.set(gram, token);
  }
  return token;
}

export function birthdateKey(keys: TokenKeys, isoDate: string): string {
  return hmac(keys.birthdate, isoDate).subarray(0, 16).toString('base64url');
}

/** Identity numbers compare without case, spaces or punctuation. */
export function identityNumberKey(keys: TokenKeys, value: string): string {
  const normalised = value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return hmac(keys.identityNumber, normalised).subarray(0, 16).toString('base64url');
}

/** Phones are stored normalised (E.164 without spaces); the key ignores a leading +. */
export function phoneKey(keys: TokenKeys, e164: string): string {
  return hmac(keys.phone, e164.replace(/^\+/, '')).subarray(0, 16).toString('base64url');
}

/**
 * A stable label such as P-7KQ2M-4XDAB, shown instead of a name to those who may not see
 * identities. 50 bits: among a million persons a collision is about 1 in 2,000.
 */
export function pseudonymOf(keys: SearchKeys, personId: string): string {
  const code = base32(hmac(keys.pseudonym, personId), 10).toUpperCase();
  return `P-${code.slice(0, 5)}-${code.slice(5)}`;
}

import { DecryptionError } from '../platform/crypto/aead.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import { fieldContext } from './encrypted-columns.ts';
import { type IdentityInput, normalisePhone } from './person-schema.ts';
import type { PersonRow } from './repo.ts';
import { birthdateKey, identityNumberKey, nameTokens, phoneKey, type TokenKeys } from './search-keys.ts';

// Sealing and opening a person's identity fields (HTCDS prs_), and the keyed search columns
// computed from them. A value that fails to open is reported as tampered, never returned.

export const TEXT_IDENTITY = [
  ['salutation', 'salutation_enc'],
  ['firstName', 'first_name_enc'],
  ['middleName', 'middle_name_enc'],
  ['secondName', 'second_name_enc'],
  ['birthdate', 'birthdate_enc'],
  ['identityNumber', 'identity_number_enc'],
  ['email', 'email_enc'],
  ['homePhone', 'home_phone_enc'],
  ['mobilePhone', 'mobile_phone_enc'],
  ['mailingStreet', 'mailing_street_enc'],
  ['mailingCity', 'mailing_city_enc'],
  ['mailingState', 'mailing_state_enc'],
  ['mailingPostalCode', 'mailing_postal_code_enc'],
] as const;
export const NUMBER_IDENTITY = [
  ['mailingLatitude', 'mailing_latitude_enc'],
  ['mailingLongitude', 'mailing_longitude_enc'],
] as const;

type TextKey = (typeof TEXT_IDENTITY)[number][0];
type NumberKey = (typeof NUMBER_IDENTITY)[number][0];
export type IdentityKey = TextKey | NumberKey;
type EncColumn = (typeof TEXT_IDENTITY)[number][1] | (typeof NUMBER_IDENTITY)[number][1];
export type SealedIdentity = { [C in EncColumn]?: string | null };

const NAME_KEYS = ['firstName', 'middleName', 'secondName'] as const;
const PHONE_KEYS = new Set<IdentityKey>(['homePhone', 'mobilePhone']);

function plainOf(key: IdentityKey, value: string | number): string {
  if (typeof value === 'number') return String(value);
  return PHONE_KEYS.has(key) ? normalisePhone(value) : value;
}

/** Encrypts the identity fields the input names (null clears one), bound to the person's id. */
export function sealIdentity(cipher: FieldCipher, personId: string, input: IdentityInput): SealedIdentity {
  const out: SealedIdentity = {};
  for (const [key, column] of [...TEXT_IDENTITY, ...NUMBER_IDENTITY]) {
    const value = input[key];
    if (value === undefined) continue;
    out[column] =
      value === null ? null : cipher.encrypt(plainOf(key, value), fieldContext('persons', column, personId));
  }
  return out;
}

export type OpenedIdentity = {
  text(key: TextKey): string | null;
  number(key: NumberKey): number | null;
  /** Fields whose stored value failed authentication (modified, moved, or under an unknown key). */
  tampered: IdentityKey[];
};

export function openIdentity(cipher: FieldCipher, row: PersonRow): OpenedIdentity {
  const values = new Map<IdentityKey, string>();
  const tampered: IdentityKey[] = [];
  for (const [key, column] of [...TEXT_IDENTITY, ...NUMBER_IDENTITY]) {
    const sealed = row[column];
    if (sealed === null) continue;
    try {
      values.set(key, cipher.decrypt(sealed, fieldContext('persons', column, row.id)));
    } catch (err) {
      if (!(err instanceof DecryptionError)) throw err;
      tampered.push(key);
    }
  }
  return {
    text: (key) => values.get(key) ?? null,
    number: (key) => {
      const v = values.get(key);
      return v === undefined ? null : Number(v);
    },
    tampered,
  };
}

export class TamperedError extends Error {
  constructor(readonly fields: IdentityKey[]) {
    super(`stored values failed authentication: ${fields.join(', ')}`);
  }
}

/** Plaintext identity after applying `input` over what is stored (for search keys and rules). */
export function mergeIdentity(
  stored: OpenedIdentity | null,
  input: IdentityInput,
  needed: readonly IdentityKey[],
): Map<IdentityKey, string> {
  const merged = new Map<IdentityKey, string>();
  const broken: IdentityKey[] = [];
  for (const key of needed) {
    const given = input[key];
    if (given === null) continue;
    if (given !== undefined) {
      merged.set(key, plainOf(key, given));
      continue;
    }
    if (stored?.tampered.includes(key)) broken.push(key);
    const kept = stored === null ? null : storedValue(stored, key);
    if (kept !== null) merged.set(key, kept);
  }
  if (broken.length > 0) throw new TamperedError(broken);
  return merged;
}

function storedValue(stored: OpenedIdentity, key: IdentityKey): string | null {
  if (key === 'mailingLatitude' || key === 'mailingLongitude') {
    const n = stored.number(key);
    return n === null ? null : String(n);
  }
  return stored.text(key);
}

export type SearchColumns = {
  name_tokens?: string;
  birthdate_key?: string | null;
  identity_number_key?: string | null;
  phone_keys?: string[];
};

/** The keyed search columns that `input` changes, computed from the merged identity. */
export function searchColumns(
  keys: TokenKeys,
  stored: OpenedIdentity | null,
  input: IdentityInput,
): SearchColumns {
  const out: SearchColumns = {};
  const touches = (list: readonly IdentityKey[]) => list.some((k) => input[k] !== undefined);
  if (touches(NAME_KEYS)) {
    const m = mergeIdentity(stored, input, NAME_KEYS);
    out.name_tokens = nameTokens(
      keys,
      NAME_KEYS.map((k) => m.get(k)),
    );
  }
  if (input.birthdate !== undefined)
    out.birthdate_key = input.birthdate === null ? null : birthdateKey(keys, input.birthdate);
  if (input.identityNumber !== undefined) {
    out.identity_number_key =
      input.identityNumber === null ? null : identityNumberKey(keys, input.identityNumber);
  }
  const phones = ['homePhone', 'mobilePhone'] as const;
  if (touches(phones)) {
    const m = mergeIdentity(stored, input, phones);
    out.phone_keys = [...new Set(phones.flatMap((k) => m.get(k) ?? []).map((p) => phoneKey(keys, p)))];
  }
  return out;
}

/** Opens one encrypted narrative column; `tampered` when it fails authentication. */
export function openField(
  cipher: FieldCipher,
  table: string,
  column: string,
  id: string,
  sealed: string | null,
): { value: string | null } | 'tampered' {
  if (sealed === null) return { value: null };
  try {
    return { value: cipher.decrypt(sealed, fieldContext(table, column, id)) };
  } catch (err) {
    if (err instanceof DecryptionError) return 'tampered';
    throw err;
  }
}

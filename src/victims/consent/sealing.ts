import { DecryptionError } from '../../platform/crypto/aead.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { consentContext } from './encrypted-columns.ts';
import type { ConsentHistory } from './repo.ts';

// The identity-bearing parts of a consent (who gave it for the person, the witness, the
// interpreter) and a withdrawal's note are sealed with FieldCipher, bound to their row and column.

export const sealConsentName = (cipher: FieldCipher, column: string, consentId: string, value: string) =>
  cipher.encrypt(value, consentContext('consents', column, consentId));

export const sealWithdrawalNote = (cipher: FieldCipher, withdrawalId: string, note: string) =>
  cipher.encrypt(note, consentContext('consent_withdrawals', 'note_enc', withdrawalId));

/** Opens one sealed value; 'tampered' when it fails authentication (changed, moved, unknown key). */
export function openSealed(
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

export type OpenedConsent = ConsentHistory & {
  giverName: string | null;
  witnessName: string | null;
  interpreterName: string | null;
  note: string | null;
  /** Fields that failed authentication; their value is null, never garbage. */
  tampered: string[];
};

export function openConsent(cipher: FieldCipher, h: ConsentHistory): OpenedConsent {
  const tampered: string[] = [];
  const open = (
    table: 'consents' | 'consent_withdrawals',
    column: string,
    id: string,
    sealed: string | null,
    name: string,
  ) => {
    const opened = openSealed(cipher, table, column, id, sealed);
    if (opened !== 'tampered') return opened.value;
    tampered.push(name);
    return null;
  };
  const c = h.consent;
  const w = h.withdrawal;
  return {
    ...h,
    giverName: open('consents', 'giver_name_enc', c.id, c.giver_name_enc, 'givenBy.name'),
    witnessName: open('consents', 'witness_name_enc', c.id, c.witness_name_enc, 'method.witness.name'),
    interpreterName: open(
      'consents',
      'interpreter_name_enc',
      c.id,
      c.interpreter_name_enc,
      'interpreter.name',
    ),
    note: w ? open('consent_withdrawals', 'note_enc', w.id, w.note_enc, 'withdrawal.note') : null,
    tampered,
  };
}

import { randomUUID } from 'node:crypto';
import { DecryptionError } from '../platform/crypto/aead.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import { type AlertSealedColumn, alertContext } from './encrypted-columns.ts';
import type { NewAlert, SealedNewAlert } from './repo.ts';
import { type AlertSearchKey, identifierKeys } from './search-keys.ts';
import type { ScreenResult } from './types.ts';

// An alert's post and its screening result name victims' and recruiters' phone numbers, handles and
// names: both are sealed with the node's field encryption before they reach the database, bound to
// the alert's id (encrypted-columns.ts). A value that does not open (changed, or moved from another
// alert or column) is reported as tampered, never shown.

export type SealedAlertFields = { post_text_enc: string; result_enc: string; identifier_keys: string[] };

export function sealAlertFields(
  cipher: FieldCipher,
  key: AlertSearchKey,
  alertId: string,
  text: string,
  result: ScreenResult,
): SealedAlertFields {
  return {
    post_text_enc: cipher.encrypt(text, alertContext('post_text_enc', alertId)),
    result_enc: cipher.encrypt(JSON.stringify(result), alertContext('result_enc', alertId)),
    identifier_keys: identifierKeys(key, result.identifiers),
  };
}

/** New alerts ready to insert: each with its id, its post and result sealed to it. */
export function sealNewAlerts(
  cipher: FieldCipher,
  key: AlertSearchKey,
  alerts: readonly NewAlert[],
): SealedNewAlert[] {
  return alerts.map((a) => {
    const id = randomUUID();
    return { ...a, id, sealed: sealAlertFields(cipher, key, id, a.input.text, a.result) };
  });
}

/** API names of an alert's sealed fields. */
export type AlertSealedField = 'text' | 'result';

function openColumn(cipher: FieldCipher, column: AlertSealedColumn, alertId: string, sealed: string) {
  try {
    return cipher.decrypt(sealed, alertContext(column, alertId));
  } catch (err) {
    if (err instanceof DecryptionError) return undefined;
    throw err;
  }
}

/** The post as posted, or null (and `tampered`) when its stored value does not open. */
export function openAlertText(cipher: FieldCipher, a: { id: string; post_text_enc: string }) {
  const text = openColumn(cipher, 'post_text_enc', a.id, a.post_text_enc);
  return { text: text ?? null, tampered: text === undefined ? (['text'] as AlertSealedField[]) : [] };
}

export type OpenedAlert = { text: string | null; result: ScreenResult | null; tampered: AlertSealedField[] };

export function openAlert(
  cipher: FieldCipher,
  a: { id: string; post_text_enc: string; result_enc: string },
): OpenedAlert {
  const { text, tampered } = openAlertText(cipher, a);
  const json = openColumn(cipher, 'result_enc', a.id, a.result_enc);
  // Authenticated, so it is the JSON this module sealed.
  const result: ScreenResult | null = json === undefined ? null : JSON.parse(json);
  return { text, result, tampered: json === undefined ? [...tampered, 'result'] : tampered };
}

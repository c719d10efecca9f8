import { z } from 'zod';
import { DecryptionError } from '../../platform/crypto/aead.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { narrativeContext } from './encrypted-columns.ts';

// The officer's rationale and per-indicator notes, sealed together (narrative_enc). A value that
// fails authentication, or opens to something that is not a narrative, is reported as tampered.

export type Narrative = { rationale: string; notes: Record<string, string> };

const narrativeSchema = z.strictObject({ rationale: z.string(), notes: z.record(z.string(), z.string()) });

/** The key of an indicator's note: "<setId>/<indicatorId>". */
export const noteKey = (setId: string, indicatorId: string) => `${setId}/${indicatorId}`;

export const sealNarrative = (cipher: FieldCipher, assessmentId: string, narrative: Narrative) =>
  cipher.encrypt(JSON.stringify(narrative), narrativeContext(assessmentId));

export function openNarrative(
  cipher: FieldCipher,
  assessmentId: string,
  sealed: string,
): Narrative | 'tampered' {
  let plain: string;
  try {
    plain = cipher.decrypt(sealed, narrativeContext(assessmentId));
  } catch (err) {
    if (err instanceof DecryptionError) return 'tampered';
    throw err;
  }
  try {
    const parsed = narrativeSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : 'tampered';
  } catch {
    return 'tampered';
  }
}

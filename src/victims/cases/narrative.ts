import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { openField } from '../identity.ts';

// An encrypted narrative as one reader sees it: shown, withheld by policy, or tampered (failed
// authentication: reported, never shown).

export type Narrative = { status: 'shown'; value: string | null } | { status: 'withheld' | 'tampered' };

export function openNarrative(
  cipher: FieldCipher,
  allowed: boolean,
  at: { table: string; column: string; id: string },
  sealed: string | null,
): Narrative {
  if (!allowed) return { status: 'withheld' };
  const opened = openField(cipher, at.table, at.column, at.id, sealed);
  return opened === 'tampered' ? { status: 'tampered' } : { status: 'shown', value: opened.value };
}

export const narrativeValue = (n: Narrative) => (n.status === 'shown' ? n.value : null);

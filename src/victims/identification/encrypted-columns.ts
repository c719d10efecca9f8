import type { EncryptedColumn } from '../../platform/crypto/registry.ts';
import { fieldContext } from '../encrypted-columns.ts';

// The officer's rationale and per-indicator notes are sealed together in one column: they may
// retell what happened to the person. Plain objects, so platform/crypto/registry.ts can import this.

export const narrativeContext = (assessmentId: string) =>
  fieldContext('identification_assessments', 'narrative_enc', assessmentId);

export const identificationEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'identification_assessments', idColumn: 'id', column: 'narrative_enc', context: narrativeContext },
];

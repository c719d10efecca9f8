import type { CaseRecord } from '../schema.ts';

/**
 * Whether a case's reference or id contains the text. Not its persons: the case list carries none
 * (GET /api/victims/cases audits only the cases it lists; the case page shows and audits persons).
 */
export function caseMatches(c: Pick<CaseRecord, 'id' | 'externalId'>, text: string): boolean {
  const wanted = fold(text);
  if (!wanted) return true;
  return [c.externalId ?? '', c.id].some((value) => fold(value).includes(wanted));
}

/** Case- and accent-insensitive: NFKD without combining marks (ễ → e), Đ/đ → d. */
export function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[Đđ]/g, 'd').toLowerCase().trim();
}

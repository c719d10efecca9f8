import type { CaseRecord } from '../schema.ts';

/** Whether a case's reference, id or one of its persons (name or pseudonym) contains the text. */
export function caseMatches(c: CaseRecord, text: string): boolean {
  const wanted = fold(text);
  if (!wanted) return true;
  const haystack = [
    c.externalId ?? '',
    c.id,
    ...c.persons.flatMap((p) => [p.person.name ?? '', p.person.pseudonym]),
  ];
  return haystack.some((value) => fold(value).includes(wanted));
}

/** Case- and accent-insensitive: NFKD without combining marks (ễ → e), Đ/đ → d. */
export function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[Đđ]/g, 'd').toLowerCase().trim();
}

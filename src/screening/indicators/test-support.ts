import type { NormalizedText } from '../types.ts';

// Test-only stand-in for text/normalize.ts: lower-cases code unit by code unit and strips Latin
// diacritics for `bare`, so offsets are the identity and spans can be checked against the post.

function lowerUnit(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

function bareUnit(unit: string): string {
  if (unit === 'đ') return 'd';
  const stripped = unit.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return stripped.length === 1 ? stripped : unit;
}

export function plainNormalize(original: string): NormalizedText {
  let text = '';
  let bare = '';
  for (let i = 0; i < original.length; i++) {
    const lower = lowerUnit(original.charAt(i));
    text += lower;
    bare += bareUnit(lower);
  }
  const offsets = new Uint32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = i;
  return { original, text, bare, offsets, zawgyi: false };
}

/** Vietnamese as typed without diacritics: việc nhẹ lương cao → viec nhe luong cao. */
export function withoutDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

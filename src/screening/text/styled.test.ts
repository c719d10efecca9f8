import { describe, expect, it } from 'vitest';
import { parseStyledLetters, styledLetterOf } from './styled.ts';

describe('styled letters (data/lang/styled-letters.json)', () => {
  it('loads every letter of the four styles, astral ones included', () => {
    expect(String.fromCharCode(styledLetterOf(0x1d1b))).toBe('t'); // ᴛ
    expect(String.fromCharCode(styledLetterOf(0x1f170))).toBe('A'); // 🅰
    expect(String.fromCharCode(styledLetterOf(0x249c))).toBe('a'); // ⒜
    expect(styledLetterOf(0x61)).toBe(0);
  });

  it('refuses a file that maps to more than one letter, from ASCII, or from several characters', () => {
    const file = (map: Record<string, string>) => ({ version: 1, description: 'd', sources: ['s'], map });
    expect(() => parseStyledLetters(file({ ᴛ: 'th' }), 'x.json')).toThrow(
      /x\.json is invalid: map\.ᴛ: must be one Latin letter/,
    );
    expect(() => parseStyledLetters(file({ a: 'a' }), 'x.json')).toThrow(/a plain ASCII character/);
    expect(() => parseStyledLetters(file({ ᴛᴇ: 't' }), 'x.json')).toThrow(/must be one character/);
    expect(() => parseStyledLetters({ map: {} }, 'x.json')).toThrow(/x\.json is invalid/);
  });
});

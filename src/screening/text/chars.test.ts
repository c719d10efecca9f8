import { describe, expect, it } from 'vitest';
import { codeAt } from './chars.ts';

describe('codeAt', () => {
  it('reads a code unit inside the string, and -1 before or after it', () => {
    expect(codeAt('ab', 0)).toBe(0x61);
    expect(codeAt('ab', 1)).toBe(0x62);
    expect(codeAt('ab', -1)).toBe(-1);
    expect(codeAt('ab', 2)).toBe(-1);
    expect(codeAt('', 0)).toBe(-1);
  });
});

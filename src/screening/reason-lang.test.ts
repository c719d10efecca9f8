import { describe, expect, it } from 'vitest';
import { reasonLangOf } from './reason-lang.ts';

describe('reasonLangOf (Accept-Language → reason language)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['th', 'th'],
    ['th-TH,th;q=0.9,en;q=0.8', 'th'],
    ['fr-FR, vi;q=0.5, en;q=0.4', 'vi'],
    ['en;q=0.5, km;q=0.9', 'km'],
    ['tl-PH', 'fil'],
    ['in', 'id'],
    ['zh-Hans-CN', 'zh'],
    ['MY', 'my'],
    ['de, fr', 'en'],
    ['*', 'en'],
    ['th;q=0, lo', 'lo'],
    [';;,,q=', 'en'],
  ])('%s → %s', (header, lang) => {
    expect(reasonLangOf(header)).toBe(lang);
  });
});

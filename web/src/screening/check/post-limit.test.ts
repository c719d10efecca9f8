import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitPost, MAX_POST_BYTES, postRows } from './post-limit.ts';

// Found by a QA pass: 2 MB pasted into the post field froze the tab for minutes, and the server's
// limit showed only after sending, in English.

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** The server's MAX_POST_BYTES, read from its schema (the web does not import server code). */
function serverMax(): number {
  const schema = readFileSync(new URL('../../../../src/screening/schema.ts', import.meta.url), 'utf8');
  const [, expression = ''] = /export const MAX_POST_BYTES = ([\d_ *]+);/.exec(schema) ?? [];
  return expression.split('*').reduce((product, factor) => product * Number(factor.replaceAll('_', '')), 1);
}

describe('fitPost', () => {
  it('holds what the server takes, counted in UTF-8 bytes as it counts them', () => {
    expect(MAX_POST_BYTES).toBe(serverMax());
    const thai = 'งานง่ายรายได้ดี '.repeat(20_000); // 3 bytes a letter: ~960 KB
    const fitted = fitPost(thai);
    expect(fitted.cut).toBe(true);
    expect(bytes(fitted.text)).toBeLessThanOrEqual(MAX_POST_BYTES);
    expect(bytes(fitted.text)).toBeGreaterThan(MAX_POST_BYTES - 3);
    expect(thai.startsWith(fitted.text)).toBe(true);
  });

  it('keeps a post within the limit as it is, up to the last byte', () => {
    const exact = 'a'.repeat(MAX_POST_BYTES);
    expect(fitPost(exact)).toEqual({ text: exact, cut: false });
    expect(fitPost(`${exact}b`)).toEqual({ text: exact, cut: true });
    expect(fitPost('ok')).toEqual({ text: 'ok', cut: false });
  });

  it('never splits a character (a surrogate pair, a 3-byte letter)', () => {
    const emoji = `${'a'.repeat(MAX_POST_BYTES - 2)}😀`; // the emoji's 4 bytes do not fit
    expect(fitPost(emoji).text).toBe('a'.repeat(MAX_POST_BYTES - 2));
    const text = fitPost('😀'.repeat(MAX_POST_BYTES)).text;
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(text)).toBe(false);
    expect(bytes(text)).toBe(MAX_POST_BYTES);
  });
});

describe('postRows', () => {
  it('counts lines and wrapped long lines between min and max', () => {
    expect(postRows('', 80, 6, 20)).toBe(6);
    expect(postRows('a\nb\nc\nd\ne\nf\ng\nh', 80, 6, 20)).toBe(8);
    expect(postRows('x'.repeat(800), 80, 6, 20)).toBe(10);
    expect(postRows('line\n'.repeat(100), 80, 6, 20)).toBe(20);
  });

  it('reads no further than max rows of a post of any size', () => {
    const huge = `${'x'.repeat(2_000_000)}\n`.repeat(2);
    expect(postRows(huge, 80, 6, 20)).toBe(20);
    expect(postRows('\n'.repeat(2_000_000), 80, 6, 20)).toBe(20);
  });
});

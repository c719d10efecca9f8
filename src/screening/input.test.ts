import { describe, expect, it } from 'vitest';
import { parseLine } from './input.ts';

// One JSON Lines line of `jaring screen` and of a batch upload, read into a post or a clear error.

const line = (value: object) => JSON.stringify(value);

describe('a JSON Lines line', () => {
  it('reads null fields as absent, as exporters write them', () => {
    const parsed = parseLine(
      line({ id: null, text: 'Tuyển gấp', country: null, lang: null, url: null, postedAt: null }),
      'jsonl',
      7,
    );
    expect(parsed).toEqual({ ok: true, input: { id: '7', text: 'Tuyển gấp' } });
  });

  it('keeps the fields it is given, the country in capitals', () => {
    const parsed = parseLine(
      line({
        id: 12,
        text: 'x',
        country: 'vn',
        lang: 'vi',
        url: 'https://t.me/a',
        postedAt: '2026-11-01T10:00:00+07:00',
      }),
      'jsonl',
      1,
    );
    expect(parsed).toEqual({
      ok: true,
      input: {
        id: '12',
        text: 'x',
        country: 'VN',
        lang: 'vi',
        url: 'https://t.me/a',
        postedAt: '2026-11-01T10:00:00+07:00',
      },
    });
  });

  it('says what is wrong with a field, in words', () => {
    const error = (value: object) => {
      const parsed = parseLine(line(value), 'jsonl', 3);
      return parsed.ok ? null : parsed.error;
    };
    expect(error({ text: 'x', id: true })).toBe(
      'line 3: id must be a string of at most 200 characters or a number',
    );
    expect(error({ text: 'x', id: 'i'.repeat(201) })).toBe(
      'line 3: id must be a string of at most 200 characters or a number',
    );
    expect(error({ text: 'x', country: 84 })).toBe('line 3: country must be a two-letter country code');
    expect(error({ text: 'x', url: ['a'] })).toBe('line 3: url must be a string');
    expect(error({ text: null })).toBe('line 3: text must be a string');
    expect(error({ id: 'a' })).toBe('line 3: text is missing');
  });
});

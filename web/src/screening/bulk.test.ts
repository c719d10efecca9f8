import { describe, expect, it } from 'vitest';
import { excerptOf, parsePostFile } from './bulk.ts';

describe('parsePostFile', () => {
  it('reads plain text one post per line, skipping blank lines', () => {
    const parsed = parsePostFile('posts.txt', 'first post\r\n\n  \nsecond <b>post</b>\n', 200);
    expect(parsed.format).toBe('text');
    expect(parsed.total).toBe(2);
    expect(parsed.lines).toEqual([
      { line: 1, input: { text: 'first post' } },
      { line: 4, input: { text: 'second <b>post</b>' } },
    ]);
  });

  it('reads JSON Lines with optional fields and reports bad lines', () => {
    const content = [
      '\uFEFF{"text":"việc nhẹ lương cao","id":7,"country":"vn","lang":"VI","extra":true}',
      '{"text":""}',
      'not json',
      '"a bare string post"',
      '{"id":"x"}',
    ].join('\n');
    const parsed = parsePostFile('posts.jsonl', content, 200);
    expect(parsed.format).toBe('jsonl');
    expect(parsed.lines).toEqual([
      { line: 1, input: { text: 'việc nhẹ lương cao', id: '7', country: 'VN', lang: 'vi' } },
      { line: 2, problem: 'no_text' },
      { line: 3, problem: 'invalid_json' },
      { line: 4, input: { text: 'a bare string post' } },
      { line: 5, problem: 'no_text' },
    ]);
  });

  it('detects JSON Lines by content when the name does not say', () => {
    expect(parsePostFile('upload', '{"text":"a"}', 200).format).toBe('jsonl');
  });

  it('keeps only the first posts and counts them all', () => {
    const content = Array.from({ length: 250 }, (_, i) => `post ${i + 1}`).join('\n');
    const parsed = parsePostFile('many.txt', content, 200);
    expect(parsed.total).toBe(250);
    expect(parsed.lines).toHaveLength(200);
    expect(parsed.lines.at(-1)).toEqual({ line: 200, input: { text: 'post 200' } });
  });
});

describe('excerptOf', () => {
  it('cuts long text without splitting a surrogate pair', () => {
    expect(excerptOf('short', 10)).toBe('short');
    expect(excerptOf('abcdef', 3)).toBe('abc…');
    expect(excerptOf('ab😀cd', 3)).toBe('ab…');
  });
});

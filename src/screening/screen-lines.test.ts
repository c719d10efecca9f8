import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScreeningModel } from './default-model.ts';
import { ORDINARY_ADS, SCAM_POSTS } from './indicators/fixtures.ts';
import { analyzePost, analyzePosts, screenPost, screenPosts } from './pipeline.ts';
import { screenLines } from './screen-line.ts';

const model = loadScreeningModel();

// Posts of every kind the pipeline reads: scam posts and ordinary ads in all ten languages, posts
// with every identifier kind, evasions, Zawgyi, and lines that fail before or inside the pipeline.
const posts = [...SCAM_POSTS, ...ORDINARY_ADS].map((p) => p.text);
const lines = [
  ...posts.map((text, i) => JSON.stringify({ id: `p${i}`, text, ...(i % 3 === 0 ? { country: 'VN' } : {}) })),
  JSON.stringify({
    id: 'z',
    text: 'Zoom ID: 848 5318 7652, WA 0812 🔥 3456 🔥 7890, тєℓєgяαм @jobs_kh',
    lang: 'id',
  }),
  JSON.stringify({ id: 'w', text: 'USDT TRC20 TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW t.me/+AbCdEf' }),
  '{"id": 1, "text": ',
  JSON.stringify({ id: 'empty', text: '   ' }),
  JSON.stringify({ text: 'x'.repeat(10_000) }),
  JSON.stringify({ id: 'surrogate', text: 'lương \ud800 cao' }),
];

function oneByOne(numbered: Array<[string, number]>): string[] {
  return numbered.flatMap((line) => screenLines(model, [line], 'jsonl').map((o) => o.json));
}

describe('screening many posts stage by stage', () => {
  it('gives the same output as screening them one by one', () => {
    const numbered = lines.map((line, i): [string, number] => [line, i + 1]);
    const staged = screenLines(model, numbered, 'jsonl').map((o) => o.json);
    expect(staged).toEqual(oneByOne(numbered));
    expect(staged.filter((json) => json.includes('"error"'))).toHaveLength(2);
  });

  it('keeps the order and the line numbers of any mix of lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...lines),
            fc.string().map((text) => JSON.stringify({ text })),
          ),
          { maxLength: 12 },
        ),
        fc.nat(1000),
        (mix, first) => {
          const numbered = mix.map((line, i): [string, number] => [line, first + 2 * i]);
          expect(screenLines(model, numbered, 'jsonl').map((o) => o.json)).toEqual(oneByOne(numbered));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('analyses and screens each post as analyzePost and screenPost do', () => {
    const inputs = posts.map((text, i) => ({ text, ...(i % 2 ? { lang: 'vi' } : {}) }));
    expect(analyzePosts(inputs)).toEqual(inputs.map((input) => analyzePost(input)));
    expect(screenPosts(model, inputs)).toEqual(inputs.map((input) => screenPost(model, input)));
  });
});

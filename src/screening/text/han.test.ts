import { describe, expect, it } from 'vitest';
import { simplifiedUnit, toSimplified } from './han.ts';
import { normalize } from './normalize.ts';

describe('traditional → simplified Chinese', () => {
  it('folds character by character, keeping the length', () => {
    expect(toSimplified('輕鬆月入過萬，包機票')).toBe('轻松月入过万，包机票');
    expect(toSimplified('already simplified 月入过万')).toBe('already simplified 月入过万');
    expect(simplifiedUnit('緬'.charCodeAt(0))).toBe('缅'.charCodeAt(0));
    expect(simplifiedUnit(0x41)).toBe(0x41);
  });

  it("is part of the normaliser's text, with spans still on the post as written", () => {
    const post = '高薪招聘，月入可達1-2萬';
    const n = normalize(post);
    expect(n.text).toBe('高薪招聘,月入可达1-2万'); // NFKC: the full-width comma too
    expect(n.original).toBe(post);
    expect(n.offsets.length).toBe(post.length + 1);
  });
});

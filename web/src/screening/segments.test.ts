import { describe, expect, it } from 'vitest';
import { buildSegments } from './segments.ts';

const spans = (...list: [number, number][]) => ({ spans: list });

function shape(
  text: string,
  ind: { spans: [number, number][] }[],
  ids: { spans: [number, number][] }[] = [],
) {
  return buildSegments(text, ind, ids).map((s) => [s.text, s.indicators, s.identifiers]);
}

describe('buildSegments', () => {
  it('returns the whole text as one plain segment when nothing is marked', () => {
    expect(shape('hello', [])).toEqual([['hello', [], []]]);
    expect(buildSegments('', [], [])).toEqual([]);
  });

  it('marks a span and leaves the rest plain', () => {
    expect(shape('easy money now', [spans([0, 10])])).toEqual([
      ['easy money', [0], []],
      [' now', [], []],
    ]);
  });

  it('splits overlapping spans into the runs they share', () => {
    // indicator 0: "light work", indicator 1: "work high pay", identifier 0: "high"
    const text = 'light work high pay';
    expect(shape(text, [spans([0, 10]), spans([6, 19])], [spans([11, 15])])).toEqual([
      ['light ', [0], []],
      ['work', [0, 1], []],
      [' ', [1], []],
      ['high', [1], [0]],
      [' pay', [1], []],
    ]);
  });

  it('handles nested, repeated and adjacent spans of one indicator', () => {
    expect(shape('abcdef', [spans([0, 3], [3, 6], [1, 2], [1, 2])])).toEqual([['abcdef', [0], []]]);
  });

  it('clamps spans outside the text and ignores empty or reversed ones', () => {
    expect(shape('abc', [spans([-5, 1], [2, 99], [2, 2], [3, 1])])).toEqual([
      ['a', [0], []],
      ['b', [], []],
      ['c', [0], []],
    ]);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀b';
    // 😀 is two code units at 1..3; a span ending inside it takes the whole character
    expect(shape(text, [spans([0, 2])])).toEqual([
      ['a😀', [0], []],
      ['b', [], []],
    ]);
    expect(shape(text, [spans([2, 4])])).toEqual([
      ['a', [], []],
      ['😀b', [0], []],
    ]);
  });

  it('gives back the text exactly, markup included', () => {
    const text = '<img src=x onerror=alert(1)> งานสบาย รายได้ดี\nTelegram @boss_88';
    const segments = buildSegments(text, [spans([29, 36], [30, 45])], [spans([50, 59])]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

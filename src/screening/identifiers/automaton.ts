import { foldKey, isLatinWordChar, isSpaceChar } from './fold.ts';

// One-pass multi-phrase matcher (Aho-Corasick compiled to a DFA over an alphabet of the characters
// that occur in the phrases). Scanning is one table lookup per character: a 500-character post
// costs about a microsecond whatever the number of phrases.

export type Phrase<T> = { phrase: string; value: T };
export type PhraseHit<T> = { start: number; end: number; value: T };

const SPACE_CLASS = 1;

export class PhraseMatcher<T> {
  private readonly classOf = new Uint16Array(65536);
  private readonly classes: number;
  private readonly delta: Uint16Array;
  private readonly out: Array<number[] | undefined>;
  private readonly hasOut: Uint8Array;
  private readonly keys: string[] = [];
  private readonly values: T[] = [];

  constructor(phrases: ReadonlyArray<Phrase<T>>) {
    let classes = 2; // 0: a character in no phrase, 1: word separator
    for (let c = 0; c < 65536; c++) if (isSpaceChar(c)) this.classOf[c] = SPACE_CLASS;
    const children: Array<Map<number, number>> = [new Map()];
    const own: Array<number[] | undefined> = [undefined];
    const viaSpace: boolean[] = [false];
    for (const { phrase, value } of phrases) {
      const key = foldKey(phrase);
      if (key.length === 0) continue;
      const index = this.keys.length;
      this.keys.push(key);
      this.values.push(value);
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        if (this.classOf[code] === 0) this.classOf[code] = classes++;
        const cls = this.classOf[code] ?? 0;
        const kids = children[node] ?? new Map<number, number>();
        let next = kids.get(cls);
        if (next === undefined) {
          next = children.length;
          kids.set(cls, next);
          children.push(new Map());
          own.push(undefined);
          viaSpace.push(cls === SPACE_CLASS);
        }
        node = next;
      }
      const list = own[node] ?? [];
      list.push(index);
      own[node] = list;
    }
    this.classes = classes;
    const states = children.length;
    if (states >= 65536)
      throw new Error(`PhraseMatcher: ${states} states exceed the 16-bit table; split the lexicon`);
    // States are numbered breadth-first so that the shallow states, where scanning spends most of
    // its time, have neighbouring rows in the transition table (fewer cache misses).
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) {
      for (const child of (children[order[head] ?? 0] ?? new Map<number, number>()).values())
        order.push(child);
    }
    const id = new Uint32Array(states);
    order.forEach((node, index) => {
      id[node] = index;
    });
    const delta = new Uint16Array(states * classes);
    const fail = new Uint32Array(states); // by new id
    const out: Array<number[] | undefined> = new Array(states);
    for (let node = 0; node < states; node++) out[id[node] ?? 0] = own[node];
    for (let head = 0; head < order.length; head++) {
      const node = order[head] ?? 0;
      const state = id[node] ?? 0;
      const f = fail[state] ?? 0;
      const fOut = out[f];
      if (head > 0 && fOut) out[state] = [...(out[state] ?? []), ...fOut];
      const kids = children[node] ?? new Map<number, number>();
      for (let cls = 1; cls < classes; cls++) {
        const child = kids.get(cls);
        if (child === undefined) {
          delta[state * classes + cls] = head === 0 ? 0 : (delta[f * classes + cls] ?? 0);
        } else {
          const to = id[child] ?? 0;
          delta[state * classes + cls] = to;
          fail[to] = head === 0 ? 0 : (delta[f * classes + cls] ?? 0);
        }
      }
      // Repeated separators ("Shwe   Kokko", "Phnom - Penh") stay where one separator led.
      if (viaSpace[node]) delta[state * classes + SPACE_CLASS] = state;
    }
    this.delta = delta;
    this.out = out;
    this.hasOut = new Uint8Array(states);
    out.forEach((list, state) => {
      if (list) this.hasOut[state] = 1;
    });
  }

  /** Every phrase occurrence in `s` (already folded like NormalizedText.bare), in end order. */
  scan(s: string): Array<PhraseHit<T>> {
    const hits: Array<PhraseHit<T>> = [];
    const { classOf, delta, classes, hasOut } = this;
    const length = s.length;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const cls = classOf[s.charCodeAt(i)] ?? 0;
      state = cls === 0 ? 0 : (delta[state * classes + cls] ?? 0);
      if (hasOut[state] !== 1) continue;
      for (const index of this.out[state] ?? []) {
        const key = this.keys[index] ?? '';
        const value = this.values[index];
        if (value === undefined) continue;
        const start = this.startOf(s, i + 1, key);
        if (start < 0 || !atWordBoundaries(s, start, i + 1)) continue;
        hits.push({ start, end: i + 1, value });
      }
    }
    return hits;
  }

  /** Walks back from `end` over `key` (separators may repeat in `s`) to find where the match began. */
  private startOf(s: string, end: number, key: string): number {
    let i = end - 1;
    for (let j = key.length - 1; j >= 0; j--) {
      if (i < 0) return -1;
      const code = key.charCodeAt(j);
      if (this.classOf[code] === SPACE_CLASS) {
        if (!isSpaceChar(s.charCodeAt(i))) return -1;
        while (i > 0 && isSpaceChar(s.charCodeAt(i - 1))) i--;
        i--;
      } else {
        if (this.classOf[s.charCodeAt(i)] !== this.classOf[code]) return -1;
        i--;
      }
    }
    return i + 1;
  }
}

/** Latin words must not continue past the match; other scripts (Thai, CJK, ...) have no spaces. */
function atWordBoundaries(s: string, start: number, end: number): boolean {
  if (isLatinWordChar(s.charCodeAt(start)) && start > 0 && isLatinWordChar(s.charCodeAt(start - 1)))
    return false;
  if (isLatinWordChar(s.charCodeAt(end - 1)) && end < s.length && isLatinWordChar(s.charCodeAt(end)))
    return false;
  return true;
}

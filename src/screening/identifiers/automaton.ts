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
  private readonly delta: Uint16Array | Uint32Array;
  private readonly out: Array<number[] | undefined>;
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
    const delta = states < 65536 ? new Uint16Array(states * classes) : new Uint32Array(states * classes);
    const fail = new Uint32Array(states);
    this.out = own.slice();
    // Breadth-first: a state's failure target is complete before the state itself is filled in.
    const queue: number[] = [];
    for (const [cls, child] of children[0] ?? new Map<number, number>()) {
      delta[cls] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      const f = fail[state] ?? 0;
      const fOut = this.out[f];
      if (fOut) this.out[state] = [...(this.out[state] ?? []), ...fOut];
      const kids = children[state] ?? new Map<number, number>();
      for (let cls = 1; cls < classes; cls++) {
        const child = kids.get(cls);
        if (child === undefined) {
          delta[state * classes + cls] = delta[f * classes + cls] ?? 0;
        } else {
          delta[state * classes + cls] = child;
          fail[child] = delta[f * classes + cls] ?? 0;
          queue.push(child);
        }
      }
      // Repeated separators ("Shwe   Kokko", "Phnom - Penh") stay where one separator led.
      if (viaSpace[state]) delta[state * classes + SPACE_CLASS] = state;
    }
    this.delta = delta;
  }

  /** Every phrase occurrence in `s` (already folded like NormalizedText.bare), in end order. */
  scan(s: string): Array<PhraseHit<T>> {
    const hits: Array<PhraseHit<T>> = [];
    const { classOf, delta, classes, out } = this;
    let state = 0;
    for (let i = 0; i < s.length; i++) {
      const cls = classOf[s.charCodeAt(i)] ?? 0;
      state = cls === 0 ? 0 : (delta[state * classes + cls] ?? 0);
      if (state === 0) continue;
      const found = out[state];
      if (!found) continue;
      for (const index of found) {
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
  if (isLatinWordChar(s.charCodeAt(start)) && start > 0 && isLatinWordChar(s.charCodeAt(start - 1))) return false;
  if (isLatinWordChar(s.charCodeAt(end - 1)) && end < s.length && isLatinWordChar(s.charCodeAt(end))) return false;
  return true;
}

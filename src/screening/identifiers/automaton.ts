import { codeAt } from '../text/chars.ts';
import { foldKey, isLatinWordChar, isSpaceChar } from './fold.ts';

// One-pass multi-phrase matcher (Aho-Corasick over an alphabet of the characters that occur in the
// phrases). Latin letters, digits and separators (classes below `dense`) take one lookup in a DFA
// table of `dense` columns; other scripts follow sorted child lists and failure links. A full DFA
// over every script's classes was 2.4 MB and missed the cache once the rest of the pipeline ran;
// this one is ~0.3 MB. A 500-character post costs a few microseconds whatever the number of phrases.

/** `digitsMayFollow`: a phrase ending in a Latin letter may be followed by a digit ("zalo0912…"). */
export type Phrase<T> = { phrase: string; value: T; digitsMayFollow?: boolean };
export type PhraseHit<T> = { start: number; end: number; value: T };

const SPACE_CLASS = 1;
/** Code units below this get the low (dense) classes. */
const DENSE_LIMIT = 0x250;

export class PhraseMatcher<T> {
  private readonly classOf = new Uint16Array(65536);
  /** classes < dense are looked up in `delta` (states × dense) */
  private readonly dense: number;
  private readonly delta: Uint16Array;
  /** transitions on the other classes: child lists (CSR, sorted by class) and failure links */
  private readonly childStart: Int32Array;
  private readonly childClass: Uint16Array;
  private readonly childNext: Uint16Array;
  private readonly fail: Uint16Array;
  private readonly out: Array<number[] | undefined>;
  private readonly hasOut: Uint8Array;
  private readonly keys: string[] = [];
  private readonly values: T[] = [];
  private readonly digitsMayFollow: boolean[] = [];

  constructor(phrases: ReadonlyArray<Phrase<T>>) {
    for (let c = 0; c < 65536; c++) if (isSpaceChar(c)) this.classOf[c] = SPACE_CLASS;
    const keyed: Array<{ key: string; value: T; digitsMayFollow: boolean }> = [];
    for (const { phrase, value, digitsMayFollow } of phrases) {
      const key = foldKey(phrase);
      if (key.length > 0) keyed.push({ key, value, digitsMayFollow: digitsMayFollow === true });
    }
    // 0: a character in no phrase, 1: word separator, then the Latin range, then other scripts.
    let classes = 2;
    let dense = 0;
    for (const low of [true, false]) {
      for (const { key } of keyed) {
        for (let i = 0; i < key.length; i++) {
          const code = key.charCodeAt(i);
          if (code < DENSE_LIMIT === low && this.classOf[code] === 0) this.classOf[code] = classes++;
        }
      }
      if (low) dense = classes;
    }
    this.dense = dense;
    const children: Array<Map<number, number>> = [new Map()];
    const own: Array<number[] | undefined> = [undefined];
    const viaSpace: boolean[] = [false];
    for (const { key, value, digitsMayFollow } of keyed) {
      const index = this.keys.length;
      this.keys.push(key);
      this.values.push(value);
      this.digitsMayFollow.push(digitsMayFollow);
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const cls = this.classOf[key.charCodeAt(i)] ?? 0;
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
    // child lists of the sparse (non-dense) classes, by new id
    const sparse: Array<Array<[number, number]>> = Array.from({ length: states }, () => []);
    for (let node = 0; node < states; node++) {
      for (const [cls, child] of children[node] ?? new Map<number, number>()) {
        if (cls >= this.dense) sparse[id[node] ?? 0]?.push([cls, id[child] ?? 0]);
      }
    }
    this.childStart = new Int32Array(states + 1);
    for (let s = 0; s < states; s++) {
      sparse[s]?.sort((a, b) => a[0] - b[0]);
      this.childStart[s + 1] = (this.childStart[s] ?? 0) + (sparse[s]?.length ?? 0);
    }
    this.childClass = new Uint16Array(this.childStart[states] ?? 0);
    this.childNext = new Uint16Array(this.childStart[states] ?? 0);
    for (let s = 0; s < states; s++) {
      let k = this.childStart[s] ?? 0;
      for (const [cls, to] of sparse[s] ?? []) {
        this.childClass[k] = cls;
        this.childNext[k] = to;
        k++;
      }
    }
    const width = this.dense;
    const delta = new Uint16Array(states * width);
    const fail = new Uint16Array(states); // by new id
    this.fail = fail;
    this.delta = delta;
    const out: Array<number[] | undefined> = new Array(states);
    for (let node = 0; node < states; node++) out[id[node] ?? 0] = own[node];
    for (let head = 0; head < order.length; head++) {
      const node = order[head] ?? 0;
      const state = id[node] ?? 0;
      const f = fail[state] ?? 0;
      const fOut = out[f];
      if (head > 0 && fOut) out[state] = [...(out[state] ?? []), ...fOut];
      const kids = children[node] ?? new Map<number, number>();
      for (let cls = 1; cls < width; cls++) {
        const child = kids.get(cls);
        if (child === undefined) {
          delta[state * width + cls] = head === 0 ? 0 : (delta[f * width + cls] ?? 0);
        } else {
          const to = id[child] ?? 0;
          delta[state * width + cls] = to;
          fail[to] = head === 0 ? 0 : (delta[f * width + cls] ?? 0);
        }
      }
      for (const [cls, child] of kids) {
        if (cls < width) continue;
        const to = id[child] ?? 0;
        fail[to] = head === 0 ? 0 : this.step(f, cls);
      }
      // Repeated separators ("Shwe   Kokko", "Phnom - Penh") stay where one separator led.
      if (viaSpace[node]) delta[state * width + SPACE_CLASS] = state;
    }
    this.out = out;
    this.hasOut = new Uint8Array(states);
    out.forEach((list, state) => {
      if (list) this.hasOut[state] = 1;
    });
  }

  /** The state after reading `cls` in `state`. */
  private step(state: number, cls: number): number {
    if (cls === 0) return 0;
    if (cls < this.dense) return this.delta[state * this.dense + cls] ?? 0;
    let s = state;
    for (;;) {
      const next = this.sparseChild(s, cls);
      if (next >= 0) return next;
      if (s === 0) return 0;
      s = this.fail[s] ?? 0;
    }
  }

  private sparseChild(state: number, cls: number): number {
    const { childClass } = this;
    const to = this.childStart[state + 1] ?? 0;
    for (let k = this.childStart[state] ?? 0; k < to; k++) {
      const c = childClass[k] ?? 0;
      if (c === cls) return this.childNext[k] ?? 0;
      if (c > cls) break;
    }
    return -1;
  }

  /** Every phrase occurrence in `s` (already folded like NormalizedText.bare), in end order. */
  scan(s: string): Array<PhraseHit<T>> {
    const hits: Array<PhraseHit<T>> = [];
    const { classOf, delta, dense, hasOut } = this;
    const length = s.length;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const cls = classOf[s.charCodeAt(i)] ?? 0;
      state = cls === 0 ? 0 : cls < dense ? (delta[state * dense + cls] ?? 0) : this.step(state, cls);
      if (hasOut[state] !== 1) continue;
      for (const index of this.out[state] ?? []) {
        const key = this.keys[index] ?? '';
        const value = this.values[index];
        if (value === undefined) continue;
        const start = this.startOf(s, i + 1, key);
        if (start < 0 || !atWordBoundaries(s, start, i + 1, this.digitsMayFollow[index] === true)) continue;
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

/**
 * Latin words must not continue past the match; other scripts (Thai, CJK, ...) have no spaces.
 * With `digitsMayFollow`, a digit after a final letter ends the word ("zalo0912…").
 */
function atWordBoundaries(s: string, start: number, end: number, digitsMayFollow: boolean): boolean {
  if (isLatinWordChar(s.charCodeAt(start)) && start > 0 && isLatinWordChar(s.charCodeAt(start - 1)))
    return false;
  const last = s.charCodeAt(end - 1);
  const next = codeAt(s, end);
  if (isLatinWordChar(last) && end < s.length && isLatinWordChar(next))
    return digitsMayFollow && isAsciiDigit(next) && !isAsciiDigit(last);
  return true;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

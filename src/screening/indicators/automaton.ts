// Aho–Corasick over UTF-16 code units: one pass over a post's stream finds every occurrence of
// every phrase of every language. Code units are mapped to a compact alphabet; a unit that occurs
// in no phrase sends the automaton straight back to the root. Latin units (most of most posts)
// take one lookup in a full transition table (a DFA over the Latin part of the alphabet, ~40
// symbols); other scripts follow sorted child lists and failure links. `out` jumps to the
// nearest state that ends a phrase.

/** Called for every occurrence: `key` is the index of the phrase, `end` the stream index of its last unit. */
export type OnMatch = (key: number, end: number) => void;

export type Automaton = {
  /** number of phrases */
  size: number;
  /** number of trie states */
  states: number;
  scan(codes: Uint16Array, length: number, onMatch: OnMatch): void;
};

/** Units below this (Latin, digits, space, common symbols) are looked up in the dense table. */
const LATIN_LIMIT = 0x250;

export function buildAutomaton(phrases: readonly string[]): Automaton {
  // alphabet: Latin units first (they get the dense table), then every other script
  const symbolOf = new Uint16Array(0x10000);
  const units = new Set<number>();
  for (const p of phrases) for (let i = 0; i < p.length; i++) units.add(p.charCodeAt(i));
  const distinct = [...units].sort((x, y) => x - y);
  const latin = distinct.filter((c) => c < LATIN_LIMIT);
  let symbols = 0;
  for (const c of [...latin, ...distinct.filter((c) => c >= LATIN_LIMIT)]) symbolOf[c] = ++symbols;
  const width = latin.length + 1;

  // trie: one Map of edges keyed by state * 65536 + symbol (one Map, not one per state)
  const edges = new Map<number, number>();
  const edgeFrom: number[] = [];
  const edgeSymbol: number[] = [];
  const edgeTo: number[] = [];
  const endState: number[] = [];
  let states = 1;
  phrases.forEach((phrase, key) => {
    let state = 0;
    for (let i = 0; i < phrase.length; i++) {
      const a = symbolOf[phrase.charCodeAt(i)] ?? 0;
      let next = edges.get(state * 0x10000 + a);
      if (next === undefined) {
        next = states++;
        edges.set(state * 0x10000 + a, next);
        edgeFrom.push(state);
        edgeSymbol.push(a);
        edgeTo.push(next);
      }
      state = next;
    }
    endState[key] = state;
  });

  // child lists sorted by symbol (CSR), and the dense root row
  const order = edgeTo
    .map((_, e) => e)
    .sort((x, y) => (edgeFrom[x] ?? 0) - (edgeFrom[y] ?? 0) || (edgeSymbol[x] ?? 0) - (edgeSymbol[y] ?? 0));
  const childStart = new Int32Array(states + 1);
  for (const from of edgeFrom) childStart[from + 1] = (childStart[from + 1] ?? 0) + 1;
  for (let s = 0; s < states; s++) childStart[s + 1] = (childStart[s + 1] ?? 0) + (childStart[s] ?? 0);
  const childSymbol = new Uint16Array(edgeTo.length);
  const childNext = new Int32Array(edgeTo.length);
  order.forEach((e, k) => {
    childSymbol[k] = edgeSymbol[e] ?? 0;
    childNext[k] = edgeTo[e] ?? 0;
  });
  const root = new Int32Array(symbols + 1);
  for (let k = childStart[0] ?? 0; k < (childStart[1] ?? 0); k++)
    root[childSymbol[k] ?? 0] = childNext[k] ?? 0;
  const ends: number[][] = [];
  endState.forEach((state, key) => {
    const list = ends[state];
    if (list) list.push(key);
    else ends[state] = [key];
  });

  const child = (s: number, a: number): number => {
    if (s === 0) return root[a] ?? 0;
    let lo = childStart[s] ?? 0;
    let hi = childStart[s + 1] ?? 0;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (childSymbol[lo] === a) return childNext[lo] ?? -1;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = childSymbol[mid] ?? 0;
      if (m === a) return childNext[mid] ?? -1;
      if (m < a) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  };

  // failure and dictionary links, breadth first
  const fail = new Int32Array(states);
  const dict = new Int32Array(states);
  const queue: number[] = [];
  for (let a = 1; a <= symbols; a++) {
    const s = root[a] ?? 0;
    if (s !== 0) queue.push(s);
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] ?? 0;
    for (let k = childStart[u] ?? 0; k < (childStart[u + 1] ?? 0); k++) {
      const a = childSymbol[k] ?? 0;
      const v = childNext[k] ?? 0;
      let f = fail[u] ?? 0;
      let target = child(f, a);
      while (target < 0) {
        f = fail[f] ?? 0;
        target = child(f, a);
      }
      fail[v] = target === v ? 0 : target;
      const fv = fail[v] ?? 0;
      dict[v] = (ends[fv]?.length ?? 0) > 0 ? fv : (dict[fv] ?? 0);
      queue.push(v);
    }
  }

  // phrases ending at each state, flattened; out[s] is s if phrases end there, else the next such state
  const endStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) endStart[s + 1] = (endStart[s] ?? 0) + (ends[s]?.length ?? 0);
  const endKey = new Int32Array(endStart[states] ?? 0);
  for (let s = 0; s < states; s++) endKey.set(ends[s] ?? [], endStart[s] ?? 0);
  const out = new Int32Array(states);
  for (let s = 1; s < states; s++) out[s] = (ends[s]?.length ?? 0) > 0 ? s : (dict[s] ?? 0);

  // the dense table for Latin symbols, filled in breadth-first order so fail[s]'s row is ready.
  // 16-bit states when they fit: half the bytes (~1.4 MB for ~17,500 states), fewer cache misses.
  const dense = states <= 0x10000 ? new Uint16Array(states * width) : new Int32Array(states * width);
  for (let a = 1; a < width; a++) dense[a] = root[a] ?? 0;
  for (const s of queue) {
    const f = (fail[s] ?? 0) * width;
    for (let a = 1; a < width; a++) {
      const c = child(s, a);
      dense[s * width + a] = c >= 0 ? c : (dense[f + a] ?? 0);
    }
  }

  return {
    size: phrases.length,
    states,
    scan(codes, length, onMatch) {
      let s = 0;
      for (let k = 0; k < length; k++) {
        const a = symbolOf[codes[k] ?? 0] ?? 0;
        if (a === 0) {
          s = 0;
          continue;
        }
        if (a < width) s = dense[s * width + a] ?? 0;
        else {
          for (;;) {
            if (s === 0) {
              s = root[a] ?? 0;
              break;
            }
            const next = child(s, a);
            if (next >= 0) {
              s = next;
              break;
            }
            s = fail[s] ?? 0;
          }
        }
        for (let t = out[s] ?? 0; t !== 0; t = dict[t] ?? 0) {
          const to = endStart[t + 1] ?? 0;
          for (let e = endStart[t] ?? 0; e < to; e++) onMatch(endKey[e] ?? 0, k);
        }
      }
    },
  };
}

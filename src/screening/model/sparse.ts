/** A sparse feature vector: bucket indices and their values (an index may repeat; values then add). */
export type SparseVector = { indices: Int32Array; values: Float32Array };

export type TermWeighting = 'log' | 'binary' | 'raw';

// Counts hashed features block by block in a small open-addressing table that stays in cache,
// then writes each block's L2-normalised values out. Reused across calls: featurize allocates
// nothing but its result.
export class FeatureAccumulator {
  private keys = new Int32Array(1 << 14).fill(-1);
  private counts = new Float32Array(1 << 14);
  private used = new Int32Array(1 << 13);
  private nUsed = 0;
  indices = new Int32Array(1 << 13);
  values = new Float32Array(1 << 13);
  length = 0;
  readonly mask: number;

  constructor(bits: number) {
    this.mask = (1 << bits) - 1;
  }

  reset(): void {
    this.length = 0;
  }

  add(hash: number): void {
    const index = hash & this.mask;
    const keys = this.keys;
    const slotMask = keys.length - 1;
    let slot = index & slotMask;
    for (;;) {
      const k = keys[slot];
      if (k === index) {
        this.counts[slot] = (this.counts[slot] ?? 0) + 1;
        return;
      }
      if (k === -1) break;
      slot = (slot + 1) & slotMask;
    }
    keys[slot] = index;
    this.counts[slot] = 1;
    this.used[this.nUsed++] = slot;
    if (this.nUsed * 2 >= keys.length) this.grow();
  }

  /** Closes the current block: term weighting, L2 normalisation (if asked), block weight. */
  endBlock(tf: TermWeighting, normalise: boolean, weight: number): void {
    const n = this.nUsed;
    if (n === 0) return;
    this.ensureOutput(this.length + n);
    let sumSq = 0;
    const start = this.length;
    for (let u = 0; u < n; u++) {
      const slot = this.used[u] ?? 0;
      const c = this.counts[slot] ?? 0;
      const v = tf === 'log' ? 1 + Math.log(c) : tf === 'binary' ? 1 : c;
      sumSq += v * v;
      this.indices[start + u] = this.keys[slot] ?? 0;
      this.values[start + u] = v;
      this.keys[slot] = -1;
    }
    const scale = normalise ? weight / Math.sqrt(sumSq) : weight;
    for (let u = start; u < start + n; u++) this.values[u] = (this.values[u] ?? 0) * scale;
    this.length = start + n;
    this.nUsed = 0;
  }

  toSparse(): SparseVector {
    return { indices: this.indices.slice(0, this.length), values: this.values.slice(0, this.length) };
  }

  dot(weights: Float32Array): number {
    let s = 0;
    for (let u = 0; u < this.length; u++) s += (weights[this.indices[u] ?? 0] ?? 0) * (this.values[u] ?? 0);
    return s;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const oldUsed = this.used.subarray(0, this.nUsed);
    this.keys = new Int32Array(oldKeys.length * 2).fill(-1);
    this.counts = new Float32Array(oldKeys.length * 2);
    const used = new Int32Array(oldKeys.length);
    const slotMask = this.keys.length - 1;
    for (let u = 0; u < oldUsed.length; u++) {
      const oldSlot = oldUsed[u] ?? 0;
      const key = oldKeys[oldSlot] ?? 0;
      let slot = key & slotMask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & slotMask;
      this.keys[slot] = key;
      this.counts[slot] = oldCounts[oldSlot] ?? 0;
      used[u] = slot;
    }
    this.used = used;
  }

  private ensureOutput(size: number): void {
    if (size <= this.indices.length) return;
    let cap = this.indices.length;
    while (cap < size) cap *= 2;
    const indices = new Int32Array(cap);
    indices.set(this.indices.subarray(0, this.length));
    const values = new Float32Array(cap);
    values.set(this.values.subarray(0, this.length));
    this.indices = indices;
    this.values = values;
  }
}

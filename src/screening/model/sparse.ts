/** A sparse feature vector: bucket indices (ascending within each block) and their values. */
export type SparseVector = { indices: Int32Array; values: Float32Array };

export const EMPTY_VECTOR: SparseVector = { indices: new Int32Array(0), values: new Float32Array(0) };

/** Builds a SparseVector block by block from raw bucket occurrences (counts become values). */
export class SparseBuilder {
  private indices = new Int32Array(1024);
  private values = new Float32Array(1024);
  private length = 0;

  /** Adds `n` occurrences from `buckets`, each worth `scale`; repeated buckets add up. */
  addBlock(buckets: Int32Array, n: number, scale: number): void {
    const sorted = buckets.slice(0, n).sort();
    this.ensure(this.length + n);
    let i = 0;
    while (i < n) {
      const b = sorted[i] ?? 0;
      let j = i + 1;
      while (j < n && sorted[j] === b) j++;
      this.indices[this.length] = b;
      this.values[this.length++] = (j - i) * scale;
      i = j;
    }
  }

  finish(): SparseVector {
    return { indices: this.indices.slice(0, this.length), values: this.values.slice(0, this.length) };
  }

  private ensure(size: number): void {
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

/** A growable run of UTF-16 code units, each with the index in the original text it came from. */
export class UnitBuffer {
  units: Uint16Array;
  origins: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.units = new Uint16Array(capacity);
    this.origins = new Uint32Array(capacity);
  }

  /** Empties the buffer, keeping (or growing to) at least `capacity` slots. */
  reset(capacity: number): void {
    this.length = 0;
    if (this.units.length < capacity) this.grow(capacity);
  }

  push(unit: number, origin: number): void {
    if (this.length === this.units.length) this.grow(this.length * 2 + 16);
    this.units[this.length] = unit;
    this.origins[this.length] = origin;
    this.length++;
  }

  /** Appends units[from, to) with their origins. */
  append(units: Uint16Array, origins: Uint32Array, from: number, to: number): void {
    if (this.length + (to - from) > this.units.length) this.grow(2 * (this.length + (to - from)) + 16);
    const u = this.units;
    const o = this.origins;
    let k = this.length;
    for (let i = from; i < to; i++, k++) {
      u[k] = units[i] ?? 0;
      o[k] = origins[i] ?? 0;
    }
    this.length = k;
  }

  /** A copy of the origins, with `end` appended. One slice: cheaper than a zeroed array and a set(). */
  originsThen(end: number): Uint32Array {
    if (this.length === this.units.length) this.grow(this.length + 1);
    const copy = this.origins.slice(0, this.length + 1);
    copy[this.length] = end;
    return copy;
  }

  /** The last unit, or -1 when empty. */
  last(): number {
    return this.length === 0 ? -1 : (this.units[this.length - 1] ?? -1);
  }

  replaceLast(unit: number): void {
    if (this.length > 0) this.units[this.length - 1] = unit;
  }

  private grow(capacity: number): void {
    const units = new Uint16Array(capacity);
    const origins = new Uint32Array(capacity);
    units.set(this.units.subarray(0, this.length));
    origins.set(this.origins.subarray(0, this.length));
    this.units = units;
    this.origins = origins;
  }
}

// utf-16le decoding of a Uint16Array is the fastest way to build a string from units (measured:
// ~2 µs for 500 units, 2.5× faster than String.fromCharCode.apply). ignoreBOM keeps a leading U+FEFF
// (never present: normalize removes it). A lone surrogate decodes to U+FFFD, one unit, so lengths hold.
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });

export function decodeUnits(units: Uint16Array, length: number): string {
  if (length === 0) return '';
  return decoder.decode(units.subarray(0, length));
}

// 32-bit hashing for feature buckets: FNV-1a steps over UTF-16 code units, finished with
// murmur3's fmix32 so the low bits (the bucket index) are well mixed.

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function fnvStep(h: number, codeUnit: number): number {
  return Math.imul(h ^ codeUnit, FNV_PRIME);
}

export function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Hash of a string under a namespace seed (the seed keeps feature families apart). */
export function hashString(s: string, seed: number): number {
  let h = fnvStep(FNV_OFFSET, seed);
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return fmix32(h);
}

/** Combines two hashes in order (for word bigrams). */
export function hashPair(a: number, b: number): number {
  return fmix32(Math.imul(a, 0x9e3779b1) ^ b);
}

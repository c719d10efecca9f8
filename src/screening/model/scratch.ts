// Scratch buffers shared by the feature extractors, reused by every call (featurisation is
// synchronous, so a buffer is never in use twice). Loops read them into locals after ensure*().
export const scratch = {
  stream: new Uint16Array(2048),
  bareStream: new Uint16Array(2048),
  buckets: new Int32Array(16384),
};

/** The bucket buffer with room for `size` entries (grown with its contents kept). */
export function ensureBuckets(size: number): Int32Array {
  if (scratch.buckets.length >= size) return scratch.buckets;
  const grown = new Int32Array(Math.max(size, scratch.buckets.length * 2));
  grown.set(scratch.buckets);
  scratch.buckets = grown;
  return grown;
}

export function ensureStreams(size: number): void {
  if (scratch.stream.length >= size) return;
  scratch.stream = new Uint16Array(size * 2);
  scratch.bareStream = new Uint16Array(size * 2);
}

/** The text the features are computed from: NFKC, lower case (idempotent on normalised text). */
export function prepareText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

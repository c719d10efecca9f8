// An entry's leaf: the canonical JSON of its columns plus its own index, fixed when the sequencer
// integrates it. Carrying the index means a row moved to another position no longer fits there.

export type LeafFields = {
  index: number;
  /** ISO 8601 in UTC with microseconds, as PostgreSQL stores `at` (see repo.ts AT_TEXT). */
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  recordType: string;
  recordId: string | null;
  digest: Buffer;
};

/**
 * canonicalJson of the leaf object, written directly (the hot path of integration and verification):
 * keys in sorted order, every value a string, number or null. leaf.test.ts checks the equivalence.
 */
export function leafBytes(f: LeafFields): Buffer {
  const leaf = {
    action: f.action,
    actor: f.actor,
    actorId: f.actorId,
    at: f.at,
    digest: f.digest.toString('hex'),
    index: f.index,
    recordId: f.recordId,
    recordType: f.recordType,
  };
  return Buffer.from(JSON.stringify(leaf), 'utf8');
}

/** The index a leaf says it has, or undefined when the bytes are not a leaf. */
export function leafIndexOf(leaf: Buffer): number | undefined {
  try {
    const parsed: unknown = JSON.parse(leaf.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('index' in parsed)) return undefined;
    return typeof parsed.index === 'number' && Number.isSafeInteger(parsed.index) ? parsed.index : undefined;
  } catch {
    return undefined;
  }
}

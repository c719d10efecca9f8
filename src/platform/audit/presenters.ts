import { type Checkpoint, parseCheckpointBody, signedNote } from './checkpoint.ts';
import type { ConsistencyProof, InclusionProof } from './proofs.ts';
import type { SequencedEntry } from './repo.ts';

// Presenters list exactly the fields a response carries.

const hex = (b: Buffer) => b.toString('hex');

export function presentEntry(e: SequencedEntry) {
  return {
    seq: e.seq,
    at: e.at,
    actorId: e.actor_id,
    actor: e.actor,
    action: e.action,
    recordType: e.record_type,
    recordId: e.record_id,
    digest: hex(e.digest),
  };
}

export function presentCheckpoint(c: Checkpoint, publicKey: Buffer) {
  const origin = parseCheckpointBody(c.note)?.origin ?? 'jaring';
  return {
    treeSize: c.treeSize,
    rootHash: hex(c.rootHash),
    timestamp: c.createdAt.toISOString(),
    signature: c.signature.toString('base64'),
    note: c.note,
    signedNote: signedNote(c.note, c.signature, origin, publicKey),
    publicKey: publicKey.toString('base64'),
  };
}

export function presentInclusion(p: InclusionProof) {
  return {
    index: p.index,
    treeSize: p.treeSize,
    leafHash: hex(p.leafHash),
    proof: p.proof.map(hex),
    rootHash: hex(p.rootHash),
  };
}

export function presentConsistency(p: ConsistencyProof) {
  return {
    from: p.from,
    to: p.to,
    proof: p.proof.map(hex),
    fromRoot: hex(p.fromRoot),
    toRoot: hex(p.toRoot),
  };
}

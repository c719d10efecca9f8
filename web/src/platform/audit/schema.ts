import * as z from 'zod/mini';
import { timestamp } from '../common/schema.ts';

/** Sequence numbers are bigints on the server; they may arrive as numbers or strings. */
const bigintish = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value) => String(value)),
);

export const auditEntry = z.object({
  seq: z.nullish(bigintish),
  at: timestamp,
  /** Part of the entry's leaf (inclusion.ts), with the fields below. */
  actorId: z.nullish(z.string()),
  actor: z.string(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.nullish(z.string()),
  digest: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = z.object({
  entries: z.array(auditEntry),
  treeSize: z.nullish(bigintish),
  /** Where the next older page starts; null when no older entry can match. */
  nextBefore: z.nullish(bigintish),
});
export type AuditPage = z.infer<typeof auditPage>;

/** The actions and record types entries can name: what the filters offer. */
export const auditCatalogue = z.object({ actions: z.array(z.string()), recordTypes: z.array(z.string()) });
export type AuditCatalogue = z.infer<typeof auditCatalogue>;

export const checkpoint = z.object({
  treeSize: bigintish,
  rootHash: z.string(),
  timestamp,
  signature: z.nullish(z.string()),
  note: z.nullish(z.string()),
  /** The node's raw Ed25519 public key, base64: what the signature is checked with. */
  publicKey: z.nullish(z.string()),
});
export type Checkpoint = z.infer<typeof checkpoint>;

/** GET /api/audit/proofs/inclusion: RFC 9162 §2.1.3 proof, hashes in hex. */
export const inclusionProof = z.object({
  index: bigintish,
  treeSize: bigintish,
  leafHash: z.string(),
  proof: z.array(z.string()),
  rootHash: z.string(),
});
export type InclusionProof = z.infer<typeof inclusionProof>;

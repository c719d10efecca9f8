import { z } from '@hono/zod-openapi';
import { text } from '../http/fields.ts';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES } from './actions.ts';

// Request and response schemas of the audit routes. Hashes are lowercase hex; keys and signatures base64.

const size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const hex = z.string().regex(/^[0-9a-f]*$/);

export const entriesQuery = z.object({
  before: size.optional().openapi({ description: 'Only entries with seq below this (paging backwards)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.enum(AUDIT_ACTIONS).optional().openapi({ description: 'Only entries with this action' }),
  recordType: z
    .enum(AUDIT_RECORD_TYPES)
    .optional()
    .openapi({ description: 'Only entries about this record type' }),
  recordId: text(200).optional().openapi({ description: 'Only entries about this record' }),
  actor: text(200).optional().openapi({ description: 'Only entries by this actor (user name, or system)' }),
});
export type EntriesQuery = z.infer<typeof entriesQuery>;

export const inclusionQuery = z.object({
  index: size.openapi({ description: 'Leaf index (the entry seq)' }),
  treeSize: size.openapi({ description: 'Tree size the proof is against (at most the current size)' }),
});

export const consistencyQuery = z.object({
  from: size.openapi({ description: 'The older tree size (at least 1)' }),
  to: size.openapi({ description: 'The newer tree size (at most the current size)' }),
});

export const auditEntry = z
  .object({
    seq: z.number().int(),
    at: z.string().openapi({ description: 'ISO 8601, UTC, microseconds' }),
    actorId: z.string().nullable(),
    actor: z.string(),
    action: z.string(),
    recordType: z.string(),
    recordId: z.string().nullable(),
    digest: hex.openapi({ description: 'SHA-256 of the canonical JSON of the change' }),
  })
  .openapi('AuditEntry');

export const entryList = z
  .object({
    entries: z.array(auditEntry),
    treeSize: z.number().int(),
    nextBefore: z
      .number()
      .int()
      .nullable()
      .openapi({
        description:
          'The `before` of the next older page, or null when no older entry can match. With filters a page may ' +
          'hold fewer than `limit` entries and still have a next page: each request searches a bounded stretch of the log.',
      }),
  })
  .openapi('AuditEntryList');

export const catalogue = z
  .object({ actions: z.array(z.enum(AUDIT_ACTIONS)), recordTypes: z.array(z.enum(AUDIT_RECORD_TYPES)) })
  .openapi('AuditCatalogue');

export const checkpointResult = z
  .object({
    treeSize: z.number().int(),
    rootHash: hex,
    timestamp: z.string(),
    signature: z.string().openapi({ description: 'Ed25519 signature of `note`, base64' }),
    note: z.string().openapi({ description: 'C2SP tlog-checkpoint body: origin, size, base64 root' }),
    signedNote: z.string().openapi({ description: 'The same as a C2SP signed note' }),
    publicKey: z.string().openapi({ description: "The node's raw Ed25519 public key, base64" }),
  })
  .openapi('AuditCheckpoint');

export const inclusionResult = z
  .object({
    index: z.number().int(),
    treeSize: z.number().int(),
    leafHash: hex,
    proof: z.array(hex),
    rootHash: hex,
  })
  .openapi('AuditInclusionProof');

export const consistencyResult = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    proof: z.array(hex),
    fromRoot: hex,
    toRoot: hex,
  })
  .openapi('AuditConsistencyProof');

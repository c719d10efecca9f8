import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AuditAction } from '../../platform/audit/actions.ts';
import { type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Exec } from '../../platform/db/database.ts';
import { conflict, HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { findPerson } from '../repo.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { storedProbe } from './candidates.ts';
import { type MergeSealedColumn, mergeContext } from './encrypted-columns.ts';
import { findMerge, insertMerge, listMerges, type MergeRow, setMergeStatus, tombstoneMerge } from './repo.ts';
import type { ProposeInput } from './schema.ts';
import { scoreCandidate } from './score.ts';
import type { MergeStatus } from './tables.ts';

// The merge workflow: propose → confirm (a second caseworker, or the proposer with a stated reason)
// or reject; a confirmed merge can be undone (unmerge). Nothing is moved or deleted: the merged-away
// person becomes a tombstone through its 'merged' row. Each step locks the merge row, then both
// persons in id order (so concurrent merges touching one person queue, never deadlock), re-checks
// who is a tombstone after the locks, and writes its audit entries in the same transaction.

const seal = (cipher: FieldCipher, column: MergeSealedColumn, id: string, value: string) =>
  cipher.encrypt(value, mergeContext(column, id));

async function lockPair(ctx: VictimsContext, tx: Exec, survivorId: string, mergedId: string) {
  const locked = new Map<string, Awaited<ReturnType<typeof findPerson>>>();
  for (const id of [survivorId, mergedId].sort()) {
    locked.set(id, await findPerson(tx, ctx.principal.agencyId, id, { forUpdate: true }));
  }
  const survivor = locked.get(survivorId);
  const merged = locked.get(mergedId);
  if (!survivor) throw notFound('The surviving person');
  if (!merged) throw notFound('The person to merge');
  return { survivor, merged };
}

/** Neither may already be merged away: a merge joins two live records (chains resolve, never cycle). */
async function refuseTombstones(tx: Exec, survivorId: string, mergedId: string): Promise<void> {
  for (const [id, role] of [
    [survivorId, 'surviving person'],
    [mergedId, 'person to merge'],
  ] as const) {
    const merge = await tombstoneMerge(tx, id);
    if (merge) {
      throw new HttpError(
        409,
        'merged',
        `The ${role} was already merged into ${merge.survivor_id} (merge ${merge.id}); use that record.`,
      );
    }
  }
}

function events(ctx: VictimsContext, action: AuditAction, row: MergeRow): AuditEvent[] {
  const actor = actorOf(ctx.principal);
  // The digest covers the stored row: sealed reasons as ciphertext, never their text.
  const onMerge: AuditEvent = { actor, action, recordType: 'person_merge', recordId: row.id, change: row };
  if (action === 'person_merge.propose' || action === 'person_merge.reject') return [onMerge];
  const person = (recordId: string, role: 'survivor' | 'merged'): AuditEvent => ({
    actor,
    action: action === 'person_merge.confirm' ? 'person.merge' : 'person.unmerge',
    recordType: 'person',
    recordId,
    change: { mergeId: row.id, role, survivorId: row.survivor_id, mergedId: row.merged_id },
  });
  return [onMerge, person(row.survivor_id, 'survivor'), person(row.merged_id, 'merged')];
}

async function refuseOpenPair<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (
      err instanceof pg.DatabaseError &&
      err.code === '23505' &&
      err.constraint === 'person_merges_open_pair'
    ) {
      throw conflict('A merge of these two persons is already proposed; confirm or reject it.');
    }
    throw err;
  }
}

export async function proposeMerge(ctx: VictimsContext, input: ProposeInput): Promise<MergeRow> {
  return refuseOpenPair(() =>
    ctx.db.transaction().execute(async (tx) => {
      const { survivor, merged } = await lockPair(ctx, tx, input.survivorId, input.mergedId);
      await refuseTombstones(tx, input.survivorId, input.mergedId);
      const evidence = scoreCandidate(
        storedProbe(ctx.cipher, survivor.person),
        storedProbe(ctx.cipher, merged.person),
      );
      const id = randomUUID();
      const row = await insertMerge(tx, {
        id,
        agency_id: ctx.principal.agencyId,
        survivor_id: input.survivorId,
        merged_id: input.mergedId,
        evidence: JSON.stringify(evidence),
        reason_enc: seal(ctx.cipher, 'reason_enc', id, input.reason),
        proposed_by: ctx.principal.userId,
      });
      await appendAuditBatch(tx, events(ctx, 'person_merge.propose', row));
      return row;
    }),
  );
}

async function lockProposal(
  ctx: VictimsContext,
  tx: Exec,
  id: string,
  wanted: MergeStatus,
): Promise<MergeRow> {
  const row = await findMerge(tx, ctx.principal.agencyId, id, { forUpdate: true });
  if (!row) throw notFound('The merge');
  if (row.status !== wanted) throw conflict(`The merge is ${row.status}, not ${wanted}.`);
  return row;
}

/**
 * Four-eyes: a second caseworker confirms. The proposer may confirm alone only with a note saying
 * why (a field office with one caseworker); the merge is then marked self-confirmed for review.
 */
export async function confirmMerge(
  ctx: VictimsContext,
  id: string,
  note: string | undefined,
): Promise<MergeRow> {
  return ctx.db.transaction().execute(async (tx) => {
    const proposal = await lockProposal(ctx, tx, id, 'proposed');
    const alone = proposal.proposed_by === ctx.principal.userId;
    if (alone && note === undefined) {
      throw invalid(
        'You proposed this merge: a second caseworker confirms it, or you state why you confirm alone.',
        [{ path: 'note', code: 'confirm_alone', message: 'is required to confirm your own proposal' }],
      );
    }
    await lockPair(ctx, tx, proposal.survivor_id, proposal.merged_id);
    await refuseTombstones(tx, proposal.survivor_id, proposal.merged_id);
    const row = await setMergeStatus(tx, id, {
      status: 'merged',
      decidedBy: ctx.principal.userId,
      note: note === undefined ? null : seal(ctx.cipher, 'decision_note_enc', id, note),
      selfConfirmed: alone,
    });
    await appendAuditBatch(tx, events(ctx, 'person_merge.confirm', row));
    return row;
  });
}

export async function rejectMerge(ctx: VictimsContext, id: string, note: string): Promise<MergeRow> {
  return ctx.db.transaction().execute(async (tx) => {
    await lockProposal(ctx, tx, id, 'proposed');
    const row = await setMergeStatus(tx, id, {
      status: 'rejected',
      decidedBy: ctx.principal.userId,
      note: seal(ctx.cipher, 'decision_note_enc', id, note),
      selfConfirmed: false,
    });
    await appendAuditBatch(tx, events(ctx, 'person_merge.reject', row));
    return row;
  });
}

/** Undoes a merge: the tombstone is a live record again; whatever was recorded meanwhile stays where it was put. */
export async function unmerge(ctx: VictimsContext, id: string, reason: string): Promise<MergeRow> {
  return ctx.db.transaction().execute(async (tx) => {
    const merge = await lockProposal(ctx, tx, id, 'merged');
    await lockPair(ctx, tx, merge.survivor_id, merge.merged_id);
    const row = await setMergeStatus(tx, id, {
      status: 'unmerged',
      unmergedBy: ctx.principal.userId,
      reason: seal(ctx.cipher, 'unmerge_reason_enc', id, reason),
    });
    await appendAuditBatch(tx, events(ctx, 'person_merge.unmerge', row));
    return row;
  });
}

export async function readMerge(ctx: VictimsContext, id: string): Promise<MergeRow> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findMerge(tx, ctx.principal.agencyId, id);
    if (!row) throw notFound('The merge');
    await appendAuditBatch(tx, [
      {
        actor: actorOf(ctx.principal),
        action: 'person_merge.read',
        recordType: 'person_merge',
        recordId: id,
        change: {},
      },
    ]);
    return row;
  });
}

export async function listAgencyMerges(
  ctx: VictimsContext,
  query: { status?: MergeStatus; personId?: string; limit: number },
): Promise<MergeRow[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const rows = await listMerges(tx, ctx.principal.agencyId, query);
    await appendAuditBatch(
      tx,
      rows.map((r) => ({
        actor: actorOf(ctx.principal),
        action: 'person_merge.list',
        recordType: 'person_merge',
        recordId: r.id,
        change: {},
      })),
    );
    return rows;
  });
}

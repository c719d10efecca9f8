import type { AuditAction, AuditRecordType } from '../../platform/audit/actions.ts';
import { appendAudit } from '../../platform/audit/append.ts';
import type { Exec } from '../../platform/db/database.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { insertActivity } from './activity-repo.ts';
import type { ActivityDetail } from './tables.ts';

// Every case-management write leaves two traces in its transaction: the audit entry (tamper-evident,
// a digest of the stored row: ciphertexts, never plaintext) and the case's readable history (what
// the timeline shows: statuses, dates, kinds, ids — never free text).

export type CaseWrite = {
  caseId: string;
  action: AuditAction;
  recordType: AuditRecordType;
  recordId: string;
  personId?: string | null;
  /** Digested into the audit entry. */
  change: unknown;
  /** Shown on the timeline; absent when the record's own table is its history (notes). */
  detail?: ActivityDetail;
};

export async function recordCaseWrite(tx: Exec, ctx: VictimsContext, w: CaseWrite): Promise<void> {
  await appendAudit(tx, {
    actor: actorOf(ctx.principal),
    action: w.action,
    recordType: w.recordType,
    recordId: w.recordId,
    change: w.change,
  });
  if (w.detail === undefined) return;
  await insertActivity(tx, {
    agencyId: ctx.principal.agencyId,
    caseId: w.caseId,
    actorId: ctx.principal.userId,
    actor: ctx.principal.username,
    action: w.action,
    recordType: w.recordType,
    recordId: w.recordId,
    personId: w.personId ?? null,
    detail: w.detail,
  });
}

/** The audit entry of a read, recorded against the case. */
export async function recordCaseRead(
  tx: Exec,
  ctx: VictimsContext,
  caseId: string,
  action: AuditAction,
  change: unknown,
): Promise<void> {
  await appendAudit(tx, {
    actor: actorOf(ctx.principal),
    action,
    recordType: 'case',
    recordId: caseId,
    change,
  });
}

import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { ActivityDetail } from './tables.ts';

// SQL on case_activity: the case's readable history, newest first.

export type ActivityRow = {
  id: string;
  atMs: number;
  actorId: string | null;
  actor: string | null;
  action: string;
  recordType: string;
  recordId: string;
  personId: string | null;
  detail: ActivityDetail;
};

export async function insertActivity(
  tx: Exec,
  values: {
    agencyId: string;
    caseId: string;
    actorId: string;
    actor: string;
    action: string;
    recordType: string;
    recordId: string;
    personId: string | null;
    detail: ActivityDetail;
  },
): Promise<void> {
  await tx
    .insertInto('case_activity')
    .values({
      agency_id: values.agencyId,
      case_id: values.caseId,
      actor_id: values.actorId,
      actor: values.actor,
      action: values.action,
      record_type: values.recordType,
      record_id: values.recordId,
      person_id: values.personId,
      detail: JSON.stringify(values.detail),
    })
    .execute();
}

const AT_MS = sql<string>`(extract(epoch from date_trunc('milliseconds', at)) * 1000)::bigint`;

/** Strictly below (atMs, id) in the order (atMs desc, id desc). */
export async function listActivity(
  db: Exec,
  caseId: string,
  options: { below?: { atMs: number; id: string }; limit: number },
): Promise<ActivityRow[]> {
  const below = options.below
    ? sql`and (${AT_MS}, id) < (${options.below.atMs}::bigint, ${options.below.id}::uuid)`
    : sql``;
  const { rows } = await sql<{
    id: string;
    at_ms: string;
    actor_id: string | null;
    actor: string | null;
    action: string;
    record_type: string;
    record_id: string;
    person_id: string | null;
    detail: ActivityDetail;
  }>`
    select id, ${AT_MS} as at_ms, actor_id, actor, action, record_type, record_id, person_id, detail
    from case_activity where case_id = ${caseId} ${below}
    order by ${AT_MS} desc, id desc limit ${options.limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    atMs: Number(r.at_ms),
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    personId: r.person_id,
    detail: r.detail,
  }));
}

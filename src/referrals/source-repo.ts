import { sql } from 'kysely';
import type { Exec } from '../platform/db/database.ts';
import type { RepatriationStep } from '../victims/tables.ts';

// Read-only queries for what an offer may carry, over the victims module's tables (no narrative
// column is read: the offer carries statuses, kinds and dates, never case notes or plan text).

export type SourceItem = {
  kind: string;
  status: string;
  repatriation_step: RepatriationStep | null;
  start_date: string | null;
  end_date: string | null;
};

export async function personSupportItems(
  db: Exec,
  agencyId: string,
  personId: string,
): Promise<SourceItem[]> {
  return db
    .selectFrom('support_plan_items as i')
    .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
    .select(['i.kind', 'i.status', 'i.repatriation_step'])
    .select(sql<string | null>`i.start_date::text`.as('start_date'))
    .select(sql<string | null>`i.end_date::text`.as('end_date'))
    .where('p.person_id', '=', personId)
    .where('p.agency_id', '=', agencyId)
    .orderBy('i.created_at')
    .execute();
}

export async function personCases(
  db: Exec,
  agencyId: string,
  personId: string,
): Promise<{ id: string; status: string; opened_on: string }[]> {
  return db
    .selectFrom('cases as c')
    .innerJoin('case_persons as cp', 'cp.case_id', 'c.id')
    .select(['c.id', 'c.status'])
    .select(sql<string>`c.opened_on::text`.as('opened_on'))
    .where('cp.person_id', '=', personId)
    .where('c.agency_id', '=', agencyId)
    .orderBy('c.opened_on')
    .execute();
}

/** The person's latest identification assessment with who recorded it and the deciding agency's name. */
export async function latestAssessment(db: Exec, agencyId: string, personId: string) {
  return db
    .selectFrom('identification_assessments as a')
    .innerJoin('agencies as d', 'd.id', 'a.deciding_agency_id')
    .innerJoin('users as u', 'u.id', 'a.recorded_by')
    .select([
      'a.id',
      'a.decision',
      'a.non_punishment',
      'a.answers',
      'a.result',
      'a.set_versions',
      'a.assessed_at',
      'd.name as deciding_agency',
      'u.display_name as assessed_by',
    ])
    .where('a.person_id', '=', personId)
    .where('a.agency_id', '=', agencyId)
    .orderBy('a.assessed_at', 'desc')
    .orderBy('a.created_at', 'desc')
    .executeTakeFirst();
}

export async function caseOfPerson(
  db: Exec,
  agencyId: string,
  caseId: string,
  personId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('case_persons')
    .select('case_id')
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}

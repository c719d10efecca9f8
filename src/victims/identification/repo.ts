import type { Insertable, Selectable } from 'kysely';
import type { OrgType } from '../../platform/accounts/org-types.ts';
import type { Exec } from '../../platform/db/database.ts';
import type { IdentificationAssessmentsTable } from './tables.ts';

// All SQL of identification assessments (migrations/0007_victims_identification.sql).

export type AssessmentRow = Selectable<IdentificationAssessmentsTable>;
export type AssessmentSummaryRow = Omit<AssessmentRow, 'answers' | 'narrative_enc'>;

/** The person, if it belongs to the agency; locked against deletion until the transaction ends. */
export async function lockPersonOfAgency(tx: Exec, agencyId: string, personId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('persons')
    .select('id')
    .where('id', '=', personId)
    .where('agency_id', '=', agencyId)
    .forKeyShare()
    .executeTakeFirst();
  return row !== undefined;
}

export async function personOfAgency(db: Exec, agencyId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('persons')
    .select('id')
    .where('id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The agency's organisation type; undefined when there is no such agency. */
export async function agencyOrgType(db: Exec, id: string): Promise<OrgType | undefined> {
  const row = await db.selectFrom('agencies').select('org_type').where('id', '=', id).executeTakeFirst();
  // The column's check constraint accepts exactly ORG_TYPES (migrations/0001_platform.sql).
  return row?.org_type as OrgType | undefined;
}

/**
 * Whether the person has an assessment made later than `assessedAt` whose decision gives a
 * trafficking status (all but "needs more information").
 */
export async function laterStatusDecisionExists(
  db: Exec,
  personId: string,
  assessedAt: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('identification_assessments')
    .select('id')
    .where('person_id', '=', personId)
    .where('assessed_at', '>', assessedAt)
    .where('decision', '<>', 'needs_more_information')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAssessment(
  tx: Exec,
  values: Insertable<IdentificationAssessmentsTable>,
): Promise<AssessmentRow> {
  return tx.insertInto('identification_assessments').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findAssessment(
  db: Exec,
  agencyId: string,
  id: string,
): Promise<AssessmentRow | undefined> {
  return db
    .selectFrom('identification_assessments')
    .selectAll()
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}

const summaryColumns = [
  'id',
  'person_id',
  'agency_id',
  'subject_age',
  'result',
  'set_versions',
  'national_set',
  'non_punishment',
  'decision',
  'deciding_agency_id',
  'assessed_at',
  'recorded_by',
  'created_at',
] as const;

/** A person's assessments, newest first. */
export async function listPersonAssessments(db: Exec, agencyId: string, personId: string) {
  return db
    .selectFrom('identification_assessments')
    .select(summaryColumns)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

import { appendAuditBatch } from '../../platform/audit/append.ts';
import { notFound } from '../../platform/http/errors.ts';
import { type ConsentHistory, listConsents } from '../consent/repo.ts';
import { type AssessmentSummaryRow, listPersonAssessments } from '../identification/repo.ts';
import { findPerson, findPersons } from '../repo.ts';
import { searchKeys } from '../search-keys.ts';
import { actorOf, readEvents, type VictimsContext, type ViewedPerson, viewPerson } from '../service.ts';
import { casesOf, type LinkedCase, type MergeRow, mergedInto, survivorOf } from './repo.ts';

// Everything recorded under a person and under whoever was merged into it, from any record of the
// group: the survivor and its tombstones, the cases each is linked to, the consents each gave (they
// stay attached to the record they were given under) and the identification assessments.

export type MergedRecords = {
  personId: string;
  survivorId: string;
  persons: { viewed: ViewedPerson; merge: MergeRow | null }[];
  cases: LinkedCase[];
  consents: ConsentHistory[];
  assessments: AssessmentSummaryRow[];
};

export async function mergedRecords(ctx: VictimsContext, personId: string): Promise<MergedRecords> {
  const keys = await searchKeys(ctx.db, ctx.cipher);
  const agencyId = ctx.principal.agencyId;
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await findPerson(tx, agencyId, personId))) throw notFound('The person');
    const survivorId = await survivorOf(tx, agencyId, personId);
    const merges = await mergedInto(tx, agencyId, survivorId);
    const byMerged = new Map(merges.map((m) => [m.merged_id, m]));
    const ids = [survivorId, ...merges.map((m) => m.merged_id)];
    const records = new Map((await findPersons(tx, agencyId, ids)).map((r) => [r.person.id, r]));
    const persons = ids.flatMap((id) => {
      const record = records.get(id);
      return record ? [{ viewed: viewPerson(ctx, keys, record), merge: byMerged.get(id) ?? null }] : [];
    });
    const cases = await casesOf(tx, agencyId, ids);
    const consents: ConsentHistory[] = [];
    const assessments: AssessmentSummaryRow[] = [];
    for (const id of ids) {
      consents.push(...(await listConsents(tx, id)));
      assessments.push(...(await listPersonAssessments(tx, agencyId, id)));
    }
    await appendAuditBatch(tx, [
      ...readEvents(
        ctx,
        'person.read',
        persons.map((p) => p.viewed),
      ),
      {
        actor: actorOf(ctx.principal),
        action: 'person.merged_records',
        recordType: 'person',
        recordId: survivorId,
        change: {
          persons: ids,
          cases: cases.map((c) => c.case_id),
          consents: consents.map((c) => c.consent.id),
          assessments: assessments.map((a) => a.id),
        },
      },
    ]);
    return { personId, survivorId, persons, cases, consents, assessments };
  });
}

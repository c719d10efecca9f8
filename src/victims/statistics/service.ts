import { appendAudit } from '../../platform/audit/append.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { presentStatistics } from './presenters.ts';
import { countAssessments, countCases, countPersons, type Range } from './repo.ts';
import type { StatisticsQuery, StatisticsResult } from './schema.ts';

// Aggregates of the caller's agency's victims. All counts come from one snapshot (repeatable read),
// so the tables agree with each other, and the read is audited once in the same transaction.

export async function readStatistics(ctx: VictimsContext, query: StatisticsQuery): Promise<StatisticsResult> {
  const range: Range = { agencyId: ctx.principal.agencyId, from: query.from ?? null, to: query.to ?? null };
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const persons = await countPersons(tx, range);
      const assessments = await countAssessments(tx, range);
      const cases = await countCases(tx, range);
      await appendAudit(tx, {
        actor: actorOf(ctx.principal),
        action: 'victims_statistics.read',
        recordType: 'agency',
        recordId: ctx.principal.agencyId,
        change: { from: range.from, to: range.to },
      });
      return presentStatistics(range, { persons, assessments, cases });
    });
}

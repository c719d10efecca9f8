import { appendAudit } from '../../platform/audit/append.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { AGE_GROUPS, countAssessments, countCases, countPersons, type Range } from './repo.ts';
import type { StatisticsQuery, StatisticsResult } from './schema.ts';
import { K, protect, protectTable, type RawCell } from './suppress.ts';

// Aggregates of the caller's agency's victims. All counts come from one snapshot (repeatable read),
// so the tables agree with each other, and the read is audited once in the same transaction.

/** Every age group in order, zeros included, then "not recorded". */
function inAgeOrder(cells: readonly RawCell[]): RawCell[] {
  const n = (key: string | null) => cells.find((c) => c.key === key)?.n ?? 0;
  const unknown = n(null);
  return [
    ...AGE_GROUPS.map((key) => ({ key, n: n(key) })),
    ...(unknown > 0 ? [{ key: null, n: unknown }] : []),
  ];
}

const sum = (cells: readonly RawCell[]) => cells.reduce((s, c) => s + c.n, 0);

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
      const exploitation = protectTable(persons.exploitation, persons.total);
      // The forced-criminality table breaks down the ForcedCriminality cell: withheld there, withheld here.
      const forced = exploitation.cells.find((c) => c.key === 'ForcedCriminality');
      const forcedTotal = persons.exploitation.find((c) => c.key === 'ForcedCriminality')?.n ?? 0;
      return {
        k: K,
        suppression: 'complementary',
        from: range.from,
        to: range.to,
        persons: {
          total: protect(persons.total),
          gender: protectTable(persons.gender, persons.total),
          ageGroup: protectTable(inAgeOrder(persons.ageGroup), persons.total),
          citizenship: protectTable(persons.citizenship, persons.total),
          exploitation,
          forcedCriminality: protectTable(
            persons.forcedCriminality,
            forcedTotal,
            forced?.count.suppressed ?? false,
          ),
          traffickingStatus: protectTable(persons.traffickingStatus, persons.total),
          registrationYear: protectTable(persons.registrationYear, persons.total),
        },
        assessments: {
          decision: protectTable(assessments.decision, sum(assessments.decision)),
          nonPunishment: protect(assessments.nonPunishment),
        },
        cases: { status: protectTable(cases, sum(cases)) },
      };
    });
}

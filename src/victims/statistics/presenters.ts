import { AGE_GROUPS, type countAssessments, type countCases, type countPersons, type Range } from './repo.ts';
import type { StatisticsResult } from './schema.ts';
import { BASE, K, protect, protectTable, type RawCell, type Table } from './suppress.ts';

// The answer of GET /api/victims/statistics from the raw counts: every count protected (1–4
// withheld, complements, rounding), each table marked multi-valued where a person can count in
// several of its cells, and no field beyond those listed here.

type Raw = {
  persons: Awaited<ReturnType<typeof countPersons>>;
  assessments: Awaited<ReturnType<typeof countAssessments>>;
  cases: Awaited<ReturnType<typeof countCases>>;
};

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

const single = (t: Table) => ({ multiValued: false, total: t.total, cells: t.cells });
const multi = (t: Table) => ({ multiValued: true, total: t.total, cells: t.cells });

export function presentStatistics(range: Range, raw: Raw): StatisticsResult {
  const { persons, assessments, cases } = raw;
  const exploitation = protectTable(persons.exploitation, persons.total);
  // The forced-criminality table breaks down the ForcedCriminality cell: withheld there, withheld here.
  const forced = exploitation.cells.find((c) => c.key === 'ForcedCriminality');
  const forcedTotal = persons.exploitation.find((c) => c.key === 'ForcedCriminality')?.n ?? 0;
  return {
    k: K,
    suppression: 'complementary',
    roundedTo: BASE,
    from: range.from,
    to: range.to,
    persons: {
      total: protect(persons.total),
      gender: single(protectTable(persons.gender, persons.total)),
      ageGroup: single(protectTable(inAgeOrder(persons.ageGroup), persons.total)),
      citizenship: multi(protectTable(persons.citizenship, persons.total)),
      exploitation: multi(exploitation),
      forcedCriminality: multi(
        protectTable(persons.forcedCriminality, forcedTotal, forced?.count.suppressed ?? false),
      ),
      traffickingStatus: single(protectTable(persons.traffickingStatus, persons.total)),
      registrationYear: single(protectTable(persons.registrationYear, persons.total)),
    },
    assessments: {
      decision: single(protectTable(assessments.decision, sum(assessments.decision))),
      nonPunishment: protect(assessments.nonPunishment),
    },
    cases: { status: single(protectTable(cases, sum(cases))) },
  };
}

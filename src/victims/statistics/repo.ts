import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { RawCell } from './suppress.ts';

// The only SQL of the statistics: grouped counts over unencrypted, non-identifying columns (no
// `_enc` column is read, nothing is decrypted). Persons counted are the agency's persons with a
// victim context, registered in the range, and not merged away into another record.

export type Range = { agencyId: string; from: string | null; to: string | null };

const ALL_DAYS = { from: '0001-01-01', to: '9999-12-31' };

/** The persons counted, as a CTE body. */
function victims(r: Range): RawBuilder<unknown> {
  return sql`
    select p.id, p.gender, p.citizenship, p.age_at_registration, p.registered_on,
           v.trafficking_status, v.type_of_exploitation, v.forced_criminality_types
    from persons p
    join victim_contexts v on v.person_id = p.id
    where p.agency_id = ${r.agencyId}
      and p.registered_on between ${r.from ?? ALL_DAYS.from}::date and ${r.to ?? ALL_DAYS.to}::date
      and not exists (
        select 1 from person_merges m where m.merged_id = p.id and m.status = 'merged'
      )`;
}

async function grouped(tx: Exec, r: Range, select: RawBuilder<unknown>): Promise<RawCell[]> {
  const { rows } = await sql<{ key: string | null; n: string }>`
    with scope as (${victims(r)}) ${select}`.execute(tx);
  return rows.map((row) => ({ key: row.key, n: Number(row.n) }));
}

const byColumn = (column: string) =>
  sql`select ${sql.ref(column)}::text as key, count(*) as n from scope group by 1 order by 2 desc, 1`;

/** A multi-valued column: a person counts once in each value, or once under null when it has none. */
const byArray = (column: string, where = sql``) => sql`
  select x.value as key, count(distinct s.id) as n
  from scope s left join lateral unnest(s.${sql.ref(column)}) as x(value) on true
  ${where}
  group by 1 order by 2 desc, 1`;

export const AGE_GROUPS = ['0-11', '12-17', '18-25', '26-35', '36-50', '51+'] as const;

export async function countPersons(tx: Exec, r: Range) {
  const [total] = await grouped(tx, r, sql`select null as key, count(*) as n from scope`);
  return {
    total: total?.n ?? 0,
    gender: await grouped(tx, r, byColumn('gender')),
    ageGroup: await grouped(
      tx,
      r,
      sql`select case
            when age_at_registration is null then null
            when age_at_registration <= 11 then '0-11'
            when age_at_registration <= 17 then '12-17'
            when age_at_registration <= 25 then '18-25'
            when age_at_registration <= 35 then '26-35'
            when age_at_registration <= 50 then '36-50'
            else '51+' end as key, count(*) as n
          from scope group by 1`,
    ),
    citizenship: await grouped(tx, r, byArray('citizenship')),
    exploitation: await grouped(tx, r, byArray('type_of_exploitation')),
    forcedCriminality: await grouped(
      tx,
      r,
      byArray('forced_criminality_types', sql`where 'ForcedCriminality' = any(s.type_of_exploitation)`),
    ),
    traffickingStatus: await grouped(tx, r, byColumn('trafficking_status')),
    registrationYear: await grouped(
      tx,
      r,
      sql`select extract(year from registered_on)::int::text as key, count(*) as n from scope group by 1 order by 1`,
    ),
  };
}

/** Each counted person's latest assessment (a later one supersedes it), and who was ever flagged. */
export async function countAssessments(tx: Exec, r: Range) {
  const decision = await grouped(
    tx,
    r,
    sql`select decision as key, count(*) as n from (
          select distinct on (a.person_id) a.decision
          from identification_assessments a join scope s on s.id = a.person_id
          order by a.person_id, a.assessed_at desc, a.created_at desc
        ) latest group by 1 order by 2 desc, 1`,
  );
  const [flagged] = await grouped(
    tx,
    r,
    sql`select null as key, count(distinct a.person_id) as n
        from identification_assessments a join scope s on s.id = a.person_id
        where a.non_punishment`,
  );
  return { decision, nonPunishment: flagged?.n ?? 0 };
}

/** The agency's cases opened in the range, by status. */
export async function countCases(tx: Exec, r: Range): Promise<RawCell[]> {
  const { rows } = await sql<{ key: string; n: string }>`
    select status as key, count(*) as n from cases
    where agency_id = ${r.agencyId}
      and opened_on between ${r.from ?? ALL_DAYS.from}::date and ${r.to ?? ALL_DAYS.to}::date
    group by 1 order by 2 desc, 1`.execute(tx);
  return rows.map((row) => ({ key: row.key, n: Number(row.n) }));
}

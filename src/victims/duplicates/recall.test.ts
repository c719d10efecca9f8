import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applies,
  type Culture,
  generateName,
  nameParts,
  type PersonName,
  seededRandom,
  VARIANTS,
  type Variant,
  vary,
} from '../../../bench/lib/asean-names.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { loadFieldCipher } from '../../platform/crypto/fields.ts';
import { nameTokens, type SearchKeys, searchKeys } from '../search-keys.ts';
import { searchCandidates, THRESHOLDS } from './repo.ts';
import { birthFacts, type Probe, scoreCandidate } from './score.ts';

// Recall of the name search on synthetic ASEAN names (Latin, Vietnamese with and without
// diacritics, Thai, Khmer, Burmese, Lao): a person registered once is searched again as a second
// registrar might write the name. The figures printed here are the ones in README.md; the floors
// below sit just under them, so a change that loses recall fails.

const PERSONS = 3_000;
const TARGETS = 150;
const GRID_TARGETS = 20;
const SLOW = 240_000;

let database: TestDatabase;
let keys: SearchKeys;
let agencyId: string;
const people: { id: string; name: PersonName; tokens: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  keys = await searchKeys(db, await loadFieldCipher(db, randomBytes(32)));
  const agency = await db
    .insertInto('agencies')
    .values({ name: 'Recall agency', org_type: 'NGO', country: 'TH' })
    .returning('id')
    .executeTakeFirstOrThrow();
  agencyId = agency.id;
  const rnd = seededRandom(7);
  for (let i = 0; i < PERSONS; i++) {
    const name = generateName(rnd);
    people.push({ id: randomUUID(), name, tokens: nameTokens(keys, nameParts(name)) });
  }
  await sql`insert into persons (id, agency_id, name_tokens)
    select u.id, ${agencyId}::uuid, u.t
    from unnest(${people.map((p) => p.id)}::uuid[], ${people.map((p) => p.tokens)}::text[]) as u(id, t)`.execute(
    db,
  );
  // The name lookup orders the query's tokens by their frequencies from ANALYZE, as it would in service.
  await sql`analyze persons`.execute(db);
  await sql`analyze victims_person_names`.execute(db);
});
afterAll(async () => database?.close());

const nameProbe = (tokens: string): Probe => ({
  tokens,
  birthdateKey: null,
  identityNumberKey: null,
  phoneKeys: [],
  birth: birthFacts({ birthdate: null, ageAtRegistration: null, registeredOn: '2025-01-01' }),
});

type Outcome = { variant: Variant; culture: Culture; admitted: boolean; top10: boolean };

/** Searches like the service does (name only) and ranks like it: is the person admitted, and shown? */
async function search(
  target: (typeof people)[number],
  query: PersonName,
  options: { looseNamesRead?: number } = {},
): Promise<Outcome> {
  const tokens = nameTokens(keys, nameParts(query));
  const rows = await database.db
    .transaction()
    .execute((tx) => searchCandidates(tx, { ...nameProbe(tokens), agencyId, excludeIds: [] }, options));
  const probe = nameProbe(tokens);
  const scores = rows.map((r) => ({
    id: r.id,
    score: scoreCandidate(probe, nameProbe(r.name_tokens)).score,
  }));
  const mine = scores.find((s) => s.id === target.id);
  // Namesakes with the very same name tie with the person; a tie within the first ten counts as shown.
  const rank = mine ? 1 + scores.filter((s) => s.score > mine.score).length : Number.POSITIVE_INFINITY;
  return { variant: 'exact', culture: target.name.culture, admitted: mine !== undefined, top10: rank <= 10 };
}

const rate = (xs: boolean[]) => (xs.length === 0 ? Number.NaN : xs.filter(Boolean).length / xs.length);

describe('name search recall on synthetic ASEAN names', () => {
  const outcomes: Outcome[] = [];

  it(
    'finds second registrations of the same person',
    async () => {
      const rnd = seededRandom(11);
      for (const target of people.slice(0, TARGETS)) {
        for (const variant of VARIANTS.filter((v) => applies(target.name, v))) {
          const outcome = await search(target, vary(rnd, target.name, variant));
          outcomes.push({ ...outcome, variant });
        }
      }
      const rows = VARIANTS.map((v) => {
        const of = outcomes.filter((o) => o.variant === v);
        return {
          variant: v,
          n: of.length,
          admitted: rate(of.map((o) => o.admitted)),
          top10: rate(of.map((o) => o.top10)),
        };
      });
      console.log(
        ['| variant | queries | admitted by the thresholds | shown in the first 10 |', '|---|---|---|---|']
          .concat(
            rows.map((r) => `| ${r.variant} | ${r.n} | ${r.admitted.toFixed(3)} | ${r.top10.toFixed(3)} |`),
          )
          .join('\n'),
      );
      const byCulture = [...new Set(outcomes.map((o) => o.culture))].map((c) => {
        const of = outcomes.filter((o) => o.culture === c && o.variant !== 'given_name_only');
        return `| ${c} | ${of.length} | ${rate(of.map((o) => o.admitted)).toFixed(3)} | ${rate(of.map((o) => o.top10)).toFixed(3)} |`;
      });
      console.log(
        [
          '| script (all but given name only) | queries | admitted | shown |',
          '|---|---|---|---|',
          ...byCulture,
        ].join('\n'),
      );

      const get = (v: Variant) => rows.find((r) => r.variant === v);
      expect(get('exact')?.top10).toBe(1);
      expect(get('no_diacritics')?.top10).toBe(1);
      expect(get('without_middle_name')?.admitted).toBeGreaterThanOrEqual(0.99);
      expect(get('swapped_order')?.admitted).toBeGreaterThanOrEqual(0.99);
      expect(get('respaced')?.admitted).toBeGreaterThanOrEqual(0.8);
      expect(get('typo')?.admitted).toBeGreaterThanOrEqual(0.9);
      expect(get('given_name_only')?.admitted).toBeGreaterThanOrEqual(0.95);
    },
    SLOW,
  );

  it(
    'finds every close likeness through the rarest tokens alone, however little the loose lookup may read',
    async () => {
      // At a million persons the loose lookup reads only a budget of names; the close and inside
      // thresholds must stay exact without it. Here the budget is none at all.
      const rnd = seededRandom(17);
      let close = 0;
      let admitted = 0;
      for (const target of people.slice(0, TARGETS)) {
        for (const variant of VARIANTS.filter((v) => applies(target.name, v))) {
          const query = vary(rnd, target.name, variant);
          const q = new Set(nameTokens(keys, nameParts(query)).split(' '));
          const t = new Set(target.tokens.split(' '));
          const shared = [...q].filter((x) => t.has(x)).length;
          const jaccard = shared / (q.size + t.size - shared);
          if (jaccard < THRESHOLDS.close && shared / q.size < THRESHOLDS.inside) continue;
          close++;
          if ((await search(target, query, { looseNamesRead: 0 })).admitted) admitted++;
        }
      }
      console.log(`close likeness found with no loose budget: ${admitted} of ${close}`);
      expect(close).toBeGreaterThan(500);
      expect(admitted).toBe(close);
    },
    SLOW,
  );

  it(
    'admits few strangers per query at the chosen thresholds, and shows the trade-off around them',
    async () => {
      const rnd = seededRandom(13);
      const grid = { jaccard: [0.4, 0.5, 0.6, 0.7], inside: [0.6, 0.7, 0.8, 0.9] };
      const tally = new Map<string, { hits: number; strangers: number; n: number }>();
      for (const target of people.slice(0, GRID_TARGETS)) {
        for (const variant of VARIANTS.filter((v) => applies(target.name, v))) {
          const q = nameTokens(keys, nameParts(vary(rnd, target.name, variant)));
          const r = await sql<{ s: number; w: number; strangers: string; hit: boolean }>`
          with q as (select victims_name_ints(${q}) as q),
            x as materialized (
              select p.id, m.shared::float8 / (m.len + m.n - m.shared) as sim, m.shared::float8 / m.n as ws
              from persons p
                join victims_person_names v on v.agency_id = p.agency_id and v.name_key = md5(p.name_tokens)::uuid,
                q, lateral (select icount(v.name_ints & q.q) as shared, icount(v.name_ints) as len, icount(q.q) as n) as m)
          select g.s, g.w,
            count(*) filter (where (sim >= g.s or ws >= g.w) and id <> ${target.id}::uuid) as strangers,
            coalesce(bool_or(id = ${target.id}::uuid and (sim >= g.s or ws >= g.w)), false) as hit
          from x, unnest(${grid.jaccard}::real[]) as s(s), unnest(${grid.inside}::real[]) as w(w),
            lateral (select s.s, w.w) as g
          group by g.s, g.w`.execute(database.db);
          for (const row of r.rows) {
            const key = `${row.s}|${row.w}`;
            const t = tally.get(key) ?? { hits: 0, strangers: 0, n: 0 };
            t.hits += row.hit ? 1 : 0;
            t.strangers += Number(row.strangers);
            t.n += 1;
            tally.set(key, t);
          }
        }
      }
      const lines = [...tally].map(([key, t]) => {
        const [s, w] = key.split('|');
        return `| ${s} | ${w} | ${(t.hits / t.n).toFixed(3)} | ${(t.strangers / t.n).toFixed(1)} |`;
      });
      console.log(
        [
          `| Jaccard ≥ | share of the query inside ≥ | admitted | other persons admitted per query (of ${PERSONS}) |`,
          '|---|---|---|---|',
          ...lines.sort(),
        ].join('\n'),
      );
      // Close likeness admits few strangers; loose likeness (ranked after it) finds the rest.
      const close = tally.get(`${THRESHOLDS.close}|${THRESHOLDS.inside}`);
      const loose = tally.get(`${THRESHOLDS.loose}|${THRESHOLDS.inside}`);
      expect((close?.strangers ?? Number.NaN) / (close?.n ?? 1)).toBeLessThanOrEqual(5);
      expect((loose?.hits ?? 0) / (loose?.n ?? 1)).toBeGreaterThanOrEqual(0.9);
    },
    SLOW,
  );
});

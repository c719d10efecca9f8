import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { type FieldCipher, loadFieldCipher } from '../src/platform/crypto/fields.ts';
import { type Db, openDatabase } from '../src/platform/db/database.ts';
import type { Principal } from '../src/platform/http/policy.ts';
import { checkRegistration, probeOfInput, storedProbe } from '../src/victims/duplicates/candidates.ts';
import { type CandidateRow, searchCandidates } from '../src/victims/duplicates/repo.ts';
import type { CheckInput } from '../src/victims/duplicates/schema.ts';
import { type Probe, scoreCandidate } from '../src/victims/duplicates/score.ts';
import { fieldContext } from '../src/victims/encrypted-columns.ts';
import {
  birthdateKey,
  identityNumberKey,
  nameTokens,
  phoneKey,
  searchKeys,
} from '../src/victims/search-keys.ts';
import {
  applies,
  generateName,
  nameParts,
  type PersonName,
  seededRandom,
  VARIANTS,
  type Variant,
  vary,
} from './lib/asean-names.ts';
import type { BenchResult } from './lib/types.ts';

// Fuzzy person search over one million persons: the duplicate check a registration runs (keyed
// name trigrams with pg_trgm, birth date, identity number, phones). Rows are inserted directly in
// batches, with real keyed tokens and sealed names from the module's own functions, then 1,000
// second-registration variants of known persons (typos, swapped order, given name alone, no
// diacritics, …) are searched and timed. BENCH_VICTIMS_PERSONS=100000 gives a quicker dry run.

type Ctx = { url: string; log(line: string): void };

const PERSONS = Number(process.env.BENCH_VICTIMS_PERSONS ?? 1_000_000);
const BATCH = 5_000;
const QUERIES = 1_000;
const WARMUP = 100;
const SEED = 20_250_214;

export type Target = { id: string; name: PersonName; birthdate: string | null };

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Inserts the persons in batches (one unnest statement each); returns a sample to search for. */
export async function fill(
  db: Db,
  cipher: FieldCipher,
  agencyId: string,
  log: Ctx['log'],
): Promise<Target[]> {
  const keys = await searchKeys(db, cipher);
  const rnd = seededRandom(SEED);
  const tokensOf = new Map<string, string>();
  const every = Math.floor(PERSONS / (QUERIES + WARMUP) / 2);
  const targets: Target[] = [];
  const seal = (id: string, column: string, v: string | undefined | null) =>
    v ? cipher.encrypt(v, fieldContext('persons', column, id)) : null;
  for (let from = 0; from < PERSONS; from += BATCH) {
    const cols = {
      id: [] as string[],
      first: [] as (string | null)[],
      middle: [] as (string | null)[],
      second: [] as (string | null)[],
      birth: [] as (string | null)[],
      tokens: [] as string[],
      birthKey: [] as (string | null)[],
      idKey: [] as (string | null)[],
      phones: [] as string[],
      age: [] as (number | null)[],
    };
    for (let i = from; i < Math.min(PERSONS, from + BATCH); i++) {
      const id = randomUUID();
      const name = generateName(rnd);
      const parts = nameParts(name);
      const joined = parts.join('|');
      let tokens = tokensOf.get(joined);
      if (tokens === undefined) {
        tokens = nameTokens(keys, parts);
        tokensOf.set(joined, tokens);
      }
      const hasBirth = rnd() < 0.7;
      const birthdate = hasBirth
        ? `${1965 + Math.floor(rnd() * 44)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`
        : null;
      const age = hasBirth ? null : rnd() < 0.6 ? 14 + Math.floor(rnd() * 40) : null;
      cols.id.push(id);
      cols.first.push(seal(id, 'first_name_enc', name.firstName));
      cols.middle.push(seal(id, 'middle_name_enc', name.middleName));
      cols.second.push(seal(id, 'second_name_enc', name.secondName));
      cols.birth.push(seal(id, 'birthdate_enc', birthdate));
      cols.tokens.push(tokens);
      cols.birthKey.push(birthdate ? birthdateKey(keys, birthdate) : null);
      cols.idKey.push(rnd() < 0.3 ? identityNumberKey(keys, `ID${Math.floor(rnd() * 1e9)}`) : null);
      // Postgres array literal of the keys (base64url has no characters to quote).
      cols.phones.push(rnd() < 0.5 ? `{${phoneKey(keys, `+8491${Math.floor(rnd() * 1e7)}`)}}` : '{}');
      cols.age.push(age);
      if (i % every === 0 && targets.length < QUERIES + WARMUP) targets.push({ id, name, birthdate });
    }
    await sql`
      insert into persons (id, agency_id, registered_on, first_name_enc, middle_name_enc, second_name_enc,
        birthdate_enc, name_tokens, birthdate_key, identity_number_key, phone_keys, age_at_registration,
        age_is_estimate)
      select u.id, ${agencyId}::uuid, date '2025-01-15', u.f, u.m, u.s, u.b, u.t, u.bk, u.ik, u.pk::text[],
        u.age, u.age is not null
      from unnest(${cols.id}::uuid[], ${cols.first}::text[], ${cols.middle}::text[], ${cols.second}::text[],
        ${cols.birth}::text[], ${cols.tokens}::text[], ${cols.birthKey}::text[], ${cols.idKey}::text[],
        ${cols.phones}::text[], ${cols.age}::smallint[]) as u(id, f, m, s, b, t, bk, ik, pk, age)`.execute(
      db,
    );
    if ((from + BATCH) % 200_000 === 0) log(`inserted ${from + BATCH} persons`);
  }
  log(`${tokensOf.size} distinct names among ${PERSONS} persons`);
  return targets;
}

/** The persons table's secondary indexes, dropped for the bulk load and rebuilt after it. */
export async function withoutIndexes(db: Db, load: () => Promise<void>): Promise<number> {
  const defs = await sql<{ name: string; def: string }>`
    select indexname as name, indexdef as def from pg_indexes
    where tablename = 'persons' and indexdef not like '%UNIQUE%'`.execute(db);
  for (const { name } of defs.rows) await sql`drop index ${sql.ref(name)}`.execute(db);
  await load();
  const t0 = performance.now();
  await sql`set maintenance_work_mem = '512MB'`.execute(db);
  for (const { def } of defs.rows) await sql.raw(def).execute(db);
  return (performance.now() - t0) / 1000;
}

function queryFor(t: Target, variant: (typeof VARIANTS)[number], rnd: () => number): CheckInput {
  const name = vary(rnd, t.name, variant);
  return {
    identity: {
      firstName: name.firstName,
      middleName: name.middleName,
      secondName: name.secondName,
      // Half the second registrations also record the birth date.
      birthdate: t.birthdate !== null && rnd() < 0.5 ? t.birthdate : undefined,
    },
    limit: 10,
  };
}

/**
 * Whether the target is among the rows, and whether it ranks within the first 10 when ties count
 * for it (its own score against the rows', as recall.test.ts counts: exact namesakes tie).
 */
function rankOf(
  target: CandidateRow,
  probe: Probe,
  rows: readonly CandidateRow[],
  cipher: FieldCipher,
): { admitted: boolean; shownWithTies: boolean } {
  const mine = scoreCandidate(probe, storedProbe(cipher, target)).score;
  const above = rows.filter(
    (r) => r.id !== target.id && scoreCandidate(probe, storedProbe(cipher, r)).score > mine,
  ).length;
  return { admitted: rows.some((r) => r.id === target.id), shownWithTies: above < 10 };
}

/** The targets as stored, and how many other persons bear exactly the same name. */
async function storedTargets(db: Db, ids: readonly string[]) {
  const rows = await sql<CandidateRow & { namesakes: number }>`
    select p.id, p.name_tokens, p.birthdate_key, p.identity_number_key, p.phone_keys, p.birthdate_enc,
      p.age_at_registration, p.registered_on::text as registered_on,
      (select count(*) from persons o where o.agency_id = p.agency_id
        and md5(o.name_tokens)::uuid = md5(p.name_tokens)::uuid and o.id <> p.id)::int as namesakes
    from persons p where p.id = any(${[...ids]}::uuid[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r]));
}

/** One timed search: its variant, both timings, and whether the person was shown. */
export type Measured = {
  variant: Variant;
  withBirthdate: boolean;
  sqlMs: number;
  serviceMs: number;
  /** Among the 10 the check returned. */
  shown: boolean;
  /** Returned by the lookups (searchCandidates), before ranking. */
  admitted: boolean;
  /** Ranked within the first 10 when ties count for it, as recall.test.ts counts (exact namesakes tie). */
  shownWithTies: boolean;
  /** Other persons registered under exactly the same name. */
  namesakes: number;
};

/**
 * Searches second-registration variants of the targets (the first WARMUP only warm the caches):
 * the candidate SQL alone, then the whole duplicate check as the route runs it.
 */
export async function measureSearches(
  db: Db,
  cipher: FieldCipher,
  principal: Principal,
  targets: readonly Target[],
): Promise<Measured[]> {
  const service = { db, cipher, principal };
  const keys = await searchKeys(db, cipher);
  const rnd = seededRandom(SEED + 1);
  const queries = targets.map((t, i) => {
    const usable = VARIANTS.filter((v) => applies(t.name, v));
    const variant = usable[i % usable.length] ?? 'exact';
    return { target: t, variant, input: queryFor(t, variant, rnd) };
  });
  const stored = await storedTargets(
    db,
    targets.map((t) => t.id),
  );
  const measured: Measured[] = [];
  for (const [i, q] of queries.entries()) {
    const probe = {
      agencyId: principal.agencyId,
      tokens: nameTokens(keys, [
        q.input.identity.firstName,
        q.input.identity.middleName,
        q.input.identity.secondName,
      ]),
      birthdateKey: q.input.identity.birthdate ? birthdateKey(keys, q.input.identity.birthdate) : null,
      identityNumberKey: null,
      phoneKeys: [],
      excludeIds: [],
    };
    let t = performance.now();
    const rows = await db.transaction().execute((tx) => searchCandidates(tx, probe));
    const sqlMs = performance.now() - t;
    t = performance.now();
    const candidates = await checkRegistration(service, q.input);
    const serviceMs = performance.now() - t;
    const target = stored.get(q.target.id);
    if (i < WARMUP || !target) continue;
    measured.push({
      variant: q.variant,
      withBirthdate: q.input.identity.birthdate !== undefined,
      sqlMs,
      serviceMs,
      shown: candidates.some((c) => c.viewed.record.person.id === q.target.id),
      ...rankOf(target, probeOfInput(keys, q.input), rows, cipher),
      namesakes: target.namesakes,
    });
  }
  return measured;
}

export async function runVictimsSearchBench(ctx: Ctx): Promise<BenchResult[]> {
  const { db, close } = openDatabase(ctx.url, 4);
  try {
    const agency = await db
      .insertInto('agencies')
      .values({ name: 'Bench agency', org_type: 'NGO', country: 'TH' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await db
      .insertInto('users')
      .values({
        agency_id: agency.id,
        username: 'bench',
        display_name: 'Bench',
        password_hash: 'x',
        roles: ['caseworker'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cipher = await loadFieldCipher(db, randomBytes(32));
    ctx.log(`inserting ${PERSONS} persons in batches of ${BATCH}`);
    const t0 = performance.now();
    let targets: Target[] = [];
    const indexSeconds = await withoutIndexes(db, async () => {
      targets = await fill(db, cipher, agency.id, ctx.log);
    });
    const loadSeconds = (performance.now() - t0) / 1000 - indexSeconds;
    ctx.log(`loaded in ${loadSeconds.toFixed(0)} s, indexes rebuilt in ${indexSeconds.toFixed(0)} s`);
    // Autovacuum would do this within minutes; the name lookup orders tokens by these statistics.
    await sql`vacuum analyze persons`.execute(db);
    await sql`vacuum analyze victims_person_names`.execute(db);
    const size = await sql<{ table: string; tokens: string; ints: string; names: string }>`
      select pg_table_size('persons') / 1048576 as table, coalesce(pg_relation_size(to_regclass('persons_name_tokens')), 0) / 1048576 as tokens,
        pg_relation_size('victims_person_names_ints') / 1048576 as ints,
        (select count(*) from victims_person_names) as names`.execute(db);
    const nameIndexMb = Number(size.rows[0]?.ints);
    ctx.log(
      `persons: ${size.rows[0]?.table} MB; name indexes: tokens ${size.rows[0]?.tokens} MB, distinct names ${nameIndexMb} MB (${size.rows[0]?.names} names)`,
    );

    const principal: Principal = {
      userId: user.id,
      username: 'bench',
      displayName: 'Bench',
      agencyId: agency.id,
      roles: ['caseworker'],
      via: 'session',
    };
    const measured = await measureSearches(db, cipher, principal, targets);
    const sqlMs = measured.map((m) => m.sqlMs).sort((a, b) => a - b);
    const serviceMs = measured.map((m) => m.serviceMs).sort((a, b) => a - b);
    const n = serviceMs.length;
    const share = (of: readonly Measured[], test: (m: Measured) => boolean) =>
      of.filter(test).length / of.length;
    const withBirthdate = measured.filter((m) => m.withBirthdate);
    const nameOnly = measured.filter((m) => !m.withBirthdate);
    const p95 = quantile(serviceMs, 0.95);
    const label = `${(PERSONS / 1e6).toLocaleString('en')}M persons`;
    return [
      {
        name: `Bulk load of ${PERSONS} persons (keyed tokens, sealed names)`,
        value: PERSONS / loadSeconds,
        unit: 'persons/s',
      },
      { name: 'Rebuilding the persons indexes after the load', value: indexSeconds, unit: 's' },
      {
        name: 'Size of the name index (victims_person_names_ints, distinct names)',
        value: nameIndexMb,
        unit: 'MB',
      },
      {
        name: `Duplicate check over ${label}, p50 (${n} queries)`,
        value: quantile(serviceMs, 0.5),
        unit: 'ms',
      },
      {
        name: `Duplicate check over ${label}, p95`,
        value: p95,
        unit: 'ms',
        target: '≤ 100 ms',
        pass: p95 <= 100,
      },
      { name: `Duplicate check over ${label}, p99`, value: quantile(serviceMs, 0.99), unit: 'ms' },
      { name: 'Candidate SQL alone, p50', value: quantile(sqlMs, 0.5), unit: 'ms' },
      { name: 'Candidate SQL alone, p95', value: quantile(sqlMs, 0.95), unit: 'ms' },
      { name: 'Candidate SQL alone, p99', value: quantile(sqlMs, 0.99), unit: 'ms' },
      {
        name: 'Searched person among the 10 shown (recall@10)',
        value: share(measured, (m) => m.shown),
        unit: '',
      },
      {
        name: `recall@10 with the birth date recorded (${withBirthdate.length} queries)`,
        value: share(withBirthdate, (m) => m.shown),
        unit: '',
      },
      {
        name: `recall@10 by name alone (${nameOnly.length} queries)`,
        value: share(nameOnly, (m) => m.shown),
        unit: '',
      },
      {
        name: '… of them, persons whose exact name 10 or more others bear',
        value: share(nameOnly, (m) => m.namesakes >= 10),
        unit: '',
      },
      {
        name: 'recall@10 counting ties (exact namesakes tie, as in recall.test.ts)',
        value: share(measured, (m) => m.shownWithTies),
        unit: '',
      },
      {
        name: 'Searched person returned by the lookups (before ranking)',
        value: share(measured, (m) => m.admitted),
        unit: '',
      },
      {
        name: 'Load average (1 min) after the queries',
        value: loadavg()[0] ?? 0,
        unit: `on ${cpus().length} cores`,
      },
    ];
  } finally {
    await close();
  }
}

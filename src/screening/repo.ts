import { sql } from 'kysely';
import type { Exec } from '../platform/db/database.ts';
import type { SealedAlertFields } from './sealed.ts';
import type { ScreenInput, ScreenResult } from './types.ts';

// All SQL of the screening module (migrations/0003_screening.sql; alerts' batch_id: 0015; sealed
// post and result, identifier_keys, screening_secrets: 0016). Every alert query names the agency.

/** An alert from a batch names it; one from a single post names none. */
export type NewAlert = (
  | { source: 'api' | 'ui'; batchId?: undefined }
  | { source: 'batch'; batchId: string }
) & {
  agencyId: string;
  input: ScreenInput;
  result: ScreenResult;
  watchlistHits: string[];
  createdBy: string | null;
};

/** A new alert with its id (chosen before insert: the sealed values are bound to it) and sealed fields. */
export type SealedNewAlert = NewAlert & { id: string; sealed: SealedAlertFields };

export function insertAlerts(db: Exec, alerts: readonly SealedNewAlert[]) {
  return db
    .insertInto('screening_alerts')
    .values(
      alerts.map((a) => ({
        id: a.id,
        agency_id: a.agencyId,
        source: a.source,
        batch_id: a.batchId ?? null,
        external_id: a.input.id ?? null,
        post_text_enc: a.sealed.post_text_enc,
        result_enc: a.sealed.result_enc,
        identifier_keys: a.sealed.identifier_keys,
        post_url: a.input.url ?? null,
        country: a.input.country ?? null,
        posted_at: a.input.postedAt ?? null,
        lang: a.result.lang,
        risk: a.result.risk,
        level: a.result.level,
        watchlist_hits: a.watchlistHits,
        created_by: a.createdBy,
      })),
    )
    .returning(['id', 'external_id'])
    .execute();
}

export type AlertFilter = {
  /** The reader's agency: no query ever returns another agency's alert. */
  agencyId: string;
  status?: 'open' | 'confirmed' | 'dismissed' | undefined;
  level?: 'low' | 'medium' | 'high' | undefined;
  lang?: string | undefined;
  assigneeId?: string | undefined;
  batchId?: string | undefined;
  /** `q` as keyed identifier tokens (search-keys.ts), and as typed for the post's id and URL. */
  q?: { text: string; identifierKeys: readonly string[] } | undefined;
  before?: Date | undefined;
  limit: number;
};

const alertListColumns = [
  'id',
  'source',
  'batch_id',
  'external_id',
  'post_text_enc',
  'post_url',
  'country',
  'lang',
  'risk',
  'level',
  'watchlist_hits',
  'status',
  'assignee_id',
  'review_reason',
  'reviewed_by',
  'reviewed_at',
  'created_at',
] as const;

export function listAlerts(db: Exec, f: AlertFilter) {
  let q = db
    .selectFrom('screening_alerts')
    .select(alertListColumns)
    .where('agency_id', '=', f.agencyId)
    .orderBy('created_at', 'desc')
    .limit(f.limit);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.lang) q = q.where('lang', '=', f.lang);
  if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.batchId) q = q.where('batch_id', '=', f.batchId);
  if (f.before) q = q.where('created_at', '<', f.before);
  const search = f.q;
  if (search) {
    // The post itself is sealed: no search can read it (README, "Sealed at rest").
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`identifier_keys && ${[...search.identifierKeys]}::text[]`,
        eb('external_id', '=', search.text),
        sql<boolean>`strpos(lower(post_url), lower(${search.text})) > 0`,
      ]),
    );
  }
  return q.execute();
}

export type AlertListRow = Awaited<ReturnType<typeof listAlerts>>[number];

/** One alert of this agency (another agency's is not found); `lock`: for update, in a transaction. */
export function findAlert(db: Exec, agencyId: string, id: string, lock = false) {
  const q = db
    .selectFrom('screening_alerts')
    .selectAll()
    .where('id', '=', id)
    .where('agency_id', '=', agencyId);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export type AlertRow = NonNullable<Awaited<ReturnType<typeof findAlert>>>;

/** The user, if they belong to this agency. */
export function findAgencyUser(db: Exec, agencyId: string, userId: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}

export function updateAlert(
  db: Exec,
  id: string,
  set: {
    assignee_id?: string | null;
    status?: 'open' | 'confirmed' | 'dismissed';
    review_reason?: string | null;
    reviewed_by?: string | null;
    reviewed_at?: Date | null;
  },
) {
  return db
    .updateTable('screening_alerts')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Reviewed alerts as labelled examples: confirmed = 1, dismissed = 0. */
export function reviewedExamples(db: Exec) {
  return db
    .selectFrom('screening_alerts')
    .select(['id', 'post_text_enc', 'lang', 'status'])
    .where('status', 'in', ['confirmed', 'dismissed'])
    .orderBy('reviewed_at')
    .execute();
}

export async function insertSecretIfAbsent(db: Exec, name: string, secretEnc: string): Promise<void> {
  await db
    .insertInto('screening_secrets')
    .values({ name, secret_enc: secretEnc })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function readSecret(db: Exec, name: string): Promise<string> {
  const row = await db
    .selectFrom('screening_secrets')
    .select('secret_enc')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.secret_enc;
}

export function listWatchlist(db: Exec) {
  return db.selectFrom('screening_watchlist').selectAll().orderBy('created_at', 'desc').execute();
}

export type WatchlistRow = Awaited<ReturnType<typeof listWatchlist>>[number];

export function insertWatchlistEntry(
  db: Exec,
  e: { kind: string; normalized: string; note: string | null; createdBy: string },
) {
  return db
    .insertInto('screening_watchlist')
    .values({ kind: e.kind, normalized: e.normalized, note: e.note, created_by: e.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteWatchlistEntry(db: Exec, id: string) {
  return db.deleteFrom('screening_watchlist').where('id', '=', id).returningAll().executeTakeFirst();
}

/** The watchlist entries among these (kind, normalized) pairs. */
export async function watchlistMatches(db: Exec, keys: readonly { kind: string; normalized: string }[]) {
  if (keys.length === 0) return [];
  // One statement of fixed text whatever the number of identifiers (two arrays, unnested).
  const result = await sql<{ kind: string; normalized: string }>`
    select distinct w.kind, w.normalized from screening_watchlist w
    join unnest(${keys.map((k) => k.kind)}::text[], ${keys.map((k) => k.normalized)}::text[]) as k(kind, normalized)
      on w.kind = k.kind and w.normalized = k.normalized`.execute(db);
  return result.rows;
}

export function activeModel(db: Exec) {
  return db
    .selectFrom('screening_models')
    .select(['id', 'name', 'model', 'created_at'])
    .where('active', '=', true)
    .executeTakeFirst();
}

export function activeModelId(db: Exec) {
  return db.selectFrom('screening_models').select('id').where('active', '=', true).executeTakeFirst();
}

export function listModels(db: Exec) {
  return db
    .selectFrom('screening_models')
    .select(['id', 'name', 'metrics', 'examples', 'active', 'created_by', 'created_at'])
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertActiveModel(
  db: Exec,
  m: { name: string; model: object; metrics: object | null; examples: number; createdBy: string | null },
) {
  await db.updateTable('screening_models').set({ active: false }).where('active', '=', true).execute();
  return db
    .insertInto('screening_models')
    .values({
      name: m.name,
      model: JSON.stringify(m.model),
      metrics: m.metrics === null ? null : JSON.stringify(m.metrics),
      examples: m.examples,
      active: true,
      created_by: m.createdBy,
    })
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirstOrThrow();
}

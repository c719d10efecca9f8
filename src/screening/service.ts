import { appendAudit } from '../platform/audit/append.ts';
import type { Db } from '../platform/db/database.ts';
import { HttpError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/http/policy.ts';
import {
  deleteWatchlistEntry,
  insertAlerts,
  insertWatchlistEntry,
  lockAlert,
  updateAlert,
  watchlistMatches,
} from './repo.ts';
import type { Screener } from './screener.ts';
import type { ScreenInput, ScreenResult } from './types.ts';

// Commands of the screening module. Each opens one transaction and writes its audit entries in it.

const actorOf = (p: Principal) => ({ id: p.userId, label: p.username });

/** A post opens an alert when its level is high, or when it names a watchlisted identifier. */
export function needsAlert(result: ScreenResult, watchlistHits: readonly string[]): boolean {
  return result.level === 'high' || watchlistHits.length > 0;
}

export function watchKey(i: { kind: string; normalized: string }): string {
  return `${i.kind}:${i.normalized}`;
}

export async function findWatchlistHits(db: Db, result: ScreenResult): Promise<string[]> {
  const hits = await watchlistMatches(db, result.identifiers);
  return hits.map(watchKey);
}

export async function screenOne(
  db: Db,
  screener: Screener,
  principal: Principal,
  input: ScreenInput,
  source: 'api' | 'ui',
): Promise<{ result: ScreenResult; alertId: string | null; watchlistHits: string[] }> {
  const result = screener.screen(input);
  const watchlistHits = await findWatchlistHits(db, result);
  if (!needsAlert(result, watchlistHits)) return { result, alertId: null, watchlistHits };
  const alertId = await db.transaction().execute(async (tx) => {
    const [row] = await insertAlerts(tx, [
      {
        agencyId: principal.agencyId,
        source,
        input,
        result,
        watchlistHits,
        createdBy: principal.userId,
      },
    ]);
    if (!row) throw new Error('alert insert returned nothing');
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'alert.create',
      recordType: 'screening_alert',
      recordId: row.id,
      change: { risk: result.risk, level: result.level, watchlistHits, text: input.text },
    });
    return row.id;
  });
  return { result, alertId, watchlistHits };
}

export async function assignAlert(db: Db, principal: Principal, id: string, assigneeId: string | null) {
  return db.transaction().execute(async (tx) => {
    const alert = await lockAlert(tx, id);
    if (!alert) throw new HttpError(404, 'not_found', 'The alert was not found.');
    if (assigneeId) {
      const user = await tx.selectFrom('users').select('id').where('id', '=', assigneeId).executeTakeFirst();
      if (!user) {
        throw new HttpError(400, 'bad_request', 'The assignee does not exist.', [
          { path: 'assigneeId', message: 'no such user' },
        ]);
      }
    }
    const updated = await updateAlert(tx, id, { assignee_id: assigneeId });
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'alert.assign',
      recordType: 'screening_alert',
      recordId: id,
      change: { from: alert.assignee_id, to: assigneeId },
    });
    return updated;
  });
}

export async function reviewAlert(
  db: Db,
  principal: Principal,
  id: string,
  decision: 'confirmed' | 'dismissed',
  reason: string,
) {
  return db.transaction().execute(async (tx) => {
    const alert = await lockAlert(tx, id);
    if (!alert) throw new HttpError(404, 'not_found', 'The alert was not found.');
    if (alert.status !== 'open') {
      throw new HttpError(409, 'conflict', `The alert was already ${alert.status}.`);
    }
    const updated = await updateAlert(tx, id, {
      status: decision,
      review_reason: reason,
      reviewed_by: principal.userId,
      reviewed_at: new Date(),
    });
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: `alert.${decision === 'confirmed' ? 'confirm' : 'dismiss'}`,
      recordType: 'screening_alert',
      recordId: id,
      change: { decision, reason },
    });
    return updated;
  });
}

export async function addToWatchlist(
  db: Db,
  principal: Principal,
  entry: { kind: string; normalized: string; note: string | null },
) {
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('screening_watchlist')
      .select('id')
      .where('kind', '=', entry.kind)
      .where('normalized', '=', entry.normalized)
      .executeTakeFirst();
    if (existing) throw new HttpError(409, 'conflict', 'This identifier is already on the watchlist.');
    const row = await insertWatchlistEntry(tx, { ...entry, createdBy: principal.userId });
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'watchlist.add',
      recordType: 'screening_watchlist',
      recordId: row.id,
      change: entry,
    });
    return row;
  });
}

export async function removeFromWatchlist(db: Db, principal: Principal, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await deleteWatchlistEntry(tx, id);
    if (!row) throw new HttpError(404, 'not_found', 'The watchlist entry was not found.');
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'watchlist.remove',
      recordType: 'screening_watchlist',
      recordId: id,
      change: { kind: row.kind, normalized: row.normalized },
    });
  });
}

import { type AuditEvent, appendAudit, appendAuditBatch } from '../platform/audit/append.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { ChangeFeed } from '../platform/db/changes.ts';
import type { Db } from '../platform/db/database.ts';
import { HttpError, invalid } from '../platform/http/errors.ts';
import type { Principal } from '../platform/http/policy.ts';
import {
  type AlertFilter,
  type AlertRow,
  deleteWatchlistEntry,
  findAgencyUser,
  findAlert,
  insertAlerts,
  insertWatchlistEntry,
  listAlerts,
  updateAlert,
} from './repo.ts';
import { isFlagged } from './score.ts';
import type { Screener } from './screener.ts';
import {
  type AlertSealedField,
  type OpenedAlert,
  openAlert,
  openAlertText,
  sealNewAlerts,
} from './sealed.ts';
import { alertSearchKey, searchKeysFor } from './search-keys.ts';
import type { ScreenInput, ScreenResult } from './types.ts';
import { watchlistHitsOf } from './watchlist-cache.ts';

// Commands of the screening module. Each opens one transaction and writes its audit entries in it.
// Alerts belong to an agency: every command finds one only within the caller's agency, and answers
// 404 for another agency's, as if it did not exist.

/** What the alert commands need: the database and the keys that open an alert's post. */
export type AlertStore = { db: Db; cipher: FieldCipher };

const actorOf = (p: Principal) => ({ id: p.userId, label: p.username });

/** A post opens an alert when it is flagged (medium or high), or when it names a watchlisted identifier. */
export function needsAlert(result: ScreenResult, watchlistHits: readonly string[]): boolean {
  return isFlagged(result) || watchlistHits.length > 0;
}

export function watchKey(i: { kind: string; normalized: string }): string {
  return `${i.kind}:${i.normalized}`;
}

export async function findWatchlistHits(
  db: Db,
  changes: ChangeFeed | undefined,
  result: ScreenResult,
): Promise<string[]> {
  const hits = await watchlistHitsOf(db, changes, result.identifiers);
  return hits.map(watchKey);
}

export async function screenOne(
  { db, cipher, changes }: AlertStore & { changes?: ChangeFeed | undefined },
  screener: Screener,
  principal: Principal,
  input: ScreenInput,
  source: 'api' | 'ui',
): Promise<{ result: ScreenResult; alertId: string | null; watchlistHits: string[] }> {
  const result = await screener.screen(input);
  const watchlistHits = await findWatchlistHits(db, changes, result);
  if (!needsAlert(result, watchlistHits)) return { result, alertId: null, watchlistHits };
  const sealed = sealNewAlerts(cipher, await alertSearchKey(db, cipher), [
    { agencyId: principal.agencyId, source, input, result, watchlistHits, createdBy: principal.userId },
  ]);
  const alertId = await db.transaction().execute(async (tx) => {
    const [row] = await insertAlerts(tx, sealed);
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

const notFound = () => new HttpError(404, 'not_found', 'The alert was not found.');

function tamperEvents(principal: Principal, alerts: readonly { id: string; tampered: AlertSealedField[] }[]) {
  return alerts
    .filter((a) => a.tampered.length > 0)
    .map(
      (a): AuditEvent => ({
        actor: actorOf(principal),
        action: 'alert.tamper_detected',
        recordType: 'screening_alert',
        recordId: a.id,
        change: { tampered: a.tampered },
      }),
    );
}

/** Records alerts whose sealed post or result did not open (they are shown as tampered). */
export async function auditTampered(
  db: Db,
  principal: Principal,
  alerts: readonly { id: string; tampered: AlertSealedField[] }[],
): Promise<void> {
  const events = tamperEvents(principal, alerts);
  if (events.length > 0) await db.transaction().execute((tx) => appendAuditBatch(tx, events));
}

/**
 * The caller's agency's alerts, newest first, each with its post opened (not its result: the list
 * shows an excerpt only). `q` finds the identifiers a post names, and the post's id or URL.
 */
export async function listAgencyAlerts(
  { db, cipher }: AlertStore,
  principal: Principal,
  filter: Omit<AlertFilter, 'agencyId' | 'q'> & { q?: string | undefined },
  country: string,
) {
  const { q, ...rest } = filter;
  const search = q
    ? { text: q, identifierKeys: searchKeysFor(await alertSearchKey(db, cipher), q, country) }
    : undefined;
  const rows = await listAlerts(db, { ...rest, agencyId: principal.agencyId, q: search });
  const alerts = rows.map((row) => ({ row, ...openAlertText(cipher, row) }));
  await auditTampered(
    db,
    principal,
    alerts.map((a) => ({ id: a.row.id, tampered: a.tampered })),
  );
  return alerts;
}

/** One alert of the caller's agency, opened. */
export async function readAlert(
  { db, cipher }: AlertStore,
  principal: Principal,
  id: string,
): Promise<{ row: AlertRow; opened: OpenedAlert }> {
  const row = await findAlert(db, principal.agencyId, id);
  if (!row) throw notFound();
  return opened(db, cipher, principal, row);
}

export async function assignAlert(
  { db, cipher }: AlertStore,
  principal: Principal,
  id: string,
  assigneeId: string | null,
) {
  const row = await db.transaction().execute(async (tx) => {
    const alert = await findAlert(tx, principal.agencyId, id, true);
    if (!alert) throw notFound();
    // Only someone of the alert's agency may hold it; anyone else is answered as unknown.
    if (assigneeId && !(await findAgencyUser(tx, principal.agencyId, assigneeId))) {
      throw invalid('assigneeId is not a user of your agency.', [
        { path: 'assigneeId', code: 'not_agency_user', message: 'is not a user of your agency' },
      ]);
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
  return opened(db, cipher, principal, row);
}

async function opened(
  db: Db,
  cipher: FieldCipher,
  principal: Principal,
  row: AlertRow,
): Promise<{ row: AlertRow; opened: OpenedAlert }> {
  const o = openAlert(cipher, row);
  await auditTampered(db, principal, [{ id: row.id, tampered: o.tampered }]);
  return { row, opened: o };
}

export async function reviewAlert(
  { db, cipher }: AlertStore,
  principal: Principal,
  id: string,
  decision: 'confirmed' | 'dismissed',
  reason: string,
) {
  const row = await db.transaction().execute(async (tx) => {
    const alert = await findAlert(tx, principal.agencyId, id, true);
    if (!alert) throw notFound();
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
  return opened(db, cipher, principal, row);
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

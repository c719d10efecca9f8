import { type Actor, type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Exec } from '../../platform/db/database.ts';
import { insertAlerts, type NewAlert, watchlistMatches } from '../repo.ts';
import { isFlagged } from '../score.ts';
import { sealNewAlerts } from '../sealed.ts';
import type { AlertSearchKey } from '../search-keys.ts';
import { needsAlert, watchKey } from '../service.ts';
import type { ScreenInput, ScreenResult } from '../types.ts';

// The alerts of a checkpoint's posts, decided as POST /api/screen decides them (needsAlert, the
// watchlist) and written with the checkpoint, so a resumed run neither loses nor repeats one.

export type ScreenedPost = { input: ScreenInput; result: ScreenResult };

/** Only these posts can open an alert: a flagged one, or one with an identifier that may be watchlisted. */
export function mayAlert(result: ScreenResult): boolean {
  return isFlagged(result) || result.identifiers.length > 0;
}

// PostgreSQL takes at most 65,535 parameters a query; each identifier needs two.
const KEYS_PER_QUERY = 1000;

async function watchlisted(tx: Exec, posts: readonly ScreenedPost[]): Promise<Set<string>> {
  const keys = new Map<string, { kind: string; normalized: string }>();
  for (const { result } of posts) for (const i of result.identifiers) keys.set(watchKey(i), i);
  const all = [...keys.values()];
  const listed = new Set<string>();
  for (let at = 0; at < all.length; at += KEYS_PER_QUERY) {
    for (const m of await watchlistMatches(tx, all.slice(at, at + KEYS_PER_QUERY))) listed.add(watchKey(m));
  }
  return listed;
}

/**
 * Opens the alerts these posts call for, each naming the batch, audited as POST /api/screen audits
 * them, their posts sealed as its are; returns how many.
 */
export async function raiseBatchAlerts(
  tx: Exec,
  keys: { cipher: FieldCipher; searchKey: AlertSearchKey },
  owner: { batchId: string; agencyId: string; actor: Actor & { id: string } },
  posts: readonly ScreenedPost[],
): Promise<number> {
  if (posts.length === 0) return 0;
  const listed = await watchlisted(tx, posts);
  const alerts: NewAlert[] = [];
  for (const { input, result } of posts) {
    const watchlistHits = [...new Set(result.identifiers.map(watchKey))].filter((k) => listed.has(k));
    if (!needsAlert(result, watchlistHits)) continue;
    alerts.push({
      agencyId: owner.agencyId,
      source: 'batch',
      batchId: owner.batchId,
      input,
      result,
      watchlistHits,
      createdBy: owner.actor.id,
    });
  }
  if (alerts.length === 0) return 0;
  const rows = await insertAlerts(tx, sealNewAlerts(keys.cipher, keys.searchKey, alerts));
  const events = alerts.map((a, i): AuditEvent => {
    const row = rows[i];
    // Each audit entry must name its own alert: check the returned rows kept the input's order.
    if (!row || row.external_id !== (a.input.id ?? null))
      throw new Error('alert rows came back out of order');
    return {
      actor: owner.actor,
      action: 'alert.create',
      recordType: 'screening_alert',
      recordId: row.id,
      change: {
        risk: a.result.risk,
        level: a.result.level,
        watchlistHits: a.watchlistHits,
        batchId: owner.batchId,
        text: a.input.text,
      },
    };
  });
  await appendAuditBatch(tx, events);
  return rows.length;
}

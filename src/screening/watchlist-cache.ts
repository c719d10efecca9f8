import type { ChangeFeed } from '../platform/db/changes.ts';
import type { Exec } from '../platform/db/database.ts';
import { watchlistMatches } from './repo.ts';

// The node's watchlist as a set in memory, while the change feed is live: `POST /api/screen` checks
// every post's identifiers against it, and a database round trip per post cost more than the
// lookup. Reloaded after any change to screening_watchlist (migration 0017's trigger), by any
// process; a watchlist larger than MAX_ENTRIES is not held, and is queried as before.

type Key = { kind: string; normalized: string };
type Held = { keys: Set<string> | 'too_large'; loadedAt: number };

const MAX_ENTRIES = 200_000;
const MAX_AGE_MS = 60_000;
const held = new WeakMap<ChangeFeed, { current?: Promise<Held>; generation: number }>();

const keyOf = (k: Key) => `${k.kind}\u0000${k.normalized}`;

async function load(db: Exec): Promise<Held> {
  const rows = await db
    .selectFrom('screening_watchlist')
    .select(['kind', 'normalized'])
    .limit(MAX_ENTRIES + 1)
    .execute();
  const keys = rows.length > MAX_ENTRIES ? 'too_large' : new Set(rows.map(keyOf));
  return { keys, loadedAt: Date.now() };
}

/** The identifiers among `keys` that are on the watchlist (each once). */
export async function watchlistHitsOf(
  db: Exec,
  feed: ChangeFeed | undefined,
  keys: readonly Key[],
): Promise<Key[]> {
  if (keys.length === 0) return [];
  if (!feed?.live) return watchlistMatches(db, keys);
  let state = held.get(feed);
  if (!state) {
    const s: { current?: Promise<Held>; generation: number } = { generation: 0 };
    feed.watch(['screening_watchlist'], () => {
      s.generation += 1;
      s.current = undefined;
    });
    held.set(feed, s);
    state = s;
  }
  const s = state;
  let current = s.current;
  if (!current) {
    const generation = s.generation;
    current = load(db);
    s.current = current;
    // A change while loading: the loaded set may miss it; the next call loads again.
    current.then(
      () => {
        if (s.generation !== generation && s.current === current) s.current = undefined;
      },
      () => {
        if (s.current === current) s.current = undefined;
      },
    );
  }
  const { keys: set, loadedAt } = await current;
  if (Date.now() - loadedAt > MAX_AGE_MS && s.current === current) s.current = undefined;
  if (set === 'too_large' || !feed.live) return watchlistMatches(db, keys);
  const hits = new Map<string, Key>();
  for (const k of keys) {
    const key = keyOf(k);
    if (set.has(key) && !hits.has(key)) hits.set(key, { kind: k.kind, normalized: k.normalized });
  }
  return [...hits.values()];
}

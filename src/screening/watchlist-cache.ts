import type { ChangeFeed } from '../platform/db/changes.ts';
import type { Exec } from '../platform/db/database.ts';
import { watchlistMatches } from './repo.ts';

// The node's watchlist as a set in memory, while the change feed is live: `POST /api/screen` checks
// every post's identifiers against it, and a database round trip per post cost more than the
// lookup. Reloaded after any change to screening_watchlist (migration 0017's trigger), by any
// process; a watchlist larger than MAX_ENTRIES is not held, and is queried as before.

type Key = { kind: string; normalized: string };
type Held = { keys: Set<string> | 'too_large'; loadedAt: number };
/** `generation` counts the changes seen; a load made at an older generation is not used. */
type State = { generation: number; load?: { generation: number; held: Promise<Held> } };

const MAX_ENTRIES = 200_000;
const MAX_AGE_MS = 60_000;
const states = new WeakMap<ChangeFeed, State>();

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

function stateOf(feed: ChangeFeed): State {
  let state = states.get(feed);
  if (!state) {
    const s: State = { generation: 0 };
    feed.watch(['screening_watchlist'], () => {
      s.generation += 1;
    });
    states.set(feed, s);
    state = s;
  }
  return state;
}

/** The identifiers among `keys` that are on the watchlist (each once). */
export async function watchlistHitsOf(
  db: Exec,
  feed: ChangeFeed | undefined,
  keys: readonly Key[],
): Promise<Key[]> {
  if (keys.length === 0) return [];
  if (!feed?.live) return watchlistMatches(db, keys);
  const s = stateOf(feed);
  if (!s.load || s.load.generation !== s.generation) s.load = { generation: s.generation, held: load(db) };
  const loaded = s.load;
  const held = await loaded.held.catch(() => undefined);
  if (!held || Date.now() - held.loadedAt > MAX_AGE_MS) {
    if (s.load === loaded) s.load = undefined;
    return watchlistMatches(db, keys);
  }
  // Changed while loading, too large to hold, or the feed went down: ask the database.
  if (held.keys === 'too_large' || !feed.live || loaded.generation !== s.generation) {
    return watchlistMatches(db, keys);
  }
  const set = held.keys;
  const hits = new Map<string, Key>();
  for (const k of keys) {
    const key = keyOf(k);
    if (set.has(key) && !hits.has(key)) hits.set(key, { kind: k.kind, normalized: k.normalized });
  }
  return [...hits.values()];
}

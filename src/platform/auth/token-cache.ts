import type { ChangeFeed } from '../db/changes.ts';
import type { Exec } from '../db/database.ts';
import { findTokenPrincipal } from './repo.ts';

// API token → principal, cached while the change feed is live (a client calling the API many
// times a second otherwise costs a database round trip per call). Dropped whenever api_tokens or
// users change (revocation, expiry, scopes, roles, disabling: migration 0017's triggers), and never
// served past the token's expiry or 30 s. Unknown tokens are not cached, so guessing fills nothing.

type TokenRow = NonNullable<Awaited<ReturnType<typeof findTokenPrincipal>>>;
type Entry = { row: TokenRow; until: number };
type TokenCache = { find(db: Exec, tokenHash: Buffer): Promise<TokenRow | undefined> };

const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 10_000;
const caches = new WeakMap<ChangeFeed, TokenCache>();

function createTokenCache(feed: ChangeFeed): TokenCache {
  const entries = new Map<string, Entry>();
  // A drop between a lookup and storing its answer means the answer may be stale: not stored.
  let generation = 0;
  feed.watch(['api_tokens', 'users'], () => {
    generation += 1;
    entries.clear();
  });
  return {
    async find(db, tokenHash) {
      if (!feed.live) return findTokenPrincipal(db, tokenHash);
      const key = tokenHash.toString('hex');
      const hit = entries.get(key);
      if (hit && hit.until > Date.now()) return hit.row;
      const before = generation;
      const row = await findTokenPrincipal(db, tokenHash);
      if (!row || !feed.live || generation !== before) return row;
      const expires = row.expiresAt ? new Date(row.expiresAt).getTime() : Number.POSITIVE_INFINITY;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { row, until: Math.min(Date.now() + MAX_AGE_MS, expires) });
      return row;
    },
  };
}

/** The principal of an API token: from the cache when the feed allows it, else from the database. */
export function findTokenRow(db: Exec, feed: ChangeFeed | undefined, tokenHash: Buffer) {
  if (!feed) return findTokenPrincipal(db, tokenHash);
  let cache = caches.get(feed);
  if (!cache) {
    cache = createTokenCache(feed);
    caches.set(feed, cache);
  }
  return cache.find(db, tokenHash);
}

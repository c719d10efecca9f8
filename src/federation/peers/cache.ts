import type { Exec } from '../../platform/db/database.ts';
import { findPeer, type Peer } from './repo.ts';

// Peers as the inbox and the dispatcher read them on every message: cached per database for at
// most a second. A change made in this process takes effect at once (forgetPeers); one made by
// another process serving the same database, within TTL_MS.

const TTL_MS = 1000;
const caches = new WeakMap<Exec, Map<string, { peer: Peer | undefined; at: number }>>();

export async function cachedPeer(db: Exec, id: string): Promise<Peer | undefined> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(id);
  const now = Date.now();
  if (hit && now - hit.at < TTL_MS) return hit.peer;
  const peer = await findPeer(db, id);
  cache.set(id, { peer, at: now });
  return peer;
}

export function forgetPeers(db: Exec): void {
  caches.delete(db);
}

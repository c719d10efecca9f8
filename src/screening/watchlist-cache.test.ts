import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { type ChangeFeed, startChangeFeed } from '../platform/db/changes.ts';
import { watchlistHitsOf } from './watchlist-cache.ts';

// With the change feed live, the watchlist is held in memory; a change by anyone shows at once.

let t: TestApp;
let feed: ChangeFeed;

beforeAll(async () => {
  t = await createTestApp();
  feed = await startChangeFeed(t.database.url, t.deps.logger);
});
afterAll(async () => {
  await feed?.stop();
  await t?.close();
});

function nextDrop(): Promise<void> {
  let fired = false;
  return new Promise((resolve) =>
    feed.watch(['screening_watchlist'], () => {
      if (fired) return;
      fired = true;
      resolve();
    }),
  );
}

const phone = { kind: 'phone', normalized: '+66812345678' };
const handle = { kind: 'telegram', normalized: 'jobs_sihanouk' };

function counting() {
  const state = { reads: 0 };
  const db = new Proxy(t.deps.db, {
    get(target, prop) {
      if (prop === 'selectFrom' || prop === 'getExecutor') state.reads += 1;
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, state };
}

describe('the watchlist held in memory', () => {
  it('answers from memory, and sees an entry added or removed by hand at once', async () => {
    expect(feed.live).toBe(true);
    const { db, state } = counting();
    expect(await watchlistHitsOf(db, feed, [phone, handle])).toEqual([]);
    const loads = state.reads;
    expect(await watchlistHitsOf(db, feed, [phone, handle, phone])).toEqual([]);
    expect(state.reads).toBe(loads);

    const added = nextDrop();
    await t.deps.db.insertInto('screening_watchlist').values(phone).execute();
    await added;
    expect(await watchlistHitsOf(db, feed, [handle, phone, phone])).toEqual([phone]);

    const removed = nextDrop();
    await t.deps.db.deleteFrom('screening_watchlist').where('normalized', '=', phone.normalized).execute();
    await removed;
    expect(await watchlistHitsOf(db, feed, [phone])).toEqual([]);
  });

  it('asks the database when the feed is not live, with the same answers', async () => {
    await t.deps.db.insertInto('screening_watchlist').values(handle).execute();
    expect(await watchlistHitsOf(t.deps.db, undefined, [phone, handle])).toEqual([handle]);
    const stopped = await startChangeFeed(t.database.url, t.deps.logger);
    await stopped.stop();
    expect(await watchlistHitsOf(t.deps.db, stopped, [handle])).toEqual([handle]);
  });
});

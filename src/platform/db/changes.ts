import pg from 'pg';
import type { Logger } from 'pino';

// Listens for `jaring_changes` notifications (migration 0017: triggers name the table that
// changed) and tells the caches that read those tables. A cache may only serve while the feed is
// live: a notification missed while the connection was down would leave it stale, so on any
// connection loss every cache is dropped and `live` stays false until listening again.

const CHANNEL = 'jaring_changes';
const RETRY_MS = 1_000;

export type ChangeFeed = {
  /** True while notifications are being received: caches must not serve otherwise. */
  readonly live: boolean;
  /** Calls `drop` when one of these tables changes, and whenever the feed goes down. */
  watch(tables: readonly string[], drop: () => void): void;
  stop(): Promise<void>;
};

export async function startChangeFeed(url: string, logger: Logger): Promise<ChangeFeed> {
  const watchers: { tables: ReadonlySet<string>; drop: () => void }[] = [];
  let client: pg.Client | undefined;
  let live = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const dropAll = () => {
    for (const w of watchers) w.drop();
  };
  const down = (err?: Error) => {
    if (!live && client === undefined) return;
    live = false;
    dropAll();
    client?.removeAllListeners();
    void client?.end().catch(() => {});
    client = undefined;
    if (stopped) return;
    logger.warn({ err: err?.message }, 'change feed lost: caches off until it is back');
    retry = setTimeout(() => void connect(), RETRY_MS);
    retry.unref();
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('error', (err) => down(err));
    c.on('end', () => down());
    c.on('notification', (n) => {
      for (const w of watchers) if (n.payload && w.tables.has(n.payload)) w.drop();
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      // Anything cached before this point may predate a change missed while down.
      dropAll();
      live = true;
    } catch (err) {
      down(err as Error);
    }
  }

  await connect();
  return {
    get live() {
      return live;
    },
    watch(tables, drop) {
      watchers.push({ tables: new Set(tables), drop });
    },
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      live = false;
      dropAll();
      const c = client;
      client = undefined;
      c?.removeAllListeners();
      await c?.end().catch(() => {});
    },
  };
}

import type pg from 'pg';
import type { Logger } from 'pino';
import { type Config, loadConfig } from '../platform/config.ts';
import { loadMasterKey } from '../platform/crypto/master-key.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import type { NodeIdentity } from '../platform/http/context.ts';
import { createLogger } from '../platform/logging.ts';
import { openNodeDatabase } from '../platform/node/boot.ts';
import { ensureNodeIdentity } from '../platform/node/identity.ts';
import { onShutdownSignal } from '../platform/node/signals.ts';

export type NodeDbContext = {
  db: Db;
  pool: pg.Pool;
  url: string;
  config: Config;
  master: Buffer;
  logger: Logger;
  node: NodeIdentity;
  /** true when the database is the running `jaring serve`'s embedded server */
  shared: boolean;
};

/**
 * Runs a CLI command against the node's database: DATABASE_URL, else the PostgreSQL of the running
 * `jaring serve` (found through the data folder), else an embedded server started for this command.
 */
export async function withNodeDatabase<T>(fn: (ctx: NodeDbContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // CLI output is for people; logs go to stderr so stdout stays parseable.
  const logger = createLogger(
    { logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel },
    process.stderr,
  );
  const { url, embedded } = await openNodeDatabase(config, 'cli', logger);
  if (embedded?.owned) {
    // Interrupted: stop the PostgreSQL this command started, then leave.
    onShutdownSignal(() => {
      void embedded.stop().finally(() => process.exit(130));
    });
  }
  const database = openDatabase(url, 5);
  try {
    await migrate(database.pool);
    const master = loadMasterKey(config.masterKey, config.dataDir).key;
    const node = await ensureNodeIdentity(database.db, master, config);
    return await fn({
      db: database.db,
      pool: database.pool,
      url,
      config,
      master,
      logger,
      node,
      shared: embedded?.owned === false,
    });
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

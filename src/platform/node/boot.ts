import type { Logger } from 'pino';
import { ensureFirstAdmin, type FirstAdmin } from '../accounts/bootstrap.ts';
import type { Config } from '../config.ts';
import { loadFieldCipher } from '../crypto/fields.ts';
import { loadMasterKey } from '../crypto/master-key.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { type EmbeddedDatabase, openEmbedded } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import type { AppDeps } from '../http/context.ts';
import { ensureNodeIdentity } from './identity.ts';

export type BootedNode = {
  deps: AppDeps;
  database: Database;
  firstAdmin: FirstAdmin | undefined;
  close(): Promise<void>;
};

/** Connects to the node's database (DATABASE_URL or the embedded server), migrates, and loads keys. */
export async function openNodeDatabase(
  config: Config,
  role: 'serve' | 'cli',
  logger: Logger,
): Promise<{ url: string; embedded: EmbeddedDatabase | undefined }> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: undefined };
  const embedded = await openEmbedded(config.dataDir, role, (m) => logger.info(m));
  if (!embedded.owned) logger.debug('using the PostgreSQL of the running `jaring serve`');
  return { url: embedded.url, embedded };
}

export async function bootNode(config: Config, url: string, logger: Logger): Promise<BootedNode> {
  const database = openDatabase(url);
  try {
    const migrationVersion = await migrate(database.pool);
    const master = loadMasterKey(config.masterKey, config.dataDir);
    const cipher = await loadFieldCipher(database.db, master.key);
    const node = await ensureNodeIdentity(database.db, master.key, config);
    const firstAdmin = await ensureFirstAdmin(database.db, config);
    return {
      deps: { config, db: database.db, cipher, node, logger, migrationVersion, databaseUrl: url },
      database,
      firstAdmin,
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

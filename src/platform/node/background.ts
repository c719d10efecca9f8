import { startDispatcher } from '../../federation/dispatcher.ts';
import { startCheckpointer } from '../audit/checkpoint.ts';
import { startSequencer } from '../audit/sequencer.ts';
import { loadFieldCipher } from '../crypto/fields.ts';
import { loadMasterKey } from '../crypto/master-key.ts';
import { startChangeFeed } from '../db/changes.ts';
import type { AppDeps } from '../http/context.ts';
import { startJobs } from '../jobs/runner.ts';

// Background work of a serving node: the change feed its caches follow, the audit sequencer and
// checkpointer, job queues (and in-process workers), the federation outbox dispatcher, and a periodic
// reload of the data keys, so that values re-encrypted by `jaring keys rotate` stay readable without
// a restart.
export type Background = { stop(): Promise<void> };

const KEY_RELOAD_MS = 60_000;

export async function startBackground(deps: AppDeps, url: string): Promise<Background> {
  const stops: Array<() => Promise<void>> = [];
  const changes = await startChangeFeed(url, deps.logger);
  deps.changes = changes;
  stops.push(async () => {
    deps.changes = undefined;
    await changes.stop();
  });
  // Always started: it creates pg-boss's schema, queues and schedules even when workers run elsewhere.
  const jobs = await startJobs({
    url,
    db: deps.db,
    logger: deps.logger,
    work: deps.config.workers === 'inprocess',
    cipher: async () => deps.cipher,
  });
  stops.push(() => jobs.stop());

  const sequencer = startSequencer(deps.db, deps.logger);
  stops.push(() => sequencer.stop());
  const checkpointer = startCheckpointer(deps, deps.config.checkpointSeconds);
  stops.push(() => checkpointer.stop());
  if (deps.config.workers === 'inprocess') {
    const dispatcher = await startDispatcher(deps, url);
    stops.push(() => dispatcher.stop());
  }

  const master = loadMasterKey(deps.config.masterKey, deps.config.dataDir).key;
  const reload = setInterval(() => {
    loadFieldCipher(deps.db, master).then(
      (cipher) => {
        deps.cipher = cipher;
      },
      (err: unknown) => deps.logger.error({ err }, 'reloading the data keys failed'),
    );
  }, KEY_RELOAD_MS);
  reload.unref();
  stops.push(async () => clearInterval(reload));

  return {
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

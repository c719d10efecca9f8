import type { Logger } from 'pino';
import type { Db, Exec } from '../db/database.ts';
import { CompactRange, type NodeHash } from './compact-range.ts';
import { leafBytes } from './leaf.ts';
import { completeSubtrees, hashLeaf } from './merkle.ts';
import {
  assignLeaves,
  insertNodes,
  lastQueuedId,
  lockIntegrator,
  nodeKey,
  readNodes,
  readTreeState,
  takeQueued,
  writeTreeState,
} from './repo.ts';

// The sequencer turns queued entries into leaves (Trillian's model): writers only insert queue rows,
// so they never wait on the tree; one integrator at a time (an advisory lock) extends it.

export class TreeCorruptError extends Error {}

/** The right edge of the stored tree, checked against the stored root before anything is added to it. */
async function loadFrontier(tx: Exec): Promise<CompactRange> {
  const state = await readTreeState(tx);
  const ids = completeSubtrees(0, state.size);
  const stored = await readNodes(tx, ids);
  const hashes = ids.map((id) => stored.get(nodeKey(id.level, id.index)));
  const frontier = hashes.filter((h): h is Buffer => h !== undefined);
  if (frontier.length !== ids.length)
    throw new TreeCorruptError(`stored tree nodes of size ${state.size} are missing`);
  const range = new CompactRange(state.size, frontier);
  if (!range.root().equals(state.root)) {
    throw new TreeCorruptError(`the stored tree nodes do not give the stored root at size ${state.size}`);
  }
  return range;
}

/** Integrates one batch in one transaction; returns how many entries it integrated. */
async function integrateBatch(db: Db, batchSize: number, upToId: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockIntegrator(tx);
    const queued = await takeQueued(tx, batchSize, upToId);
    if (queued.length === 0) return 0;
    const tree = await loadFrontier(tx);
    const leaves: { id: string; seq: number; leaf: Buffer }[] = [];
    const nodes: NodeHash[] = [];
    for (const e of queued) {
      const seq = tree.size;
      const leaf = leafBytes({
        index: seq,
        at: e.at,
        actorId: e.actor_id,
        actor: e.actor,
        action: e.action,
        recordType: e.record_type,
        recordId: e.record_id,
        digest: e.digest,
      });
      leaves.push({ id: e.id, seq, leaf });
      tree.append(hashLeaf(leaf), (n) => nodes.push(n));
    }
    await assignLeaves(tx, leaves);
    await insertNodes(tx, nodes);
    await writeTreeState(tx, tree.size, tree.root());
    return queued.length;
  });
}

export type IntegrateOptions = { batchSize?: number };

/**
 * Integrates every entry queued when called (later ones wait for the next call), in batches of
 * `batchSize` per transaction. Returns how many were integrated.
 */
export async function integratePending(db: Db, { batchSize = 2000 }: IntegrateOptions = {}): Promise<number> {
  const upTo = await lastQueuedId(db);
  if (upTo === undefined) return 0;
  let total = 0;
  for (;;) {
    const n = await integrateBatch(db, batchSize, upTo);
    total += n;
    if (n < batchSize) return total;
  }
}

export type Sequencer = {
  /** Integrate now rather than at the next tick. */
  wake(): void;
  stop(): Promise<void>;
};

/** The server's integration loop: every `intervalMs`, or at once when woken. */
export function startSequencer(
  db: Db,
  log: Pick<Logger, 'error' | 'debug'>,
  { intervalMs = 500, batchSize = 2000 }: { intervalMs?: number; batchSize?: number } = {},
): Sequencer {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref();
    });

  const loop = async () => {
    while (!stopped) {
      let pause = intervalMs;
      try {
        const n = await integratePending(db, { batchSize });
        if (n > 0) log.debug({ integrated: n }, 'audit entries integrated');
      } catch (err) {
        log.error({ err }, 'audit sequencer failed; retrying');
        pause = Math.max(intervalMs, 5000);
      }
      if (!stopped) await sleep(pause);
    }
  };
  const running = loop();

  return {
    wake: () => {
      clearTimeout(timer);
      wakeUp?.();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      wakeUp?.();
      await running;
    },
  };
}

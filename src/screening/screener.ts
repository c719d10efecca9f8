import type { Db } from '../platform/db/database.ts';
import { loadScreeningModel } from './default-model.ts';
import type { Model } from './model/model.ts';
import { serializeModel } from './model/model-file.ts';
import { loadActiveModel } from './models.ts';
import { screenPost } from './pipeline.ts';
import { createPostPool } from './post-pool.ts';
import { activeModelId } from './repo.ts';
import type { ScreenInput, ScreenResult } from './types.ts';

/** Screens one post; a node's screener holds its active model. */
export type Screener = { screen(input: ScreenInput): Promise<ScreenResult> };

/** On the calling thread. */
export function screenerFor(model: Model): Screener {
  return { screen: async (input) => screenPost(model, input) };
}

// The node's screener: its active trained model, else the bundled one, in `threads` worker threads
// (JARING_SCREEN_THREADS; 0: on the event loop). Another process may activate a model, so the
// active id is re-read at most every RECHECK_MS; a replaced pool is closed once its posts are done.
const RECHECK_MS = 10_000;
const RETIRE_MS = 30_000;
type Current = { id: string | null; threads: number; screener: Screener; close(): Promise<void> };
let current: (Current & { checkedAt: number }) | undefined;
const retiring = new Set<Current>();

function build(id: string | null, model: Model | undefined, threads: number): Current {
  if (threads === 0) {
    return { id, threads, screener: screenerFor(model ?? loadScreeningModel()), close: async () => {} };
  }
  // The threads load the model; this one does not hold it.
  const pool = createPostPool(threads, model ? serializeModel(model) : undefined);
  return { id, threads, screener: { screen: (input) => pool.screen(input) }, close: pool.close };
}

function retire(old: Current | undefined): void {
  if (!old) return;
  retiring.add(old);
  setTimeout(() => {
    retiring.delete(old);
    void old.close();
  }, RETIRE_MS).unref();
}

/** Stops every screening thread of this process (the node stops serving). */
export async function closeScreeners(): Promise<void> {
  const all = [...retiring, ...(current ? [current] : [])];
  retiring.clear();
  current = undefined;
  await Promise.all(all.map((c) => c.close()));
}

export async function nodeScreener(db: Db, threads = 0): Promise<Screener> {
  const now = Date.now();
  if (current && current.threads === threads && now - current.checkedAt < RECHECK_MS) return current.screener;
  const active = await activeModelId(db);
  const id = active?.id ?? null;
  if (current && current.id === id && current.threads === threads) {
    current.checkedAt = now;
    return current.screener;
  }
  const model = id ? (await loadActiveModel(db))?.model : undefined;
  retire(current);
  current = { ...build(id, model, threads), checkedAt: now };
  return current.screener;
}

/** After this process activates a model: use it at once. */
export function forgetScreener(): void {
  retire(current);
  current = undefined;
}

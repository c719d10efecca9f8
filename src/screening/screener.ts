import type { Db } from '../platform/db/database.ts';
import { loadScreeningModel } from './default-model.ts';
import type { Model } from './model/model.ts';
import { loadActiveModel } from './models.ts';
import { screenPost } from './pipeline.ts';
import { activeModelId } from './repo.ts';
import type { ScreenInput, ScreenResult } from './types.ts';

/** Screens one post; a node's screener holds its active model. */
export type Screener = { name: string; screen(input: ScreenInput): ScreenResult };

export function screenerFor(model: Model): Screener {
  return { name: model.name, screen: (input) => screenPost(model, input) };
}

// The node's screener: its active trained model, else the bundled one. Another process may
// activate a model, so the active id is re-read at most every RECHECK_MS.
const RECHECK_MS = 10_000;
let current: { id: string | null; screener: Screener; checkedAt: number } | undefined;

export async function nodeScreener(db: Db): Promise<Screener> {
  const now = Date.now();
  if (current && now - current.checkedAt < RECHECK_MS) return current.screener;
  const active = await activeModelId(db);
  const id = active?.id ?? null;
  if (current && current.id === id) {
    current.checkedAt = now;
    return current.screener;
  }
  const model = id ? (await loadActiveModel(db))?.model : undefined;
  current = { id, screener: screenerFor(model ?? loadScreeningModel()), checkedAt: now };
  return current.screener;
}

/** After this process activates a model: use it at once. */
export function forgetScreener(): void {
  current = undefined;
}

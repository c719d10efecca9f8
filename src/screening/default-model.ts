import { existsSync } from 'node:fs';
import { InputError } from '../platform/input-error.ts';
import { repoPath } from '../platform/paths.ts';
import type { Model } from './model/model.ts';
import { loadModel } from './model/model-file.ts';

// The model a node screens with until it trains its own: data/models/default.json, trained on the
// shared SMS scam sets (see src/screening/model/README.md), or JARING_SCREENING_MODEL.
export const DEFAULT_MODEL_PATH = repoPath('data', 'models', 'default.json');

let cached: { path: string; model: Model } | undefined;

export function modelPath(explicit?: string): string {
  return explicit ?? process.env.JARING_SCREENING_MODEL ?? DEFAULT_MODEL_PATH;
}

export function loadScreeningModel(explicit?: string): Model {
  const path = modelPath(explicit);
  if (cached?.path === path) return cached.model;
  if (!existsSync(path)) {
    throw new InputError(
      `The screening model ${path} does not exist. Train one with \`jaring model train\`.`,
    );
  }
  cached = { path, model: loadModel(path) };
  return cached.model;
}

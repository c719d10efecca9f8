import { appendAudit } from '../platform/audit/append.ts';
import type { Db, Exec } from '../platform/db/database.ts';
import type { Model } from './model/model.ts';
import { parseModel, serializeModel } from './model/model-file.ts';
import { activeModel, insertActiveModel } from './repo.ts';

// A node's own screening models, stored in the database; the active one screens, else the bundled one.

/**
 * `metrics` is what the model card shows: a trained model's out-of-fold figures by default; an
 * adapted one gives its own on the reviews (`reviewMetrics` in retrain.ts), never its base's.
 */
export async function activateModel(
  db: Db,
  model: Model,
  examples: number,
  createdBy: { id: string; label: string } | null,
  metrics: object = model.metrics.outOfFold,
) {
  return db.transaction().execute(async (tx) => {
    const row = await insertActiveModel(tx, {
      name: model.name,
      model: JSON.parse(serializeModel(model)),
      metrics,
      examples,
      createdBy: createdBy?.id ?? null,
    });
    await appendAudit(tx, {
      actor: createdBy ?? { id: null, label: 'system' },
      action: 'screening_model.activate',
      recordType: 'screening_model',
      recordId: row.id,
      change: { name: model.name, examples, trainedOn: model.trainedOn },
    });
    return row;
  });
}

export async function loadActiveModel(db: Exec): Promise<{ id: string; model: Model } | undefined> {
  const row = await activeModel(db);
  if (!row) return undefined;
  return { id: row.id, model: parseModel(JSON.stringify(row.model), `stored model ${row.id}`) };
}

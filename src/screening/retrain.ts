import type { Db } from '../platform/db/database.ts';
import { HttpError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/http/policy.ts';
import { adaptModel } from './adapt.ts';
import { loadScreeningModel } from './default-model.ts';
import { activateModel, loadActiveModel } from './models.ts';
import { reviewedExamples } from './repo.ts';
import { forgetScreener } from './screener.ts';
import { toExample } from './training.ts';

// Retraining from reviews: the node's current model (its active one, else the bundled one) adapted
// to every confirmed (1) and dismissed (0) alert so far, then made active.
export async function retrainFromReviews(db: Db, actor: Pick<Principal, 'userId' | 'username'> | null) {
  const rows = await reviewedExamples(db);
  if (rows.length === 0) {
    throw new HttpError(
      400,
      'no_reviews',
      'No alert has been confirmed or dismissed yet, so there is nothing to learn from.',
    );
  }
  const examples = rows.map((r) => toExample(r.post_text, r.status === 'confirmed' ? 1 : 0, r.lang));
  const base = (await loadActiveModel(db))?.model ?? loadScreeningModel();
  const name = `${base.name.replace(/\+reviews-.*$/, '')}+reviews-${new Date().toISOString().slice(0, 19)}`;
  const model = adaptModel(base, examples, name);
  const row = await activateModel(
    db,
    model,
    examples.length,
    actor ? { id: actor.userId, label: actor.username } : null,
  );
  forgetScreener();
  return { row, model, examples: examples.length };
}

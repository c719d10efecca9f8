import { type Actor, type AuditEvent, appendAuditBatch, SYSTEM_ACTOR } from '../platform/audit/append.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Db } from '../platform/db/database.ts';
import { HttpError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/http/policy.ts';
import { adaptModel, REVIEW_FOLDS } from './adapt.ts';
import { loadScreeningModel } from './default-model.ts';
import type { Example, Model } from './model/model.ts';
import { activateModel, loadActiveModel } from './models.ts';
import { reviewedExamples } from './repo.ts';
import { forgetScreener } from './screener.ts';
import { openAlertText } from './sealed.ts';
import { toExample } from './training.ts';

// Retraining from reviews: the node's current model (its active one, else the bundled one) adapted
// to every confirmed (1) and dismissed (0) alert so far, of every agency (the model is the node's),
// then made active. An alert whose sealed post does not open is left out, named and audited: a model
// never learns from garbage. It needs MIN_REVIEWS_PER_LABEL of each label (why: README.md).

/** Confirmed and dismissed alerts (each) a retrain needs. */
export const MIN_REVIEWS_PER_LABEL = 10;

export type ReviewCounts = { confirmed: number; dismissed: number };

export function countReviews(examples: readonly Example[]): ReviewCounts {
  const confirmed = examples.filter((e) => e.label === 1).length;
  return { confirmed, dismissed: examples.length - confirmed };
}

/** Why these reviews are too few to retrain from, in English (the API's message, the CLI's error); else null. */
export function tooFewReviews(examples: readonly Example[], tampered: readonly string[]): string | null {
  const { confirmed, dismissed } = countReviews(examples);
  if (confirmed >= MIN_REVIEWS_PER_LABEL && dismissed >= MIN_REVIEWS_PER_LABEL) return null;
  const left =
    tampered.length > 0 ? ` (${tampered.length} left out as tampered: ${tampered.join(', ')})` : '';
  return (
    `Retraining needs at least ${MIN_REVIEWS_PER_LABEL} confirmed and ${MIN_REVIEWS_PER_LABEL} dismissed ` +
    `alerts; there are ${confirmed} confirmed and ${dismissed} dismissed${left}.`
  );
}

/** What the model card shows for an adapted model: its own out-of-fold figures on the reviews. */
export function reviewMetrics(model: Model) {
  return { evaluatedOn: 'reviews', folds: REVIEW_FOLDS, ...model.metrics };
}

export type ReviewExamples = { examples: Example[]; tampered: string[] };

export async function reviewExamples(
  db: Db,
  cipher: FieldCipher,
  actor: Actor | null,
): Promise<ReviewExamples> {
  const examples: Example[] = [];
  const tampered: string[] = [];
  for (const r of await reviewedExamples(db)) {
    const { text } = openAlertText(cipher, r);
    if (text === null) tampered.push(r.id);
    else examples.push(toExample(text, r.status === 'confirmed' ? 1 : 0, r.lang));
  }
  if (tampered.length > 0) {
    const events = tampered.map(
      (id): AuditEvent => ({
        actor: actor ?? SYSTEM_ACTOR,
        action: 'alert.tamper_detected',
        recordType: 'screening_alert',
        recordId: id,
        change: { tampered: ['text'] },
      }),
    );
    await db.transaction().execute((tx) => appendAuditBatch(tx, events));
  }
  return { examples, tampered };
}

export async function retrainFromReviews(
  db: Db,
  cipher: FieldCipher,
  principal: Pick<Principal, 'userId' | 'username'> | null,
) {
  const actor = principal ? { id: principal.userId, label: principal.username } : null;
  const { examples, tampered } = await reviewExamples(db, cipher, actor);
  const refusal = tooFewReviews(examples, tampered);
  if (refusal) throw new HttpError(400, 'too_few_reviews', refusal);
  const base = (await loadActiveModel(db))?.model ?? loadScreeningModel();
  const name = `${base.name.replace(/\+reviews-.*$/, '')}+reviews-${new Date().toISOString().slice(0, 19)}`;
  const model = adaptModel(base, examples, name);
  const row = await activateModel(db, model, examples.length, actor, reviewMetrics(model));
  forgetScreener();
  return { row, model, examples: examples.length, tampered };
}

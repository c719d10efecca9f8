import { type Actor, type AuditEvent, appendAuditBatch, SYSTEM_ACTOR } from '../platform/audit/append.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Db } from '../platform/db/database.ts';
import { HttpError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/http/policy.ts';
import { adaptModel } from './adapt.ts';
import { loadScreeningModel } from './default-model.ts';
import type { Example } from './model/model.ts';
import { activateModel, loadActiveModel } from './models.ts';
import { reviewedExamples } from './repo.ts';
import { forgetScreener } from './screener.ts';
import { openAlertText } from './sealed.ts';
import { toExample } from './training.ts';

// Retraining from reviews: the node's current model (its active one, else the bundled one) adapted
// to every confirmed (1) and dismissed (0) alert so far, of every agency (the model is the node's),
// then made active. An alert whose sealed post does not open is left out, named and audited: a model
// never learns from garbage.

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
  if (examples.length === 0) {
    throw new HttpError(
      400,
      'no_reviews',
      tampered.length > 0
        ? `Every reviewed alert's stored post was tampered with (${tampered.join(', ')}), so there is nothing to learn from.`
        : 'No alert has been confirmed or dismissed yet, so there is nothing to learn from.',
    );
  }
  const base = (await loadActiveModel(db))?.model ?? loadScreeningModel();
  const name = `${base.name.replace(/\+reviews-.*$/, '')}+reviews-${new Date().toISOString().slice(0, 19)}`;
  const model = adaptModel(base, examples, name);
  const row = await activateModel(db, model, examples.length, actor);
  forgetScreener();
  return { row, model, examples: examples.length, tampered };
}

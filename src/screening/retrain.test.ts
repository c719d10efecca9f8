import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { loadScreeningModel } from './default-model.ts';
import { activateModel } from './models.ts';
import { MIN_REVIEWS_PER_LABEL } from './retrain.ts';

// Retraining over HTTP. Found by a QA pass: one click after 2 reviews swapped the node's model,
// whose card then showed its base's held-out figures (3,766 examples) as its own.

const POST =
  'Việc nhẹ lương cao tại Campuchia 1500$/tháng, bao vé máy bay, không cần kinh nghiệm, liên hệ Telegram @tuyendung';

let t: TestApp;
let analyst: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.loginAs(['analyst']);
});
afterAll(async () => t?.close());

async function review(count: number, decision: 'confirmed' | 'dismissed'): Promise<void> {
  for (let i = 0; i < count; i++) {
    const screened = await analyst.request('POST', '/api/screen', { text: `${POST} (${decision} ${i})` });
    const { alertId } = await screened.json();
    const res = await analyst.request('POST', `/api/alerts/${alertId}/review`, {
      decision,
      reason: 'checked',
    });
    expect(res.status).toBe(200);
  }
}

const models = async () => (await analyst.request('GET', '/api/screening/models')).json();

describe('POST /api/screening/models/retrain', () => {
  it('refuses below the minimum of each label, saying how many there are, and keeps the model', async () => {
    await review(MIN_REVIEWS_PER_LABEL, 'confirmed');
    await review(MIN_REVIEWS_PER_LABEL - 1, 'dismissed');
    const res = await analyst.request('POST', '/api/screening/models/retrain');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('too_few_reviews');
    expect(error.message).toContain(`there are ${MIN_REVIEWS_PER_LABEL} confirmed and 9 dismissed`);
    const listed = await models();
    expect(listed.active).toBeNull();
    expect(listed.reviewed).toEqual({
      confirmed: MIN_REVIEWS_PER_LABEL,
      dismissed: MIN_REVIEWS_PER_LABEL - 1,
      minimumPerLabel: MIN_REVIEWS_PER_LABEL,
    });
  });

  it('at the minimum, activates a model whose card shows its own evaluation on the reviews', async () => {
    await review(1, 'dismissed');
    const res = await analyst.request('POST', '/api/screening/models/retrain');
    expect(res.status).toBe(201);
    const { model } = await res.json();
    const reviews = 2 * MIN_REVIEWS_PER_LABEL;
    expect(model.examples).toBe(reviews);
    expect(model.metrics).toMatchObject({
      evaluatedOn: 'reviews',
      folds: 5,
      outOfFold: { n: reviews, positives: MIN_REVIEWS_PER_LABEL },
    });
    const { active } = await models();
    expect(active).toMatchObject({ id: model.id, examples: reviews, metrics: model.metrics });
  });

  it('shows a model adapted before with no figures, not the base figures it stored', async () => {
    const base = loadScreeningModel();
    const old = { ...base, name: `${base.name}+reviews-2026-11-01T10:00:00` };
    await activateModel(t.deps.db, old, 2, null, base.metrics.outOfFold);
    const { active } = await models();
    expect(active).toMatchObject({ name: old.name, examples: 2, metrics: null });
  });
});

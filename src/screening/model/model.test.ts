import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../platform/paths.ts';
import { evaluate } from './evaluate.ts';
import { DEFAULT_FEATURE_CONFIG } from './feature-config.ts';
import { classifierFor } from './model.ts';
import { loadModel, parseModel, saveModel, serializeModel } from './model-file.ts';
import { classify, predict } from './predict.ts';
import { syntheticExamples } from './test-data.ts';
import { trainModel } from './train.ts';

const examples = syntheticExamples();
const createdAt = new Date('2026-01-01T00:00:00Z');
const model = trainModel(examples, { name: 'synthetic', createdAt, trainedOn: ['synthetic'] });
const dir = mkdtempSync(join(tmpdir(), 'jaring-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trainModel', () => {
  it('separates a small separable set perfectly', () => {
    const m = evaluate(model, examples);
    expect(m).toMatchObject({ n: 600, positives: 300, precision: 1, recall: 1, f1: 1, rocAuc: 1 });
    for (const e of examples) expect(classify(model, e).flagged).toBe(e.label === 1);
  });

  it('gives calibrated probabilities on the right side of 0.5 and per-language sub-models', () => {
    expect(Object.keys(model.languages).sort()).toEqual(['id', 'vi']);
    const scam = predict(model, { text: 'gaji tinggi kerja ringan hubungi whatsapp', lang: 'id' });
    const ham = predict(model, { text: 'rapat besok di kantor, makan siang', lang: 'id' });
    expect(scam).toBeGreaterThan(0.5);
    expect(ham).toBeLessThan(0.5);
    // unknown language: the all-language classifier answers
    expect(classify(model, { text: 'gaji tinggi kerja ringan', lang: 'ms' }).classifier).toBe('all');
    expect(classifierFor(model, 'ms')).toBe(model);
  });

  it('is deterministic: the same seed gives the same weights', () => {
    const again = trainModel(examples, { name: 'synthetic', createdAt, trainedOn: ['synthetic'] });
    expect(serializeModel(again)).toBe(serializeModel(model));
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(true);
  });

  it('refuses labels other than 0 and 1, and an empty set', () => {
    expect(() => trainModel([{ text: 'x', label: 2 }])).toThrow(/label must be 0 or 1/);
    expect(() => trainModel([])).toThrow(/no examples/);
  });

  it('trains without sub-models when asked, and on one language without any', () => {
    const joint = trainModel(examples, { perLanguage: false, calibrationFolds: 3 });
    expect(joint.languages).toEqual({});
    const vi = trainModel(
      examples.filter((e) => e.lang === 'vi'),
      { calibrationFolds: 3 },
    );
    expect(vi.languages).toEqual({});
  });
});

describe('model file', () => {
  it('round-trips: a loaded model predicts exactly as the saved one', () => {
    const path = join(dir, 'model.json');
    saveModel(model, path);
    const loaded = loadModel(path);
    expect(loaded.featureConfig).toEqual(model.featureConfig);
    expect(loaded.threshold).toBe(model.threshold);
    const probes = [
      ...examples,
      { text: 'Lương cao, việc nhẹ! Liên hệ Zalo 0912345678', lang: 'vi' },
      { text: '' },
    ];
    for (const p of probes) expect(predict(loaded, p)).toBe(predict(model, p));
    expect(serializeModel(loaded)).toBe(serializeModel(model));
  });

  it('refuses another format version with a message that says so', () => {
    const file = JSON.parse(serializeModel(model));
    file.version = 2;
    expect(() => parseModel(JSON.stringify(file), 'm.json')).toThrow(
      /m\.json has model format version 2; this Jaring reads version 1/,
    );
  });

  it('refuses other formats, broken JSON and damaged weights', () => {
    const file = JSON.parse(serializeModel(model));
    expect(() => parseModel(JSON.stringify({ ...file, format: 'other' }))).toThrow(
      /not a Jaring linear model/,
    );
    expect(() => parseModel('{')).toThrow(/not JSON/);
    expect(() => parseModel(JSON.stringify({ ...file, threshold: 2 }))).toThrow(/invalid at threshold/);
    const damaged = { ...file, weights: { ...file.weights, values: file.weights.values.slice(0, 8) } };
    expect(() => parseModel(JSON.stringify(damaged))).toThrow(/weights/);
    const otherBits = { ...file, featureConfig: { ...file.featureConfig, featurizer: 2 } };
    expect(() => parseModel(JSON.stringify(otherBits))).toThrow(/featureConfig\.featurizer/);
  });

  it('stores the settings it was trained with', () => {
    const path = join(dir, 'settings.json');
    writeFileSync(path, serializeModel(model));
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file).toMatchObject({
      format: 'jaring-linear',
      version: 1,
      name: 'synthetic',
      createdAt: '2026-01-01T00:00:00.000Z',
      trainedOn: ['synthetic'],
      featureConfig: DEFAULT_FEATURE_CONFIG,
      training: { l2: 3e-5, nb: 1, classWeight: 'balanced', seed: 1 },
    });
    expect(file.calibration.a).toBeGreaterThan(0);
  });

  const shipped = repoPath('data', 'models', 'default.json');
  it.skipIf(!existsSync(shipped))('reads the model shipped in data/models', () => {
    const m = loadModel(shipped);
    const p = predict(m, {
      text: 'Tài khoản của quý khách đã bị khóa, đăng nhập https://vcb-xacthuc.top',
      lang: 'vi',
    });
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });
});

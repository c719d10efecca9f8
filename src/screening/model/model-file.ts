import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../platform/input-error.ts';
import { featureConfigSchema } from './feature-config.ts';
import type { BinaryMetrics } from './metrics.ts';
import { type LinearClassifier, MODEL_FORMAT, MODEL_VERSION, type Model } from './model.ts';

// The model file: JSON with the weights as base64 of little-endian typed arrays (only the
// non-zero buckets: ascending Uint32 indices, Float32 values). Float32 round-trips exactly, so a
// loaded model predicts exactly as the saved one.

const number = z.number().nullable(); // NaN (an undefined AUC) is written as null
const metricsSchema = z.object({
  n: z.number().int(),
  positives: z.number().int(),
  precision: number,
  recall: number,
  f1: number,
  rocAuc: number,
  prAuc: number,
  threshold: number,
});

// Weights are stored dense (all 2^bits as Float32) or sparse (ascending Uint32 indices of the
// non-zero ones, and their Float32 values), whichever is smaller; both little-endian, base64.
const weightsSchema = z.discriminatedUnion('encoding', [
  z.object({ encoding: z.literal('dense-f32le-base64'), values: z.string() }),
  z.object({
    encoding: z.literal('sparse-f32le-base64'),
    count: z.number().int().min(0),
    indices: z.string(),
    values: z.string(),
  }),
]);

const classifierSchema = z.object({
  bias: z.number(),
  weights: weightsSchema,
  calibration: z.object({ a: z.number(), b: z.number() }),
  threshold: z.number().min(0).max(1),
  metrics: z.object({ outOfFold: metricsSchema, byLang: z.record(z.string(), metricsSchema) }),
});

const fileSchema = classifierSchema.extend({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  name: z.string().min(1),
  createdAt: z.string(),
  featureConfig: featureConfigSchema,
  training: z.object({
    l2: z.number().positive(),
    nb: z.number().min(0),
    minDf: z.number().int().min(1),
    classWeight: z.enum(['balanced', 'equal-langs', 'none']),
    calibrationFolds: z.number().int().min(0),
    groups: z.enum(['template', 'none']),
    seed: z.number().int(),
  }),
  trainedOn: z.array(z.string()),
  /** per-language sub-models, used for posts in that language */
  languages: z.record(z.string(), classifierSchema),
});

type FileClassifier = z.infer<typeof classifierSchema>;
type FileMetrics = z.infer<typeof metricsSchema>;

function encodeWeights(weights: Float32Array): FileClassifier['weights'] {
  let count = 0;
  for (const w of weights) if (w !== 0) count++;
  if (2 * count >= weights.length) {
    const values = Buffer.alloc(4 * weights.length);
    weights.forEach((w, i) => {
      values.writeFloatLE(w, 4 * i);
    });
    return { encoding: 'dense-f32le-base64', values: values.toString('base64') };
  }
  const indices = Buffer.alloc(4 * count);
  const values = Buffer.alloc(4 * count);
  let k = 0;
  weights.forEach((w, i) => {
    if (w === 0) return;
    indices.writeUInt32LE(i, 4 * k);
    values.writeFloatLE(w, 4 * k);
    k++;
  });
  return {
    encoding: 'sparse-f32le-base64',
    count,
    indices: indices.toString('base64'),
    values: values.toString('base64'),
  };
}

function decodeWeights(w: FileClassifier['weights'], bits: number): Float32Array {
  const weights = new Float32Array(2 ** bits);
  const values = Buffer.from(w.values, 'base64');
  if (w.encoding === 'dense-f32le-base64') {
    if (values.length !== 4 * weights.length) {
      throw new Error(
        `model file: ${values.length / 4} dense weights, expected 2^${bits} = ${weights.length}`,
      );
    }
    for (let i = 0; i < weights.length; i++) weights[i] = values.readFloatLE(4 * i);
    return weights;
  }
  const indices = Buffer.from(w.indices, 'base64');
  if (indices.length !== 4 * w.count || values.length !== 4 * w.count) {
    throw new Error(
      `model file: weights hold ${indices.length / 4} indices and ${values.length / 4} values, expected ${w.count}`,
    );
  }
  let previous = -1;
  for (let k = 0; k < w.count; k++) {
    const i = indices.readUInt32LE(4 * k);
    if (i <= previous || i >= weights.length)
      throw new Error(`model file: weight index ${i} out of order or range`);
    weights[i] = values.readFloatLE(4 * k);
    previous = i;
  }
  return weights;
}

const toFile = (m: BinaryMetrics): FileMetrics => ({
  ...m,
  precision: Number.isFinite(m.precision) ? m.precision : null,
  recall: Number.isFinite(m.recall) ? m.recall : null,
  f1: Number.isFinite(m.f1) ? m.f1 : null,
  rocAuc: Number.isFinite(m.rocAuc) ? m.rocAuc : null,
  prAuc: Number.isFinite(m.prAuc) ? m.prAuc : null,
  threshold: Number.isFinite(m.threshold) ? m.threshold : null,
});

const fromFile = (m: FileMetrics): BinaryMetrics => ({
  ...m,
  precision: m.precision ?? Number.NaN,
  recall: m.recall ?? Number.NaN,
  f1: m.f1 ?? Number.NaN,
  rocAuc: m.rocAuc ?? Number.NaN,
  prAuc: m.prAuc ?? Number.NaN,
  threshold: m.threshold ?? Number.NaN,
});

const mapValues = <A, B>(r: Record<string, A>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v)]));

function classifierToFile(c: LinearClassifier): FileClassifier {
  return {
    bias: c.bias,
    weights: encodeWeights(c.weights),
    calibration: c.calibration,
    threshold: c.threshold,
    metrics: { outOfFold: toFile(c.metrics.outOfFold), byLang: mapValues(c.metrics.byLang, toFile) },
  };
}

function classifierFromFile(c: FileClassifier, bits: number): LinearClassifier {
  return {
    bias: c.bias,
    weights: decodeWeights(c.weights, bits),
    calibration: c.calibration,
    threshold: c.threshold,
    metrics: { outOfFold: fromFile(c.metrics.outOfFold), byLang: mapValues(c.metrics.byLang, fromFile) },
  };
}

export function serializeModel(model: Model): string {
  const file: z.infer<typeof fileSchema> = {
    format: model.format,
    version: model.version,
    name: model.name,
    createdAt: model.createdAt,
    featureConfig: model.featureConfig,
    training: model.training,
    trainedOn: model.trainedOn,
    ...classifierToFile(model),
    languages: mapValues(model.languages, classifierToFile),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** Parses a model file's text; refuses other formats and versions with a message that says so. */
export function parseModel(text: string, source = 'model file'): Model {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(raw);
  if (!head.success || head.data.format !== MODEL_FORMAT) {
    throw new InputError(`${source} is not a Jaring linear model (format must be "${MODEL_FORMAT}")`);
  }
  if (head.data.version !== MODEL_VERSION) {
    throw new InputError(
      `${source} has model format version ${String(head.data.version)}; this Jaring reads version ${MODEL_VERSION}. ` +
        'Retrain the model with this version (jaring model train) or use a matching Jaring release.',
    );
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${source} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown error'}`,
    );
  }
  const file = parsed.data;
  const bits = file.featureConfig.bits;
  return {
    format: file.format,
    version: file.version,
    name: file.name,
    createdAt: file.createdAt,
    featureConfig: file.featureConfig,
    training: file.training,
    trainedOn: file.trainedOn,
    ...classifierFromFile(file, bits),
    languages: mapValues(file.languages, (c) => classifierFromFile(c, bits)),
  };
}

export function saveModel(model: Model, path: string): void {
  writeFileSync(path, serializeModel(model));
}

export function loadModel(path: string): Model {
  return parseModel(readFileSync(path, 'utf8'), path);
}

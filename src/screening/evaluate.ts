import { loadScreeningModel } from './default-model.ts';
import { readExamplesFile } from './model/datasets.ts';
import { type BinaryMetrics, binaryMetrics } from './model/metrics.ts';
import { screenPost } from './pipeline.ts';
import { ALERT_THRESHOLD } from './score.ts';

/** Scores the whole screening configuration (indicators + model → risk) on labelled files. */
export async function evaluateScreening(
  files: readonly string[],
  modelFile?: string,
): Promise<BinaryMetrics> {
  const model = loadScreeningModel(modelFile);
  const examples = files.flatMap((f) => readExamplesFile(f));
  const risks = examples.map(
    (e) => screenPost(model, { text: e.text, ...(e.lang ? { lang: e.lang } : {}) }).risk,
  );
  return binaryMetrics(
    risks,
    examples.map((e) => e.label),
    ALERT_THRESHOLD,
  );
}

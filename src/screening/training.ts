import { readExamplesFile } from './model/datasets.ts';
import type { Example } from './model/model.ts';
import { analyzePost } from './pipeline.ts';

// Labelled examples as the model sees them: each text goes through the screening pipeline, so
// training uses the same features (normalised text, tokens, indicator and identifier features)
// that screening predicts with.
export function toExample(text: string, label: number, lang?: string): Example {
  const { features } = analyzePost({ text, ...(lang ? { lang } : {}) });
  return { ...features, label, ...(features.lang ? { lang: features.lang } : {}) };
}

export function readLabelledFiles(files: readonly string[]): Example[] {
  return files.flatMap((file) => readExamplesFile(file).map((e) => toExample(e.text, e.label, e.lang)));
}

// The trainable linear text classifier of the screening pipeline (README.md in this folder).
export { stripDiacritics } from './chars.ts';
export { datasetsAvailable, datasetsDir, loadSmsDataset, readExamplesFile, SMS_LANGS } from './datasets.ts';
export { type CrossValidation, crossValidate, evaluate, type MetricSummary } from './evaluate.ts';
export { DEFAULT_FEATURE_CONFIG, type FeatureConfig, featureConfigSchema } from './feature-config.ts';
export { type FeatureInput, featurize, linearScore } from './features.ts';
export type { BinaryMetrics } from './metrics.ts';
export {
  classifierFor,
  type Example,
  type LinearClassifier,
  MODEL_FORMAT,
  MODEL_VERSION,
  type Model,
  type PredictInput,
} from './model.ts';
export { loadModel, parseModel, saveModel, serializeModel } from './model-file.ts';
export { classify, type Prediction, predict } from './predict.ts';
export type { SparseVector } from './sparse.ts';
export { DEFAULT_TRAINING, type TrainOptions, trainModel } from './train.ts';

// Prints the classifier's cross-validation figures on the shared SMS sets as JSON:
//   npx tsx src/screening/model/cv-report.ts [--seeds 1,2,3] [--stratified] [--lang-specific] [--save-model <path>]
// Per-language models (what the default model uses for th, id, vi) and the one joint model, each
// with nested 5-fold CV (folds keep copies of one message template together; --stratified adds
// plain stratified folds) repeated for every seed (default 1,2): mean ± sd over all folds of all
// seeds, and each seed's mean F1. Also training time on all rows and prediction speed on
// 500-byte posts.
import { cpus } from 'node:os';
import { loadSmsDataset, SMS_LANGS } from './datasets.ts';
import { crossValidate, type FoldMetrics, type MetricSummary, summariseFolds } from './evaluate.ts';
import { DEFAULT_FEATURE_CONFIG } from './feature-config.ts';
import type { Example, Model } from './model.ts';
import { saveModel } from './model-file.ts';
import { predict } from './predict.ts';
import { DEFAULT_TRAINING, type TrainOptions, trainModel } from './train.ts';

type Figure = Record<keyof MetricSummary, string> & { f1PerSeed: string };
type Figures = Record<string, Figure>;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const savePath = option('--save-model');
const SEEDS = (option('--seeds') ?? '1,2').split(',').map((s) => {
  const seed = Number(s);
  if (!Number.isInteger(seed)) throw new Error(`--seeds: "${s}" is not a whole number`);
  return seed;
});
const K = 5;

const pm = (m: { mean: number; sd: number }) => `${m.mean.toFixed(4)} ± ${m.sd.toFixed(4)}`;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// Pooled over the folds of every seed; f1PerSeed lists each seed's mean F1.
function figure(foldsBySeed: readonly FoldMetrics[][]): Figure {
  const s = summariseFolds(foldsBySeed.flat());
  return {
    f1: pm(s.f1),
    precision: pm(s.precision),
    recall: pm(s.recall),
    rocAuc: pm(s.rocAuc),
    prAuc: pm(s.prAuc),
    threshold: pm(s.threshold),
    f1AtBestThreshold: pm(s.f1AtBestThreshold),
    f1PerSeed: foldsBySeed.map((folds) => mean(folds.map((f) => f.f1)).toFixed(4)).join(' '),
  };
}

function timed<T>(run: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = run();
  return { value, seconds: Number(((performance.now() - start) / 1000).toFixed(1)) };
}

const byLang = Object.fromEntries(SMS_LANGS.map((lang) => [lang, loadSmsDataset(lang)]));
const all: Example[] = SMS_LANGS.flatMap((lang) => byLang[lang] ?? []);
const foldsOf = (folds: { byLang: Record<string, FoldMetrics> }[], lang: string) =>
  folds.flatMap((f) => (f.byLang[lang] ? [f.byLang[lang]] : []));

function perLanguage(options: TrainOptions): { figures: Figures; seconds: number } {
  const { value, seconds } = timed(() =>
    SMS_LANGS.map((lang): [string, Figure] => [
      lang,
      figure(
        SEEDS.map((seed) => foldsOf(crossValidate(byLang[lang] ?? [], K, { ...options, seed }).folds, lang)),
      ),
    ]),
  );
  return { figures: Object.fromEntries(value), seconds };
}

function joint(options: TrainOptions): { figures: Figures; overall: Figure; seconds: number } {
  const { value: runs, seconds } = timed(() =>
    SEEDS.map((seed) => crossValidate(all, K, { ...options, seed, perLanguage: false })),
  );
  const figures = Object.fromEntries(
    SMS_LANGS.map((lang) => [lang, figure(runs.map((cv) => foldsOf(cv.folds, lang)))]),
  );
  return { figures, overall: figure(runs.map((cv) => cv.folds.map((f) => f.overall))), seconds };
}

// 500-byte posts: consecutive messages of one language joined until they fill 500 UTF-8 bytes.
function posts(examples: readonly Example[], count: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const e of examples) {
    current = current ? `${current} ${e.text}` : e.text;
    if (Buffer.byteLength(current) < 500) continue;
    let post = current;
    while (Buffer.byteLength(post) > 500) post = post.slice(0, -1);
    out.push(post);
    current = '';
    if (out.length === count) break;
  }
  return out;
}

// CPU time (not wall time, which other processes inflate) per featurize + predict, best of 5 rounds.
function speed(model: Model): Record<string, string> {
  const result: Record<string, string> = {};
  for (const lang of SMS_LANGS) {
    const sample = posts(byLang[lang] ?? [], 200);
    let sink = 0;
    for (let r = 0; r < 20; r++) for (const text of sample) sink += predict(model, { text, lang });
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      const start = process.cpuUsage();
      for (let r = 0; r < 20; r++) for (const text of sample) sink += predict(model, { text, lang });
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / (20 * sample.length));
    }
    const chars = sample.reduce((a, p) => a + p.length, 0) / Math.max(1, sample.length);
    result[lang] =
      `${best.toFixed(1)} µs per 500-byte post (${Math.round(chars)} characters)${sink < 0 ? '!' : ''}`;
  }
  return result;
}

const trained = timed(() =>
  trainModel(all, { name: 'jaring-sms-v1', trainedOn: SMS_LANGS.map((l) => `sms-${l}`) }),
);
if (savePath) saveModel(trained.value, savePath);

const report = {
  machine: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node.js ${process.versions.node}`,
  protocol:
    `nested ${K}-fold CV (calibration and threshold fitted inside each training part), seeds ` +
    `${SEEDS.join(', ')}: mean ± sd over all folds of all seeds; f1AtBestThreshold = F1 at the ` +
    'threshold best on the test fold itself (the ceiling of any threshold rule)',
  featureConfig: DEFAULT_FEATURE_CONFIG,
  training: DEFAULT_TRAINING,
  grouped: {
    note: 'folds keep copies of one message template (same letters once URLs, digits, diacritics are dropped) together',
    perLanguageModels: perLanguage({}),
    jointModel: joint({}),
    ...(flag('--lang-specific')
      ? {
          jointModelLangSpecific: joint({ featureConfig: { ...DEFAULT_FEATURE_CONFIG, langSpecific: true } }),
        }
      : {}),
  },
  ...(flag('--stratified')
    ? {
        stratified: {
          note: 'plain stratified folds (language × label); template copies may sit on both sides',
          perLanguageModels: perLanguage({ groups: 'none' }),
          jointModel: joint({ groups: 'none' }),
        },
      }
    : {}),
  defaultModel: {
    trainingSeconds: trained.seconds,
    rows: all.length,
    subModels: Object.keys(trained.value.languages),
    savedTo: savePath ?? null,
  },
  predictSpeed: speed(trained.value),
};
console.log(JSON.stringify(report, null, 2));

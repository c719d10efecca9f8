import { Command, InvalidArgumentError } from 'commander';
import { loadFieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { InputError } from '../../platform/input-error.ts';
import { adaptModel } from '../../screening/adapt.ts';
import { loadScreeningModel } from '../../screening/default-model.ts';
import { crossValidate, evaluate } from '../../screening/model/evaluate.ts';
import type { Example } from '../../screening/model/model.ts';
import { saveModel } from '../../screening/model/model-file.ts';
import { trainModel } from '../../screening/model/train.ts';
import { activateModel, loadActiveModel } from '../../screening/models.ts';
import { reviewExamples as openReviews, retrainFromReviews, tooFewReviews } from '../../screening/retrain.ts';
import { readLabelledFiles } from '../../screening/training.ts';
import { withNodeDatabase } from '../node-db.ts';

const collect = (v: string, prev: string[] = []) => [...prev, v];

function folds(value: string): number {
  const k = Number.parseInt(value, 10);
  if (!Number.isInteger(k) || k < 2 || k > 20)
    throw new InvalidArgumentError('must be a whole number from 2 to 20');
  return k;
}

function warnTampered(tampered: readonly string[]): void {
  if (tampered.length === 0) return;
  process.stderr.write(
    `left out ${tampered.length} reviewed alert(s) whose stored post was tampered with: ${tampered.join(', ')}\n`,
  );
}

/** The reviewed alerts (their posts are sealed: opened with the node's keys); tampered ones are named. */
async function reviewExamples(db: Db, master: Buffer): Promise<Example[]> {
  const { examples, tampered } = await openReviews(db, await loadFieldCipher(db, master), null);
  warnTampered(tampered);
  return examples;
}

/**
 * The CV summary as one JSON object in the same shape as eval: the mean over folds. `threshold`
 * is the mean of the thresholds that decided the held-out rows (each row's fold model's threshold
 * for its language); cv.byLang gives each language's mean ± sd over folds.
 */
function cvSummary(examples: Example[], k: number) {
  const cv = crossValidate(examples, k);
  const byLang = Object.fromEntries(
    Object.entries(cv.byLang).map(([lang, m]) => [
      lang,
      { f1: m.f1, precision: m.precision, recall: m.recall, threshold: m.threshold },
    ]),
  );
  const decided = cv.heldOut.threshold;
  return {
    n: examples.length,
    positives: examples.filter((e) => e.label === 1).length,
    precision: cv.overall.precision.mean,
    recall: cv.overall.recall.mean,
    f1: cv.overall.f1.mean,
    rocAuc: cv.overall.rocAuc.mean,
    prAuc: cv.overall.prAuc.mean,
    threshold: decided.reduce((a, t) => a + t, 0) / decided.length,
    cv: { k, f1Sd: cv.overall.f1.sd, byLang },
  };
}

/**
 * --from-reviews alone: adapt the node's current model to its reviewed alerts (see screening/adapt.ts),
 * refused below retrain.ts's minimum of each label as the API refuses it; prints its own out-of-fold
 * figures on the reviews.
 */
async function adaptToReviews(opts: { out?: string; activate?: boolean }): Promise<void> {
  const outcome = await withNodeDatabase(async ({ db, master }) => {
    if (opts.activate) {
      const retrained = await retrainFromReviews(db, await loadFieldCipher(db, master), null).catch(
        (err: unknown) => {
          throw err instanceof HttpError && err.code === 'too_few_reviews'
            ? new InputError(err.message)
            : err;
        },
      );
      warnTampered(retrained.tampered);
      return retrained;
    }
    const examples = await reviewExamples(db, master);
    const refusal = tooFewReviews(examples, []);
    if (refusal) throw new InputError(refusal);
    const base = (await loadActiveModel(db))?.model ?? loadScreeningModel();
    return { model: adaptModel(base, examples, `${base.name}+reviews`), examples: examples.length };
  });
  if (opts.out) saveModel(outcome.model, opts.out);
  process.stdout.write(
    `${JSON.stringify({ name: outcome.model.name, adaptedFrom: 'reviews', examples: outcome.examples, outOfFold: outcome.model.metrics.outOfFold, out: opts.out ?? null, activated: Boolean(opts.activate) })}\n`,
  );
}

export function modelCommand(): Command {
  const model = new Command('model').description('Train and evaluate the screening classifier');

  model
    .command('train')
    .description(
      'Train a model on labelled JSON Lines ({"text", "label": 0|1, "lang"?}) and/or the reviewed alerts',
    )
    .option('--data <file>', 'labelled JSON Lines (repeatable)', collect, [])
    .option('--from-reviews', "add this node's confirmed (1) and dismissed (0) alerts")
    .option('--out <file>', 'write the model file here')
    .option('--name <name>', 'model name')
    .option('--activate', "make it this node's screening model (stored in the database)")
    .option('--cv <k>', 'also report k-fold cross-validation', folds)
    .action(
      async (opts: {
        data: string[];
        fromReviews?: boolean;
        out?: string;
        name?: string;
        activate?: boolean;
        cv?: number;
      }) => {
        if (!opts.out && !opts.activate) throw new InvalidArgumentError('give --out FILE and/or --activate');
        if (opts.data.length === 0) {
          if (!opts.fromReviews) throw new InvalidArgumentError('give --data FILE and/or --from-reviews');
          await adaptToReviews(opts);
          return;
        }
        const examples = [
          ...readLabelledFiles(opts.data),
          ...(opts.fromReviews ? await withNodeDatabase(({ db, master }) => reviewExamples(db, master)) : []),
        ];
        const positives = examples.filter((e) => e.label === 1).length;
        if (positives < 2 || examples.length - positives < 2) {
          throw new InvalidArgumentError(
            `need at least 2 examples of each label (have ${positives} positive, ${examples.length - positives} negative)`,
          );
        }
        if (opts.cv)
          process.stderr.write(`${JSON.stringify({ crossValidation: cvSummary(examples, opts.cv) })}\n`);
        const trained = trainModel(examples, {
          name: opts.name ?? `jaring-${new Date().toISOString().slice(0, 10)}`,
          trainedOn: [...opts.data, ...(opts.fromReviews ? ['reviews'] : [])],
        });
        if (opts.out) saveModel(trained, opts.out);
        if (opts.activate) {
          await withNodeDatabase(({ db }) => activateModel(db, trained, examples.length, null));
        }
        process.stdout.write(
          `${JSON.stringify({ name: trained.name, examples: examples.length, positives, outOfFold: trained.metrics.outOfFold, out: opts.out ?? null, activated: Boolean(opts.activate) })}\n`,
        );
      },
    );

  model
    .command('eval')
    .description('Evaluate a model on labelled JSON Lines; prints one JSON object')
    .option('--model <file>', 'the model (default: the bundled one)')
    .requiredOption('--data <file>', 'labelled JSON Lines (repeatable)', collect, [])
    .option('--cv <k>', 'instead, cross-validate a fresh model on the data', folds)
    .action((opts: { model?: string; data: string[]; cv?: number }) => {
      const examples = readLabelledFiles(opts.data);
      const result = opts.cv
        ? cvSummary(examples, opts.cv)
        : evaluate(loadScreeningModel(opts.model), examples);
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
  return model;
}

// Prints the rows the nested, template-grouped 5-fold CV gets wrong, to read before choosing what
// to try next: npx tsx src/screening/model/cv-errors.ts [th|id|vi ...] [--seed N]
// One line per error: FN/FP, held-out probability, the fold model's threshold, the text.
import { loadSmsDataset, SMS_LANGS } from './datasets.ts';
import { crossValidate } from './evaluate.ts';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got ${args[seedAt + 1]})`);
const asked = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--seed');
const langs = SMS_LANGS.filter((lang) => asked.length === 0 || asked.includes(lang));
if (langs.length === 0) throw new Error(`languages must be among ${SMS_LANGS.join(', ')}`);

for (const lang of langs) {
  const examples = loadSmsDataset(lang);
  const { heldOut } = crossValidate(examples, 5, { seed });
  const errors = examples.flatMap((e, i) => {
    const p = heldOut.probability[i] ?? 0;
    const t = heldOut.threshold[i] ?? 0;
    if (p >= t === (e.label === 1)) return [];
    const text = e.text.replace(/\s+/g, ' ').slice(0, 200);
    return [`${e.label === 1 ? 'FN' : 'FP'} p=${p.toFixed(3)} t=${t.toFixed(3)} | ${text}`];
  });
  console.log(`# ${lang}: ${errors.length} of ${examples.length} rows misclassified (seed ${seed})`);
  console.log(errors.sort().join('\n'));
}

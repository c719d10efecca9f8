import { describe, expect, it } from 'vitest';
import { datasetsAvailable, datasetsDir, loadSmsDataset, SMS_LANGS } from './datasets.ts';
import { crossValidate } from './evaluate.ts';

// Floors on the nested, template-grouped 5-fold CV F1 (fraud class) of the per-language models
// with default settings and seed 1: measured means (0.9505 / 0.9380 / 0.8647) − 0.02. They sit
// below the targets (0.97 / 0.97 / 0.88) because the measured means do: README, "Targets".
const FLOORS: Record<(typeof SMS_LANGS)[number], number> = { th: 0.93, id: 0.918, vi: 0.844 };

const available = datasetsAvailable();
if (!available) console.warn(`cv.test.ts skipped: the shared datasets are not at ${datasetsDir()}`);

describe.skipIf(!available)('cross-validation on the shared SMS scam sets', () => {
  for (const lang of SMS_LANGS) {
    it(`${lang}: mean F1 ≥ ${FLOORS[lang]}`, { timeout: 120_000 }, () => {
      const cv = crossValidate(loadSmsDataset(lang), 5);
      const f1 = cv.byLang[lang]?.f1.mean ?? 0;
      expect(cv.folds).toHaveLength(5);
      expect(f1).toBeGreaterThanOrEqual(FLOORS[lang]);
      expect(cv.byLang[lang]?.rocAuc.mean ?? 0).toBeGreaterThan(0.95);
    });
  }
});

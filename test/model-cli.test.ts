import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticExamples } from '../src/screening/model/test-data.ts';
import { runCli } from './helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'jaring-model-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jaring model eval --cv', () => {
  it('prints the threshold the fold models decided with, not null', { timeout: 60_000 }, async () => {
    const file = join(dir, 'id.jsonl');
    // One language, every 7th label flipped so that the folds' thresholds are not trivial.
    const rows = syntheticExamples(60)
      .filter((e) => e.lang === 'id')
      .map((e, i) => ({ text: e.text, label: i % 7 === 2 ? 1 - e.label : e.label, lang: 'id' }));
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const { code, output } = await runCli(['model', 'eval', '--cv', '3', '--data', file], {});
    expect(code, output).toBe(0);
    const line = output.split('\n').find((l) => l.startsWith('{'));
    const result = JSON.parse(line ?? '{}');
    expect(result.threshold).toEqual(expect.any(Number));
    expect(result.threshold).toBeGreaterThan(0);
    expect(result.threshold).toBeLessThan(1);
    // one language: the row-weighted mean is the mean of the folds' thresholds up to fold sizes
    expect(result.cv.byLang.id.threshold.mean).toBeCloseTo(result.threshold, 2);
  });

  it("prints it for data in several languages too, and each language's in cv.byLang", {
    timeout: 60_000,
  }, async () => {
    const file = join(dir, 'id-vi.jsonl');
    const rows = syntheticExamples(60).map((e, i) => ({ ...e, label: i % 7 === 2 ? 1 - e.label : e.label }));
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const { code, output } = await runCli(['model', 'eval', '--cv', '3', '--data', file], {});
    expect(code, output).toBe(0);
    const result = JSON.parse(output.split('\n').find((l) => l.startsWith('{')) ?? '{}');
    expect(result.threshold).toBeGreaterThan(0);
    expect(result.threshold).toBeLessThan(1);
    for (const lang of ['id', 'vi']) expect(result.cv.byLang[lang].threshold.mean).toBeGreaterThan(0);
  });
});

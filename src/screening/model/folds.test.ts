import { describe, expect, it } from 'vitest';
import { splitFold, stratifiedFolds, stratifiedGroupFolds, templateKey } from './folds.ts';
import { sampleWeights } from './weighting.ts';

const strata = [...Array(30).fill('vi:0'), ...Array(10).fill('vi:1'), ...Array(20).fill('th:1')];

function countBy(fold: Int32Array, k: number, stratum: string): number[] {
  const counts = new Array<number>(k).fill(0);
  strata.forEach((s, i) => {
    if (s === stratum) counts[fold[i] ?? 0] = (counts[fold[i] ?? 0] ?? 0) + 1;
  });
  return counts;
}

describe('folds', () => {
  it('deals every stratum evenly over the folds, the same way for the same seed', () => {
    const fold = stratifiedFolds(strata, 5, 1);
    expect(countBy(fold, 5, 'vi:0')).toEqual([6, 6, 6, 6, 6]);
    expect(countBy(fold, 5, 'vi:1')).toEqual([2, 2, 2, 2, 2]);
    expect(countBy(fold, 5, 'th:1')).toEqual([4, 4, 4, 4, 4]);
    expect(stratifiedFolds(strata, 5, 1)).toEqual(fold);
    expect(stratifiedFolds(strata, 5, 2)).not.toEqual(fold);
    const { train, test } = splitFold(fold, 0);
    expect(train.length + test.length).toBe(60);
    expect(test.every((r) => fold[r] === 0)).toBe(true);
    expect(() => stratifiedFolds(strata, 1, 1)).toThrow(/k ≥ 2/);
  });

  it('keeps each group in one fold and still balances the strata', () => {
    const groups = strata.map((_, i) => `g${Math.floor(i / 3)}`);
    const fold = stratifiedGroupFolds(strata, groups, 5, 1);
    for (let i = 0; i < groups.length; i++) {
      for (let j = 0; j < groups.length; j++) if (groups[i] === groups[j]) expect(fold[i]).toBe(fold[j]);
    }
    for (const s of ['vi:0', 'vi:1', 'th:1']) {
      const counts = countBy(fold, 5, s);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(3);
    }
  });

  it('gives copies of one template the same key', () => {
    const a = templateKey(
      'Tài khoản của bạn bị khóa. Đăng nhập https://vcb-login.top/x để xác thực 0912345678',
    );
    const b = templateKey('Tai khoan cua ban bi khoa. Dang nhap http://acb-vn.net de xac thuc 0987654321');
    expect(a).toBe(b);
    expect(a).toBe('taikhoancuabanbikhoadangnhapdexacthuc');
    expect(templateKey('ฟรีเครดิต 200฿ คลิก')).toBe('ฟรีเครดิตคลิก');
  });
});

describe('sampleWeights', () => {
  const labels = [1, 0, 0, 0, 1, 0];
  const langs = ['id', 'id', 'id', 'id', 'vi', 'vi'];
  const rows = [0, 1, 2, 3, 4, 5];

  it("balances the classes within each language ('balanced')", () => {
    const w = sampleWeights(labels, langs, rows, 'balanced');
    // id: 1 positive, 3 negatives → 2 and 2/3 before scaling; vi: 1 and 1
    const scale = 6 / (2 + 3 * (2 / 3) + 1 + 1);
    expect(Array.from(w)).toEqual([2, 2 / 3, 2 / 3, 2 / 3, 1, 1].map((x) => x * scale));
  });

  it("weighs every language × class group equally ('equal-langs') and all rows 1 ('none')", () => {
    const w = sampleWeights(labels, langs, rows, 'equal-langs');
    expect(w[0]).toBeCloseTo((w[1] ?? 0) * 3, 12);
    expect(w[4]).toBeCloseTo(w[0] ?? 0, 12);
    expect(Array.from(sampleWeights(labels, langs, [0, 1], 'none'))).toEqual([1, 1, 0, 0, 0, 0]);
  });
});

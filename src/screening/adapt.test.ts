import { describe, expect, it } from 'vitest';
import { adaptModel, evaluateAdaptation, heldOutScores, probabilityOf } from './adapt.ts';
import { loadScreeningModel } from './default-model.ts';
import type { Example } from './model/model.ts';

// Found by a QA pass: a model adapted to 2 reviews showed "Training examples 2" beside its base's
// "Held-out metrics: 3,766 examples", figures measured on other data, copied over by `...base`.

const base = loadScreeningModel();
const scams = [
  'Việc nhẹ lương cao tại Campuchia 1500$/tháng, bao vé máy bay, liên hệ Telegram @tuyendung',
  'Tuyển CTV đánh máy tại Campuchia, việc nhẹ lương cao, bao ăn ở, không cần kinh nghiệm',
  'Cần gấp 20 bạn nữ sang Myanmar làm chăm sóc khách hàng, lương 2000$, lo hộ chiếu',
  'Việc làm online tại Thái Lan, thu nhập 30 triệu/tháng, chỉ cần biết dùng điện thoại',
  'Tuyển nhân viên casino Campuchia, bao vé máy bay, lương cao, nhắn Zalo ngay',
  'Làm việc tại Dubai không cần bằng cấp, lương 3000$, công ty lo visa và vé',
];
const ordinary = [
  'Tuyển nhân viên bán hàng tại Hà Nội, lương 8 triệu, yêu cầu tốt nghiệp THPT',
  'Cửa hàng cần tuyển thu ngân ca sáng, làm việc tại quận 3, lương theo thỏa thuận',
  'Công ty kế toán tuyển nhân viên có bằng cử nhân, 2 năm kinh nghiệm, lương 15 triệu',
  'Nhà hàng tuyển phục vụ bán thời gian, 25.000đ/giờ, gần trường đại học',
  'Trường mầm non tuyển giáo viên có chứng chỉ sư phạm, hợp đồng dài hạn',
  'Tuyển kỹ sư phần mềm, yêu cầu 3 năm kinh nghiệm React, làm việc tại Đà Nẵng',
];
const reviews: Example[] = [
  ...scams.map((text) => ({ text, label: 1, lang: 'vi' })),
  ...ordinary.map((text) => ({ text, label: 0, lang: 'vi' })),
];

describe('adaptModel', () => {
  it('gives the adapted model its own out-of-fold metrics on the reviews, not its base’s', () => {
    const model = adaptModel(base, reviews, 'test+reviews');
    expect(base.metrics.outOfFold.n).toBeGreaterThan(1000);
    expect(model.metrics.outOfFold.n).toBe(reviews.length);
    expect(model.metrics.outOfFold.positives).toBe(scams.length);
    expect(model.metrics).toEqual(evaluateAdaptation(base, reviews));
    expect(Object.keys(model.metrics.byLang)).toEqual(['vi']);
    // The Vietnamese sub-model the reviews moved carries its figures; one they did not, its own.
    expect(model.languages.vi?.metrics.outOfFold.n).toBe(reviews.length);
    expect(base.languages.th).toBeDefined();
    expect(model.languages.th?.metrics).toEqual(base.languages.th?.metrics);
  });

  it('scores each review with a model adapted without it (out of fold)', () => {
    const held = heldOutScores(base, reviews);
    const full = adaptModel(base, reviews, 'test+reviews');
    expect(held.probability).toHaveLength(reviews.length);
    // A review the model learnt from scores further toward its label than when it was held out.
    const pull = reviews.map((e, i) => {
      const gain = probabilityOf(full, e) - (held.probability[i] ?? 0);
      return e.label === 1 ? gain : -gain;
    });
    expect(pull.filter((g) => g > 0).length).toBeGreaterThan(reviews.length / 2);
  });
});

import { describe, expect, it } from 'vitest';
import { normalize } from '../text/index.ts';
import { ORDINARY_ADS, SCAM_POSTS, VICTIM_PLEAS } from './fixtures.ts';
import { indicatorEvidence, lexiconPhrases, matchIndicators, naiveMatchIndicators } from './index.ts';
import { plainNormalize, withoutDiacritics } from './test-support.ts';

const match = (text: string) => matchIndicators(plainNormalize(text));
const ids = (text: string) =>
  match(text)
    .map((m) => m.id)
    .sort();
const firstSpanText = (text: string, id: string) => {
  const found = match(text).find((m) => m.id === id);
  const span = found?.spans[0];
  return span ? text.slice(span[0], span[1]) : undefined;
};

describe('matchIndicators on recruitment posts of the kind police warnings quote', () => {
  it.each(SCAM_POSTS.map((p) => [p.lang, p] as const))(
    '%s: finds the red flags, with spans on the original text',
    (_, post) => {
      const results = match(post.text);
      for (const [id, expected] of Object.entries(post.expect)) {
        const found = results.find((m) => m.id === id);
        expect(found, id).toBeDefined();
        const span = found?.spans[0];
        expect(span && post.text.slice(span[0], span[1]), id).toBe(expected);
      }
      expect(indicatorEvidence(results)).toBeGreaterThanOrEqual(0.6);
    },
  );

  it.each(VICTIM_PLEAS.map((p) => [p.lang, p] as const))(
    '%s: finds a kept passport and violence in a plea for help (the real normaliser: Lao ໜ is read as ຫນ)',
    (_, post) => {
      const results = matchIndicators(normalize(post.text));
      for (const [id, expected] of Object.entries(post.expect)) {
        const span = results.find((m) => m.id === id)?.spans[0];
        expect(span && post.text.slice(span[0], span[1]), id).toBe(expected);
      }
      expect(indicatorEvidence(results)).toBeGreaterThanOrEqual(0.6);
    },
  );

  it.each([
    ['en', 'Please contact customer service if you have any questions about your order'],
    ['id', 'Hubungi customer service kami di 1500-888 untuk informasi lebih lanjut'],
    ['zh', '您的订单已发货，如有疑问请联系客服'],
    ['th', 'หากมีข้อสงสัย ติดต่อฝ่ายบริการลูกค้า โทร 1111'],
  ])('%s: reads "contact customer service" as no customer-service job: %s', (_lang, text) => {
    expect(matchIndicators(normalize(text)).map((m) => m.id)).not.toContain('customer_service_abroad');
  });

  it('still reads a customer-service job offer as one', () => {
    expect(ids('Hiring customer service staff, work in Cambodia')).toContain('customer_service_abroad');
    expect(matchIndicators(normalize('招聘客服，柬埔寨，月入过万')).map((m) => m.id)).toContain(
      'customer_service_abroad',
    );
  });

  it('reads a sports result as no violence: "Laos beat us 3-0" names no work', () => {
    expect(ids('Laos beat us 3-0 in the final in Vientiane')).toEqual([]);
  });

  it('finds the simplified-Chinese phrases in a post written in traditional characters', () => {
    // the real normaliser folds traditional characters (text/han.ts); the stand-in does not
    const found = (text: string) => matchIndicators(normalize(text));
    const simplified = found('招聘客服，轻松月入过万，包吃包住');
    const traditional = '招聘客服，輕鬆月入過萬，包吃包住';
    const matches = found(traditional);
    expect(matches.map((m) => m.id)).toEqual(simplified.map((m) => m.id));
    const span = matches.find((m) => m.id === 'light_work_high_pay')?.spans[0];
    expect(span && traditional.slice(span[0], span[1])).toBe('輕鬆月入過萬');
  });

  it('finds the same indicators in Vietnamese typed without diacritics', () => {
    for (const post of SCAM_POSTS.filter((p) => p.lang === 'vi')) {
      const plain = withoutDiacritics(post.text);
      expect(plain).not.toBe(post.text);
      expect(ids(plain)).toEqual(ids(post.text));
    }
    expect(firstSpanText('Tuyen gap, viec nhe luong cao, bao ve may bay', 'light_work_high_pay')).toBe(
      'viec nhe luong cao',
    );
  });

  it('reports one entry per indicator with every span, its reason key and English reason', () => {
    const text = 'Telegram only. Việc nhẹ lương cao! Contact Telegram @abc, or telegram @def';
    const results = match(text);
    expect(results.filter((m) => m.id === 'contact_telegram_only')).toHaveLength(1);
    const telegram = results.find((m) => m.id === 'contact_telegram_only');
    expect(telegram?.spans.map(([s, e]) => text.slice(s, e))).toEqual([
      'Telegram only',
      'Contact Telegram',
      'telegram',
    ]);
    expect(telegram?.reasonKey).toBe('screening.indicators.contact_telegram_only');
    expect(telegram?.reason).toMatch(/Telegram/);
    expect(telegram?.category).toBe('chat_app_contact');
  });

  it('reads a mixed-language post in one pass', () => {
    const text = 'Job in Cambodia 🇰🇭 lương cao, งานสบาย รายได้ดี, 包吃包住, tiket pesawat gratis. DM me';
    expect(ids(text)).toEqual(
      [
        'contact_inbox_only',
        'easy_work',
        'free_flight_accommodation',
        'free_food_lodging',
        'high_pay_promise',
        'hotspot_cambodia',
        'light_work_high_pay',
      ].sort(),
    );
  });

  it('ignores spacing, punctuation and emoji between the words of a phrase', () => {
    expect(firstSpanText('VIỆC   NHẸ 💰 LƯƠNG\nCAO', 'light_work_high_pay')).toBe('VIỆC   NHẸ 💰 LƯƠNG\nCAO');
    expect(firstSpanText('งานสบายรายได้ดี', 'light_work_high_pay')).toBe('งานสบายรายได้ดี');
    expect(firstSpanText('งานสบาย   รายได้ดี', 'light_work_high_pay')).toBe('งานสบาย   รายได้ดี');
    expect(firstSpanText('工作轻松，待遇高', 'light_work_high_pay')).toBe('工作轻松，待遇高');
  });

  it('matches Latin phrases on word boundaries only', () => {
    expect(ids('telegrammar and cambodians')).toEqual([]);
    expect(ids('Lao động phổ thông, hotline 0909')).toEqual([]);
    expect(ids('JOBS IN CAMBODIA!')).toEqual(['hotspot_cambodia']);
  });

  it('reads "PM" as a request for a private message, not in a time of day', () => {
    for (const time of ['Monday to Saturday, 8:00 AM – 5:00 PM', 'Buka 9am-5pm', 'until 5 PM', 'at 4.30 PM'])
      expect(ids(time)).not.toContain('contact_inbox_only');
    expect(ids('Gaji lumayan, PM untuk info')).toContain('contact_inbox_only');
    expect(ids('Kerja 8 pagi - 5:00 pm. PM lang po')).toContain('contact_inbox_only');
  });

  it('reports a phrase inside a longer one of the same category once, as the longer one', () => {
    const results = match('việc nhẹ lương cao');
    expect(results.map((m) => m.id)).toEqual(['light_work_high_pay']);
    const both = match('việc nhẹ lương cao, thu nhập cao');
    expect(both.find((m) => m.id === 'high_pay_promise')?.spans).toHaveLength(1);
  });

  it("does not count a phrase inside one of its indicator's exceptions", () => {
    expect(ids('Sản phẩm chất lượng cao, giao hàng nhanh')).toEqual([]);
    expect(ids('San pham chat luong cao')).toEqual([]);
    expect(ids('Lương cao, sản phẩm chất lượng cao')).toEqual(['high_pay_promise']);
    expect(firstSpanText('Lương cao, sản phẩm chất lượng cao', 'high_pay_promise')).toBe('Lương cao');
  });

  it('runs the few regexes: US-dollar salaries and under-18 ages', () => {
    expect(firstSpanText('Salary 1,500 USD per month', 'salary_in_usd')).toBe('1,500 USD');
    expect(firstSpanText('lương 1000$ một tháng', 'salary_in_usd')).toBe('1000$');
    expect(firstSpanText('Tuyển nữ 16-22 tuổi', 'age_under_18_wanted')).toBe('16-22 tuổi');
    expect(firstSpanText('usia 17 - 25 tahun', 'age_under_18_wanted')).toBe('usia 17');
    expect(ids('age 18-35, 15-20 years of experience')).toEqual([]);
    expect(firstSpanText('รับสมัครน้องอายุ 16 ปีขึ้นไป', 'age_under_18_wanted')).toBe('อายุ 16');
    // a one-time code "valid for 15 minutes" (รหัสมีอายุ 15 นาที) is no age, nor is 150
    expect(ids('OTP ของคุณคือ 558856 รหัสมีอายุ 15 นาที')).toEqual([]);
    expect(ids('สินค้ามีอายุ 150 วัน')).toEqual([]);
  });

  it('reads a Chinese monthly income stated in 万 as a high-pay claim, and a plain salary not', () => {
    expect(firstSpanText('外派劳务包吃包住,月入5万。', 'high_pay_promise')).toBe('月入5万');
    expect(firstSpanText('有高薪工作招聘,月入可達1-2萬', 'high_pay_promise')).toBe('高薪');
    // traditional characters are folded by the real normaliser (plainNormalize leaves them)
    expect(matchIndicators(normalize('月入可達1-2萬')).map((m) => m.id)).toEqual(['high_pay_promise']);
    expect(firstSpanText('出国工作一个月10万以上', 'high_pay_promise')).toBe('一个月10万');
    expect(ids('月薪8000元,包住')).not.toContain('high_pay_promise');
  });

  it('takes easy work and high pay written apart as two red flags, and easy work alone as one weak one', () => {
    const apart = match('工作轻松，活动自由。薪资：高薪');
    expect(apart.map((m) => m.id).sort()).toEqual(['easy_work', 'high_pay_promise']);
    expect(indicatorEvidence(apart)).toBeGreaterThanOrEqual(0.3);
    const alone = match('Công việc nhẹ nhàng, môi trường thân thiện');
    expect(alone.map((m) => m.id)).toEqual(['easy_work']);
    expect(indicatorEvidence(alone)).toBeLessThan(0.2);
    expect(ids('promises of "easy jobs and high salaries"')).toContain('light_work_high_pay');
    // an ordinary ad's relaxed workplace is not the lure
    expect(ids('Gaji tinggi, lingkungan kerja santai dan nyaman')).toEqual(['high_pay_promise']);
    expect(ids('บรรยากาศการทำงานสบายๆ เป็นกันเอง')).toEqual([]);
  });

  it('finds free fare, a passport kept and a pick-up as posts write them, in Filipino, Thai, English and Indonesian', () => {
    expect(firstSpanText('Hiring CSR sa Dubai, libre pamasahe at tirahan', 'free_flight_accommodation')).toBe(
      'libre pamasahe',
    );
    expect(firstSpanText('gaji 12 juta, paspor akan disimpan perusahaan', 'passport_kept')).toBe(
      'paspor akan disimpan perusahaan',
    );
    expect(firstSpanText('Kerja di Myanmar, dijemput di Mae Sot', 'transit_pickup_arranged')).toBe(
      'dijemput di Mae Sot',
    );
    expect(firstSpanText('งานต่างประเทศ ที่พักฟรี บินฟรี ทักไลน์', 'free_flight_accommodation')).toBe('บินฟรี');
    expect(
      firstSpanText('Translator in Cambodia, $1500, Ticket provided. DM', 'free_flight_accommodation'),
    ).toBe('Ticket provided');
    expect(firstSpanText('Gaji 12-20jt. Tiket & visa dari kantor.', 'free_flight_accommodation')).toBe(
      'Tiket & visa dari kantor',
    );
    // keeping one's own passport safe is advice, not retention
    expect(ids('Simpan paspor Anda di tempat yang aman')).not.toContain('passport_kept');
  });

  it('finds pay for trivial online tasks (task scams), and not a call to like and follow', () => {
    for (const text of [
      'Tuyển CTV online, like video TikTok nhận hoa hồng 200k-500k/ngày',
      'Part-time job: like YouTube videos and earn $50-$200 per day',
      'งานพาร์ทไทม์ กดไลค์ กดแชร์ รายได้วันละ 500-3,000 บาท',
      'Kerja paruh waktu, cukup like dan follow akun, gaji Rp 500.000 per hari',
      '兼职刷单，日结工资，在家就能做',
    ]) {
      expect(ids(text)).toContain('paid_online_tasks');
    }
    for (const text of [
      'Jangan lupa like dan follow akun kami ya!',
      'อย่าลืมกดไลค์ กดแชร์ กดติดตาม ช่องของเรา',
      '记得关注点赞哦',
      '警方提醒：刷单就是诈骗，切勿相信',
    ]) {
      expect(ids(text)).not.toContain('paid_online_tasks');
    }
  });

  it('finds a departure without a signed contract, an admitted illegal job and a salary in "dolar"', () => {
    expect(firstSpanText('先出国再签约,包机票', 'contract_after_departure')).toBe('先出国再签约');
    expect(firstSpanText('Berangkat tanpa menandatangani kontrak kerja', 'contract_after_departure')).toBe(
      'tanpa menandatangani kontrak',
    );
    expect(firstSpanText('Đây không phải là công việc hợp pháp.', 'illegal_work_admitted')).toBe(
      'không phải là công việc hợp pháp',
    );
    expect(firstSpanText('gaji 1.000 - 1.500 dolar AS', 'salary_in_usd')).toBe('1.500 dolar');
    expect(firstSpanText('งานฟาร์ม วีซ่าแรงงานถูกกฎหมาย', 'legal_visa_claim')).toBe('วีซ่าแรงงานถูกกฎหมาย');
  });
});

describe('matchIndicators on ordinary job ads', () => {
  it.each(ORDINARY_ADS.map((a) => [a.lang, a.text] as const))('%s: %s', (_, text) => {
    const results = match(text);
    expect(indicatorEvidence(results)).toBeLessThan(0.35);
    expect(results.every((m) => m.weight <= 0.15)).toBe(true);
  });

  it('does not read a carrier SMS telling the customer to call customer care as a job offer', () => {
    // From the vi SMS set: "CSKH" (customer care) is in almost every Vietnamese carrier message.
    for (const text of [
      'Tai khoan cua Quy khach da duoc nap 10,000d. Chi tiet lien he CSKH 18001091 (0d). Tran trong cam on!',
      'Quý khách vui lòng liên hệ nhân viên CSKH VinaPhone hoặc tổng đài chăm sóc khách hàng để được hỗ trợ.',
    ]) {
      expect(match(text).map((m) => m.id)).not.toContain('customer_service_abroad');
    }
    expect(match('Tuyển nhân viên CSKH làm việc tại Campuchia').map((m) => m.id)).toContain(
      'customer_service_abroad',
    );
  });

  it('does not read "message the admin" as an offer of admin work', () => {
    for (const text of ['สนใจสั่งซื้อสินค้า ทักแอดมินได้เลยค่ะ', 'ສົນໃຈ ຕິດຕໍ່ແອັດມິນ', 'Liên hệ admin page để đặt hàng']) {
      expect(match(text).map((m) => m.id)).not.toContain('chat_admin_job');
    }
    expect(match('รับสมัครแอดมิน ทำงานที่บ้าน').map((m) => m.id)).toContain('chat_admin_job');
  });

  it('finds nothing in the plainest ad', () => {
    expect(
      match('Hiring accountant, 3 years experience, salary negotiable, send CV to hr@company.com'),
    ).toEqual([]);
  });
});

describe('indicatorEvidence', () => {
  it('keeps one generic phrase low and climbs with several categories', () => {
    expect(
      indicatorEvidence([{ id: 'high_pay_promise', category: 'unrealistic_pay', weight: 0.2 }]),
    ).toBeCloseTo(0.2);
    expect(
      indicatorEvidence([
        { id: 'high_pay_promise', category: 'unrealistic_pay', weight: 0.2 },
        { id: 'easy_money', category: 'unrealistic_pay', weight: 0.2 },
      ]),
    ).toBeCloseTo(0.2);
    expect(
      indicatorEvidence([
        { id: 'light_work_high_pay', category: 'unrealistic_pay', weight: 0.45 },
        { id: 'hotspot_cambodia_border', category: 'hotspot_destination', weight: 0.4 },
        { id: 'free_flight_accommodation', category: 'travel_visa_arranged', weight: 0.3 },
        { id: 'contact_telegram_only', category: 'chat_app_contact', weight: 0.15 },
      ]),
    ).toBeGreaterThan(0.8);
  });

  it('counts the supporting red flags only beside another one', () => {
    const supporting = [
      { id: 'no_experience_needed', category: 'deceptive_recruitment', weight: 0.15 },
      { id: 'free_food_lodging', category: 'travel_visa_arranged', weight: 0.1 },
      { id: 'contact_telegram_only', category: 'chat_app_contact', weight: 0.15 },
    ] as const;
    expect(indicatorEvidence(supporting)).toBe(0);
    const abroad = { id: 'work_abroad_offer', category: 'deceptive_recruitment', weight: 0.12 } as const;
    // 1 − (1 − 0.15)(1 − 0.1)(1 − 0.15): the abroad offer shares its category with "no experience"
    expect(indicatorEvidence([...supporting, abroad])).toBeCloseTo(1 - 0.85 * 0.9 * 0.85);
  });
});

describe('the naive baseline and the phrase list', () => {
  it('gives the same results as the automaton', () => {
    for (const post of [...SCAM_POSTS.map((p) => p.text), ...ORDINARY_ADS.map((a) => a.text)]) {
      const n = plainNormalize(post);
      expect(naiveMatchIndicators(n)).toEqual(matchIndicators(n));
    }
  });

  it('lists every phrase of every language', () => {
    const phrases = lexiconPhrases();
    expect(phrases.length).toBeGreaterThan(1000);
    expect(phrases).toContain('việc nhẹ lương cao');
    expect(phrases).toContain('งานสบาย รายได้ดี');
    expect(phrases).toContain('包吃包住');
  });
});

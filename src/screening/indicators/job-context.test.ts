import { describe, expect, it } from 'vitest';
import { normalize } from '../text/index.ts';
import { matchIndicators, naiveMatchIndicators } from './index.ts';
import { parseJobContextRules } from './job-context.ts';
import { LexiconError } from './load.ts';
import { plainNormalize } from './test-support.ts';

// A place where scam compounds operate, violence or scam work counts as a red flag only in a post
// about work (data/indicators/job-context.json).

const ids = (text: string) => matchIndicators(plainNormalize(text)).map((m) => m.id);

describe('red flags that need a post about work', () => {
  it.each([
    ['en', 'Laos beat Cambodia 3-0 in the regional football final on Sunday.'],
    ['vi', 'Đội tuyển bóng đá Lào thắng Campuchia 3-0 trong trận chung kết.'],
    ['lo', 'ທີມຊາດລາວ ເອົາຊະນະ ເຈົ້າພາບ ກຳປູເຈຍ 3-0'],
    ['zh', '柬埔寨吴哥窟是世界文化遗产，每年吸引大量游客。'],
    ['id', 'Presiden bertemu Perdana Menteri Kamboja untuk membahas perdagangan.'],
    ['th', 'นักท่องเที่ยวเดินทางไปกัมพูชาเพื่อชมนครวัด'],
  ])('%s: a country named in news is not a red flag: %s', (_lang, text) => {
    expect(ids(text)).not.toContain('hotspot_cambodia');
  });

  it.each([
    ['en', 'Hiring typists in Cambodia, contact us.'],
    ['vi', 'Tuyển người đi làm Campuchia.'],
    ['vi', 'Tuyen nguoi di lam Campuchia.'],
    ['lo', 'ຮັບສະໝັກພະນັກງານ ໄປເຮັດວຽກຢູ່ກຳປູເຈຍ'],
    ['zh', '柬埔寨金边酒店装修招聘10多名木工'],
    ['id', 'Lowongan kerja di Kamboja, gaji besar.'],
    ['th', 'รับสมัครคนไปทำงานที่กัมพูชา'],
  ])('%s: a country named with a job is a red flag: %s', (_lang, text) => {
    expect(ids(text)).toContain('hotspot_cambodia');
  });

  it.each([
    ['id', 'Pelaku pencurian motor itu diancam hukuman penjara maksimal 7 tahun.'],
    ['vi', 'Biến đổi khí hậu đang đe dọa sinh kế của nông dân.'],
    ['th', 'ตำรวจจับชายข่มขู่เจ้าของร้านสะดวกซื้อ'],
  ])('%s: threats in crime and general news are not a red flag: %s', (_lang, text) => {
    expect(ids(text)).not.toContain('violence_threats');
  });

  it.each([
    ['en', 'We were beaten and electrocuted at work if we did not reach the quota.'],
    ['vi', 'Anh tôi sang đó làm việc, bị đánh đập, chích điện nếu không đủ chỉ tiêu.'],
    ['th', 'ถูกทุบตี ช็อตไฟฟ้า ถ้าทำยอดไม่ถึง'],
    ['id', 'Kami disiksa dan disetrum di tempat kerja kalau tidak capai target.'],
    ['zh', '完不成业绩就被电击殴打'],
  ])('%s: violence at work is a red flag: %s', (_lang, text) => {
    expect(ids(text)).toContain('violence_threats');
  });

  it.each([
    [
      'en',
      'Police warn the public about a rise in romance scams and pig butchering schemes.',
      'scam_script_work',
    ],
    ['vi', 'Công an cảnh báo thủ đoạn lừa đảo qua mạng, lùa gà đầu tư tiền ảo.', 'scam_script_work'],
    ['zh', '警方提醒：谨防杀猪盘诈骗', 'scam_script_work'],
    ['fil', 'Tuluyan nang ipinagbawal ng Pangulo ang lahat ng POGO sa bansa.', 'pogo_offshore_gaming'],
  ])('%s: a police warning or news of scam work is not a red flag of recruitment: %s', (_lang, text, id) => {
    expect(ids(text)).not.toContain(id);
  });

  it('compares cues as the pipeline normalises posts (Lao ໝ as ຫມ, traditional Chinese as simplified)', () => {
    const real = (text: string) => matchIndicators(normalize(text)).map((m) => m.id);
    expect(real('ຮັບສະໝັກ ໄປກຳປູເຈຍ')).toContain('hotspot_cambodia');
    expect(real('柬埔寨崗位')).toContain('hotspot_cambodia');
  });

  it('reads a country named in a post in its own language, or from it, as home, not a destination', () => {
    const found = (text: string, origin: { lang?: string; country?: string }) =>
      matchIndicators(normalize(text), origin).map((m) => m.id);
    const burmese = 'Myanmar ကုမ္ပဏီတွင် အရောင်းဝန်ထမ်း ခေါ်ယူမည်';
    expect(found(burmese, {})).toContain('hotspot_myanmar');
    expect(found(burmese, { lang: 'my' })).not.toContain('hotspot_myanmar');
    const english = 'Smart Axiata Cambodia is hiring sales staff';
    expect(found(english, { lang: 'en' })).toContain('hotspot_cambodia');
    expect(found(english, { lang: 'en', country: 'kh' })).not.toContain('hotspot_cambodia');
    // wages in Cambodia are paid in US dollars
    const khmer = 'ត្រូវការបុគ្គលិកលក់ ប្រាក់ខែ $800';
    expect(found(khmer, {})).toContain('salary_in_usd');
    expect(found(khmer, { lang: 'km' })).not.toContain('salary_in_usd');
    expect(found('Sales staff wanted, salary $800', { lang: 'en', country: 'KH' })).not.toContain(
      'salary_in_usd',
    );
    // the scam hubs still count at home: trafficking within a country runs through them too
    expect(found('မြဝတီတွင် အလုပ်ခေါ်နေသည်', { lang: 'my' })).toContain('hotspot_myanmar_border');
    expect(naiveMatchIndicators(normalize(burmese), { lang: 'my' })).toEqual(
      matchIndicators(normalize(burmese), { lang: 'my' }),
    );
  });

  it('takes another red flag of recruitment as a post about work, but not a chat-app contact', () => {
    expect(ids('Sang Campuchia, bao ăn ở, bao vé máy bay')).toContain('hotspot_cambodia');
    expect(ids('Cambodia travel tips, contact us on WhatsApp')).not.toContain('hotspot_cambodia');
  });

  it('reads free travel, lodging or costs paid as a lure only in a post about work', () => {
    expect(ids('Win a free ticket to the concert in Bangkok! Share this post')).toEqual([]);
    expect(ids('Mua 1 tặng 1, bao toàn bộ chi phí vận chuyển')).toEqual([]);
    expect(ids('Tuyển người đi làm, bao vé máy bay')).toContain('free_flight_accommodation');
    expect(ids('底薪6000元,还包出国的机票')).toContain('free_flight_accommodation');
  });

  it('reads a tourist visa, no visa needed or a quick departure as a lure only in a post about work', () => {
    expect(ids('Dịch vụ làm visa du lịch Hàn Quốc, Nhật Bản, tỉ lệ đậu cao')).toEqual([]);
    expect(
      ids('Filipinos can now visit Thailand visa-free. No visa needed for stays up to 30 days.'),
    ).toEqual([]);
    expect(ids('Pinjaman online, proses cepat & mudah')).toEqual([]);
    expect(ids('Lowongan kerja di Thailand, berangkat pakai visa turis')).toContain('tourist_visa_work');
    // "deployment" is how the Philippines says a worker is sent abroad
    expect(ids('FLY NOW PAY LATER! IMMEDIATE DEPLOYMENT!')).toContain('quick_departure');
    // a scam hub with a tourist visa is still a post about work without a work word
    expect(ids('Sang Campuchia bằng visa du lịch, bao vé máy bay')).toContain('hotspot_cambodia');
  });

  it('does not read a processing time in working days as a post about work', () => {
    expect(ids('Jasa pengurusan visa turis Jepang dan Korea, proses cepat 5 hari kerja. Hubungi WA')).toEqual(
      expect.not.arrayContaining(['tourist_visa_work', 'quick_departure']),
    );
    expect(ids('Tourist visa for Japan, processed within 5 working days')).not.toContain('tourist_visa_work');
    expect(ids('Lowongan kerja di Thailand, 5 hari kerja seminggu, berangkat pakai visa turis')).toContain(
      'tourist_visa_work',
    );
  });

  it('reads a scam hub with travel paid in a holiday post (a tour) as no red flag, and in a job post as one', () => {
    expect(ids('Tour Sihanoukville 3 ngày 2 đêm, bao vé xe khứ hồi, bao khách sạn 4 sao')).toEqual([]);
    expect(
      ids('Golden Triangle tour from Chiang Rai: boat trip to Laos, no visa needed for the day trip'),
    ).toEqual([]);
    expect(ids('西港旅游团 5天4晚 含机票 酒店 免签')).toEqual([]);
    expect(ids('Tuyển nhân viên tour, làm việc tại Sihanoukville, bao vé xe')).toContain(
      'hotspot_cambodia_border',
    );
  });

  it('keeps scam work as a red flag in a job offer', () => {
    expect(ids('Tuyển nhân viên chat với người nước ngoài, lương cao')).toContain('scam_script_work');
  });

  it('reads a scam hub in tourism news as no red flag, and in a plea for rescue as one', () => {
    expect(ids('Sihanoukville beaches draw more tourists this year')).not.toContain(
      'hotspot_cambodia_border',
    );
    expect(ids('Please help, my brother is trapped in KK Park')).toContain('hotspot_myanmar_border');
  });

  it('gives the naive baseline the same results', () => {
    for (const text of ['Laos beat Cambodia 3-0.', 'Hiring in Cambodia.']) {
      const n = plainNormalize(text);
      expect(naiveMatchIndicators(n)).toEqual(matchIndicators(n));
    }
  });

  it('refuses a cue not written in bare form, naming the file and the fix', () => {
    const file = {
      version: 1,
      updated: '2026-11-23',
      note: 'test',
      indicators: ['hotspot_cambodia'],
      categories: [],
      cues: { vi: ['tuyển'] },
    };
    expect(() => parseJobContextRules('job-context.json', file)).toThrow(LexiconError);
    expect(() => parseJobContextRules('job-context.json', file)).toThrow(/"tuyen"/);
  });
});

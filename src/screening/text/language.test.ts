import { describe, expect, it } from 'vitest';
import type { Lang } from '../types.ts';
import { detectLanguages, parseLangHint } from './language.ts';
import { normalize } from './normalize.ts';

const detect = (s: string, hint?: string) => detectLanguages(normalize(s), hint);

// Recruitment adverts of the kind the screening sees, one per language.
const ADS: Record<Lang, string> = {
  en: 'We are hiring! Customer service staff needed in Bangkok, salary $1500 per month, free visa and flight ticket. No experience required, contact us on Telegram now.',
  vi: 'Tuyển nhân viên làm việc tại Campuchia, lương 20 triệu/tháng, bao ăn ở, không cần kinh nghiệm. Liên hệ Zalo 0912345678 để được tư vấn.',
  id: 'Dicari karyawan untuk bekerja di luar negeri, gaji 15 juta per bulan, tiket pesawat gratis. Tidak perlu pengalaman, bisa langsung berangkat. Hubungi WA sekarang.',
  ms: 'Jawatan kosong! Syarikat kami memerlukan pekerja kilang, gaji RM3500 sebulan, penginapan disediakan. Tak perlu pengalaman, boleh mula segera. Sila hubungi kami di WhatsApp.',
  fil: 'Naghahanap kami ng mga aplikante para sa trabaho sa Cambodia. Malaki ang sahod, libre ang pasahe at tirahan. Walang karanasan? Okay lang po! Mag-message lang sa amin.',
  th: 'รับสมัครพนักงานด่วน ทำงานออนไลน์ รายได้ดี วันละ 3000 บาท ไม่ต้องมีประสบการณ์ มีที่พักให้ ติดต่อไลน์',
  lo: 'ຮັບສະໝັກພະນັກງານ ເຮັດວຽກຢູ່ຕ່າງປະເທດ ເງິນເດືອນສູງ ບໍ່ຕ້ອງມີປະສົບການ ຕິດຕໍ່ດ່ວນ',
  km: 'ជ្រើសរើសបុគ្គលិកធ្វើការនៅថៃ ប្រាក់ខែខ្ពស់ មិនត្រូវការបទពិសោធន៍ ទំនាក់ទំនងតាមតេឡេក្រាម',
  my: 'ထိုင်းနိုင်ငံမှာ အလုပ်လုပ်ချင်သူများ လစာကောင်း နေစရာ အခမဲ့ ဖုန်းဆက်ပါ',
  zh: '高薪招聘客服人员，包吃包住，免费签证机票，月薪一万五，无需经验，联系飞机',
};

describe('detectLanguages', () => {
  for (const [lang, ad] of Object.entries(ADS)) {
    it(`recognises a ${lang} job advert`, () => {
      const r = detect(ad);
      expect(r.lang).toBe(lang);
      expect(r.segments.every((s) => s.lang === lang)).toBe(true);
    });
  }

  it('recognises Vietnamese typed without diacritics', () => {
    expect(detect('viec nhe luong cao, bao an o, lien he zalo').lang).toBe('vi');
    expect(
      detect('tuyen nhan vien nu lam viec tai campuchia, luong 2000 usd, khong can kinh nghiem').lang,
    ).toBe('vi');
  });

  it('tells Indonesian from Malay by the words only one of them uses', () => {
    expect(detect('Lowongan kerja pabrik, gaji besar, bisa langsung kerja, uang makan ditanggung').lang).toBe(
      'id',
    );
    expect(
      detect('Kerja kilang di Johor, gaji lumayan, awak boleh mula minggu depan, wang makan percuma').lang,
    ).toBe('ms');
  });

  it('splits mixed Thai and English into segments', () => {
    const n = normalize(
      'รับสมัครพนักงานด่วน ทำงานออนไลน์ รายได้ดีมาก ไม่ต้องมีประสบการณ์ Work from home, high salary, no experience needed. ติดต่อไลน์',
    );
    const r = detectLanguages(n);
    expect(r.lang).toBe('th');
    expect(r.segments.map((s) => s.lang)).toEqual(['th', 'en', 'th']);
    const en = r.segments[1];
    expect(n.text.slice(en?.start, en?.end)).toContain('work from home');
    // segments cover the text, in order
    expect(r.segments[0]?.start).toBe(0);
    expect(r.segments[r.segments.length - 1]?.end).toBe(n.text.length);
    for (let i = 1; i < r.segments.length; i++) expect(r.segments[i]?.start).toBe(r.segments[i - 1]?.end);
  });

  it('ignores URLs when weighing languages', () => {
    expect(detect('https://lin.ee/0hg8QVt รับฟรี 300 บาท สมัครเลย u72a.com').lang).toBe('th');
  });

  it('answers und, or the hint, for text too short to tell', () => {
    expect(detect('ok').lang).toBe('und');
    expect(detect('hi there').lang).toBe('und');
    expect(detect('ok', 'ms-MY').lang).toBe('ms');
    expect(detect('12345 !!!').lang).toBe('und');
    expect(detect('').segments).toEqual([]);
  });

  it('knows short Vietnamese by its letters that no other language here uses', () => {
    expect(detect('liên hệ 0912345678').lang).toBe('vi');
    expect(detect('Gọi ngay!!').lang).toBe('und'); // one such letter is not enough
    expect(detect('Zalo: Đức Anh').lang).toBe('vi');
    expect(detect('Pho bò').lang).toBe('und');
  });

  it('uses an id/ms hint when nothing else tells them apart', () => {
    const text = 'Kerja di luar negara, gaji besar, makan dan tempat tinggal ditanggung';
    expect(detect(text, 'ms').lang).toBe('ms');
    expect(detect(text, 'id').lang).toBe('id');
  });

  it('parses language hints', () => {
    expect(parseLangHint('th-TH')).toBe('th');
    expect(parseLangHint('tl')).toBe('fil');
    expect(parseLangHint('zh-Hant')).toBe('zh');
    expect(parseLangHint('fr')).toBeUndefined();
    expect(parseLangHint(undefined)).toBeUndefined();
  });
});

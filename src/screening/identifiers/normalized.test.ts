import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.ts';
import { isSymbolUnit, SYMBOL_UNITS } from './fold.ts';
import { extractIdentifiers } from './index.ts';

// With the real normaliser: evasions folded in n.text, spans and values in the post as written.
function ids(post: string, lang = 'vi'): Array<[string, string, string]> {
  return extractIdentifiers(normalize(post), { lang }).map((i) => [i.kind, i.normalized, i.value]);
}

describe('identifiers of normalised posts', () => {
  it('reads chat apps written to evade filters', () => {
    expect(ids('W.h.a.t.s.A.p.p: +66 81 234 5678')).toEqual([
      ['phone', '+66812345678', '+66 81 234 5678'],
      ['whatsapp', '+66812345678', '+66 81 234 5678'],
    ]);
    expect(ids('T3legram: @KK_Recruit_2024')).toEqual([['telegram', 'kk_recruit_2024', '@KK_Recruit_2024']]);
    // Burmese "Facebook" typed in Zawgyi is read as its Unicode label
    expect(ids('ေဖ့စ္ဘြတ္ခ္ mm.jobs.99', 'my')).toEqual([['facebook', 'mmjobs99', 'mm.jobs.99']]);
  });

  it('reads numbers typed full-width, split by zero-width characters, spelled out or in local digits', () => {
    expect(ids('ＳＤＴ：０９１２３４５６７８')).toEqual([['phone', '+84912345678', '０９１２３４５６７８']]);
    expect(ids('zalo 09\u200b12\u200b345\u200b678')).toEqual([
      ['phone', '+84912345678', '09\u200b12\u200b345\u200b678'],
      ['zalo', '+84912345678', '09\u200b12\u200b345\u200b678'],
    ]);
    expect(ids('Liên hệ: không chín một hai ba bốn năm sáu bảy tám')).toEqual([
      ['phone', '+84912345678', 'không chín một hai ba bốn năm sáu bảy tám'],
    ]);
    expect(ids('โทร ๐๘๑-๒๓๔-๕๖๗๘ เงินเดือน ๓๕,๐๐๐ บาท', 'th')).toEqual([
      ['phone', '+66812345678', '๐๘๑-๒๓๔-๕๖๗๘'],
      ['money', '35000 THB/month', '๓๕,๐๐๐ บาท'],
    ]);
    expect(ids('ဖုန်း ၀၉ ၇၈၁၂ ၃၄၅၆၇ မြဝတီ', 'my')).toEqual([
      ['phone', '+959781234567', '၀၉ ၇၈၁၂ ၃၄၅၆၇'],
      ['place', 'myawaddy', 'မြဝတီ'],
    ]);
  });

  it('keeps the case of link paths from the post', () => {
    expect(ids('Lương 30 triệu/tháng tại SIHANOUKVILLE, t.me/AbCdEf_jobs lin.ee/XyZ9')).toEqual([
      ['money', '30000000 VND/month', '30 triệu/tháng'],
      ['place', 'sihanoukville', 'SIHANOUKVILLE'],
      ['telegram', 'abcdef_jobs', 't.me/AbCdEf_jobs'],
      ['url', 't.me/AbCdEf_jobs', 't.me/AbCdEf_jobs'],
      ['line', 'lin.ee/XyZ9', 'lin.ee/XyZ9'],
      ['url', 'lin.ee/XyZ9', 'lin.ee/XyZ9'],
    ]);
  });

  it('keeps the case of link paths letter by letter when folding changed a character of them', () => {
    // A Thai digit, a Cyrillic look-alike, a full-width letter: folded, and every other letter as written.
    expect(ids('สมัคร https://bit.ly/๓vA8L7T งานดี', 'th')).toEqual([
      ['url', 'bit.ly/3vA8L7T', 'https://bit.ly/๓vA8L7T'],
    ]);
    expect(ids('Apply https://bit.ly/3v\u0410\u200b8L7T now', 'en')).toEqual([
      ['url', 'bit.ly/3vA8L7T', 'https://bit.ly/3v\u0410\u200b8L7T'],
    ]);
    expect(ids('Apply https://bit.ly/3vＡ8l7t now', 'en')).toEqual([
      ['url', 'bit.ly/3vA8l7t', 'https://bit.ly/3vＡ8l7t'],
    ]);
  });

  it('reads emoji between the words of an amount, a place or a chat label as a space', () => {
    expect(ids('Salary VND20 🔥 million per month in Phnom 🌴 Penh', 'en')).toEqual([
      ['money', '20000000 VND/month', 'VND20 🔥 million per month'],
      ['place', 'phnom-penh', 'Phnom 🌴 Penh'],
    ]);
    expect(ids('Lương 20 💰 triệu/tháng, gaji Rp 8 ✅ juta per bulan')).toEqual([
      ['money', '20000000 VND/month', '20 💰 triệu/tháng'],
      ['money', '8000000 IDR/month', 'Rp 8 ✅ juta per bulan'],
    ]);
    expect(ids('Zalo ☎️ 0912345678')).toEqual([
      ['phone', '+84912345678', '0912345678'],
      ['zalo', '+84912345678', '0912345678'],
    ]);
    expect(ids('Transfer ke BCA 💳 no. rek 1234567890', 'id')).toEqual([
      ['bank_account', 'BCA:1234567890', 'BCA 💳 no. rek 1234567890'],
    ]);
    expect(ids('WhatsApp 📞: 081 234 5678', 'th')).toEqual([
      ['phone', '+66812345678', '081 234 5678'],
      ['whatsapp', '+66812345678', '081 234 5678'],
    ]);
  });

  it('has one definition of the emoji and symbols read as a gap, for RegExps and for code units', () => {
    const unit = new RegExp(`^[${SYMBOL_UNITS}]$`);
    const disagree: number[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (isSymbolUnit(c) !== unit.test(String.fromCharCode(c))) disagree.push(c);
    expect(disagree).toEqual([]);
  });

  it('gives a look-alike host as written: a homograph domain is another site, not the one it imitates', () => {
    // Cyrillic а and ӏ: the IDN homograph domains, in punycode
    expect(ids('Login at https://\u0430mazon.com/login now', 'en')).toEqual([
      ['domain', 'xn--mazon-3ve.com', 'https://\u0430mazon.com/login'],
      ['url', 'xn--mazon-3ve.com/login', 'https://\u0430mazon.com/login'],
    ]);
    expect(ids('paypa\u04cf.com/x', 'en')).toEqual([
      ['domain', 'xn--paypa-iof.com', 'paypa\u04cf.com/x'],
      ['url', 'xn--paypa-iof.com/x', 'paypa\u04cf.com/x'],
    ]);
    expect(ids('mail hr@\u0430mazon.com', 'en')).toEqual([
      ['email', 'hr@\u0430mazon.com', 'hr@\u0430mazon.com'],
    ]);
    expect(ids('https://๓bb.co.th/p/x', 'th')).toEqual([
      ['domain', 'xn--bb-mxi.co.th', 'https://๓bb.co.th/p/x'],
      ['url', 'xn--bb-mxi.co.th/p/x', 'https://๓bb.co.th/p/x'],
    ]);
    // ... while a chat link still names its account, and full-width forms are the ASCII host
    expect(ids('Join t.m\u0435/jobs_kh now', 'en')).toEqual([
      ['domain', 't.xn--m-jtb', 't.m\u0435/jobs_kh'],
      ['telegram', 'jobs_kh', 't.m\u0435/jobs_kh'],
      ['url', 't.xn--m-jtb/jobs_kh', 't.m\u0435/jobs_kh'],
    ]);
    expect(ids('ＨＴＴＰＳ://ＥＸＡＭＰＬＥ.com/Ａ', 'en')).toEqual([
      ['domain', 'example.com', 'ＨＴＴＰＳ://ＥＸＡＭＰＬＥ.com/Ａ'],
      ['url', 'example.com/A', 'ＨＴＴＰＳ://ＥＸＡＭＰＬＥ.com/Ａ'],
    ]);
  });

  it('reads a salary word only as written: a letter with a diacritic must be the letter of the phrase', () => {
    // "lưu lượng" (data volume) is not "lương" (salary); "luong", typed without diacritics, still is
    expect(ids('Gói cước lưu lượng 191 MB, soạn tin gửi 191')).toEqual([]);
    expect(ids('Tuyển nhân viên lương 15 triệu')).toEqual([['money', '15000000 VND/month', '15 triệu']]);
    expect(ids('Tuyen nhan vien luong 15 trieu')).toEqual([['money', '15000000 VND/month', '15 trieu']]);
    expect(ids('Tuyen nhan vien, lương 15 trieu')).toEqual([['money', '15000000 VND/month', '15 trieu']]);
    // a number near a salary word, in a currency the post does not write, worth under a dollar
    expect(ids('Penghasilan Tambahan\n\nSetiap 5 Hari\n\nProfit 20%', 'id')).toEqual([]);
    expect(ids('Penghasilan 5.000.000 per bulan', 'id')).toEqual([
      ['money', '5000000 IDR/month', '5.000.000 per bulan'],
    ]);
  });

  it('reads USDT from a "u" after an amount, not from a code, and the Thai baht abbreviation บ.', () => {
    expect(ids('Mã hợp đồng 6U32KMHGCF')).toEqual([]);
    expect(ids('lương 8000u mỗi tháng')).toEqual([['money', '8000 USDT/month', '8000u mỗi tháng']]);
    expect(ids('รายได้วันละ 500บ./วัน', 'th')).toEqual([['money', '500 THB/day', '500บ./วัน']]);
  });
});

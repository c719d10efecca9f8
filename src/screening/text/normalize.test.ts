import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan } from './normalize.ts';

const text = (s: string): string => normalize(s).text;
const spanOf = (original: string, needle: string): string => {
  const n = normalize(original);
  const at = n.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const [s, e] = toOriginalSpan(n, at, at + needle.length);
  return original.slice(s, e);
};

describe('normalize: Zawgyi', () => {
  it('converts Zawgyi Burmese to Unicode and says so', () => {
    const n = normalize('ျမန္မာ');
    expect(n.text).toBe('မြန်မာ');
    expect(n.zawgyi).toBe(true);
  });

  it('converts a Zawgyi job advert and keeps spans inside the original', () => {
    // "Those who want to work in Thailand, good salary", typed in Zawgyi
    const original = 'ထိုင္းႏိုင္ငံမွာ အလုပ္လုပ္ခ်င္သူမ်ား လစာေကာင္း ဖုန္း 09-123';
    const n = normalize(original);
    expect(n.zawgyi).toBe(true);
    expect(n.text).toBe('ထိုင်းနိုင်ငံမှာ အလုပ်လုပ်ချင်သူများ လစာကောင်း ဖုန်း 09-123');
    expect(spanOf(original, 'လစာကောင်း')).toBe('လစာေကာင္း');
    expect(spanOf(original, '09-123')).toBe('09-123');
  });

  it('converts real Zawgyi text (myanmar-tools test corpus, statecounsellor.gov.mm) and folds its digits', () => {
    expect(text('ေနျပည္ေတာ္ ဇူလုိင္ ၂၆')).toBe('နေပြည်တော် ဇူလိုင် 26');
  });

  it('leaves Unicode Burmese alone', () => {
    const n = normalize('မြန်မာနိုင်ငံ အလုပ်ခေါ်');
    expect(n.zawgyi).toBe(false);
    expect(n.text).toBe('မြန်မာနိုင်ငံ အလုပ်ခေါ်');
  });

  it('stores a medial before the asat after converting (ချ်, not ခ်ျ), as Unicode Burmese does', () => {
    // "contact by message", typed in Zawgyi: myanmar-tools converts its ခ်္ to ခ်ျ
    const n = normalize('ဆက္သြယ္ရန္ မက္ေဆ့ခ်္ပို႔ပါ');
    expect(n.zawgyi).toBe(true);
    expect(n.text).toBe('ဆက်သွယ်ရန် မက်ဆေ့ချ်ပို့ပါ');
  });

  it('converts Zawgyi in typing order: a medial ha after its consonant, a medial ra before the next', () => {
    // "deducted from salary" (a lexicon phrase) as typed in Zawgyi: မ ႇ(ha) ျ(ra) ဖ. myanmar-tools'
    // unicodeToZawgyi writes ျ before ႇ instead, which reads back as ra on မ: that order is its own.
    const n = normalize('အလုပ္ေခၚသည္ လစာမ\u103d\u103bဖတ္ေတာက္ ဆက္သြယ္ပါ');
    expect(n.zawgyi).toBe(true);
    expect(n.text).toBe('အလုပ်ခေါ်သည် လစာမှဖြတ်တောက် ဆက်သွယ်ပါ');
  });

  it('decides Zawgyi or Unicode on the visible text: zero-width characters between every letter change nothing', () => {
    const spread = (s: string) => [...s].join('\u200b');
    // Unicode Burmese: a notice on sending workers to Thailand under the MOU
    const unicode = 'ထိုင်းနိုင်ငံသို့ မြန်မာအလုပ်သမားများအား စေလွှတ်ရာတွင် MOU စနစ်ဖြင့်သာ ပြည်ပအလုပ်အကိုင်';
    expect(normalize(spread(unicode))).toMatchObject({ zawgyi: false, text: normalize(unicode).text });
    const zawgyi = 'ထိုင္းႏိုင္ငံမွာ အလုပ္လုပ္ခ်င္သူမ်ား လစာေကာင္း';
    expect(normalize(spread(zawgyi))).toMatchObject({ zawgyi: true, text: normalize(zawgyi).text });
  });
});

describe('normalize: evasions', () => {
  it('joins letters split by dots, spaces or dashes', () => {
    expect(text('Add W.h.a.t.s.A.p.p now')).toBe('add whatsapp now');
    expect(text('t e l e g r a m: @boss')).toBe('telegram: @boss');
    expect(text('L-I-N-E id')).toBe('line id');
    expect(text('I am a boy')).toBe('i am a boy');
  });

  it('maps the whole spaced-out run back to the original', () => {
    expect(spanOf('Add W.h.a.t.s.A.p.p now', 'whatsapp')).toBe('W.h.a.t.s.A.p.p');
    expect(spanOf('Add W.h.a.t.s.A.p.p now', 'whats')).toBe('W.h.a.t.s');
  });

  it('folds leetspeak inside words only', () => {
    expect(text('T3legram')).toBe('telegram');
    expect(text('wh4tsapp w0rk h3ll0 te1egram l1ne')).toBe('whatsapp work hello telegram line');
    // "1" reads as l or i by the letters around it
    expect(text('cambod1a ma1aysia as1a s1ots p1ace soc1al')).toBe(
      'cambodia malaysia asia slots place social',
    );
    // zeroes written as the letter O in an amount
    expect(text('luong 1OOO$ salary 15OO usd 2o0o')).toBe('luong 1000$ salary 1500 usd 2000');
    expect(text('hello 1st 2nd o1 b00k')).toBe('hello 1st 2nd o1 book');
    expect(text('call 0812345678 in 2024, 5g, mp3, covid19')).toBe(
      'call 0812345678 in 2024, 5g, mp3, covid19',
    );
    expect(text('mail john3@gmail.com or see bit.ly/a1b3C')).toBe('mail john3@gmail.com or see bit.ly/a1b3c');
  });

  it('keeps the @ of an e-mail address whose domain has a hyphen, and folds one in a word', () => {
    expect(text('CV to hr@kkpark-jobs.com or jobs@my-site.co.th')).toBe(
      'cv to hr@kkpark-jobs.com or jobs@my-site.co.th',
    );
    expect(text('v@y-tien nhanh')).toBe('vay-tien nhanh');
  });

  it('folds full-width and styled letters (NFKC)', () => {
    expect(text('ｔｅｌｅｇｒａｍ')).toBe('telegram');
    expect(text('𝐓𝐞𝐥𝐞𝐠𝐫𝐚𝐦')).toBe('telegram');
  });

  it('removes zero-width and invisible characters', () => {
    expect(text('tele\u200Bgram')).toBe('telegram');
    expect(text('wh\u200Dat\u00ADs\u2060app\uFEFF')).toBe('whatsapp');
    expect(text('\u202Eline\u202C')).toBe('line');
    expect(spanOf('tele\u200Bgram', 'telegram')).toBe('tele\u200Bgram');
  });

  it('folds the letters of fancy-text generators that NFKC leaves alone', () => {
    expect(text('ᴛᴇʟᴇɢʀᴀᴍ')).toBe('telegram'); // small capitals
    expect(text('🆆🅷🅰🆃🆂🅰🅿🅿')).toBe('whatsapp'); // negative squared
    expect(text('🅩🅐🅛🅞 0912')).toBe('zalo 0912'); // negative circled
    expect(text('⒯⒠⒧⒠⒢⒭⒜⒨')).toBe('telegram'); // parenthesized: NFKC alone gives "(t)(e)…"
    expect(text('t̶e̶l̶e̶g̶r̶a̶m̶ l̲i̲n̲e̲')).toBe('telegram line'); // struck through, underlined
    expect(spanOf('add 🆃🅴🅻🅴 now', 'tele')).toBe('🆃🅴🅻🅴');
    expect(spanOf('ᴠɪệᴄ ʟàᴍ', 'việc')).toBe('ᴠɪệᴄ');
  });

  it('reads keycap digits as digits (0\uFE0F\u20E3 is the emoji of 0)', () => {
    expect(text('WA 0\uFE0F\u20E38\uFE0F\u20E31\uFE0F\u20E32\uFE0F\u20E3')).toBe('wa 0812');
    expect(text('goi 0\u20E39\u20E3')).toBe('goi 09');
    // a span ends at its last visible character, as with every invisible one
    expect(spanOf('WA 0\uFE0F\u20E38\uFE0F\u20E3!', '08')).toBe('0\uFE0F\u20E38');
  });

  it('replaces Cyrillic and Greek look-alikes inside Latin words', () => {
    expect(text('telegrаm')).toBe('telegram'); // Cyrillic а
    expect(text('ТЕLЕGRАМ')).toBe('telegram'); // Cyrillic Т Е Е А М
    expect(text('Wοrk')).toBe('work'); // Greek ο
    expect(text('Москва')).toBe('москва'); // a Cyrillic word stays Cyrillic
  });

  it('folds faux-Cyrillic fancy text inside Latin words', () => {
    expect(text('тєℓєgяαм @jobs')).toBe('telegram @jobs'); // т є я м, ℓ by NFKC, Greek α
    expect(text('ЯUSSIAИ')).toBe('russian');
    expect(text('ωнαтѕαρρ')).toBe('ωнαтѕαρρ'); // no genuine Latin letter: left alone
    expect(text('привет мир')).toBe('привет мир');
    expect(spanOf('Contact тєℓєgяαм now', 'telegram')).toBe('тєℓєgяαм');
  });

  it('turns spelled-out digit runs into digits', () => {
    expect(text('call zero eight nine one two three four')).toBe('call 0891234');
    expect(text('goi không tám chín bảy sáu')).toBe('goi 08976');
    expect(text('goi khong tam chin bay sau')).toBe('goi 08976');
    expect(text('wa nol delapan satu dua 345')).toBe('wa 0812345');
    expect(text('โทร ศูนย์แปดเก้าหนึ่งสองสาม')).toBe('โทร 089123');
    expect(text('one two three')).toBe('one two three');
    expect(text('bao ăn ở, năm sau')).toBe('bao ăn ở, năm sau');
  });
});

describe('normalize: text and bare', () => {
  it('gives Vietnamese with and without diacritics the same bare form', () => {
    const a = normalize('Việc nhẹ lương cao, bao ăn ở, liên hệ Zalo. Đi làm ngay!');
    const b = normalize('viec nhe luong cao, bao an o, lien he zalo. di lam ngay!');
    expect(a.bare).toBe(b.bare);
    expect(a.text).toBe('việc nhẹ lương cao, bao ăn ở, liên hệ zalo. đi làm ngay!');
    expect(a.bare.length).toBe(a.text.length);
  });

  it('lower-cases without changing length', () => {
    expect(text('İSTANBUL ÀÉ')).toBe('istanbul àé');
  });

  it('keeps Thai SARA AM composed (Intl.Segmenter needs it) and folds Thai digits', () => {
    expect(text('ทำงาน น้ํา ๐๘๑')).toBe('ทำงาน น้ำ 081');
  });

  it('maps a ligature span to its one original character', () => {
    const n = normalize('ﬁne');
    expect(n.text).toBe('fine');
    expect(toOriginalSpan(n, 0, 1)).toEqual([0, 1]);
    expect(toOriginalSpan(n, 0, 4)).toEqual([0, 3]);
  });

  it('handles the empty string', () => {
    const n = normalize('');
    expect(n.text).toBe('');
    expect(Array.from(n.offsets)).toEqual([0]);
    expect(toOriginalSpan(n, 0, 0)).toEqual([0, 0]);
  });
});

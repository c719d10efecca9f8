import { describe, expect, it } from 'vitest';
import type { Identifier } from '../types.ts';
import { extractIdentifiers } from './index.ts';
import { plainText } from './test-helpers.ts';

function phones(text: string, opts: { country?: string; lang?: string } = {}): Identifier[] {
  return extractIdentifiers(plainText(text), opts).filter((id) => id.kind === 'phone');
}

// Mobile numbers in the formats people write them, local and international, for all ten members.
const ASEAN: Array<[country: string, local: string, international: string, e164: string]> = [
  ['BN', '712 3456', '+673 712 3456', '+6737123456'],
  ['KH', '012 345 678', '+855 12 345 678', '+85512345678'],
  ['KH', '096 123 4567', '+855 96 123 4567', '+855961234567'],
  ['ID', '0812-3456-7890', '+62 812-3456-7890', '+6281234567890'],
  ['ID', '0812-3456-78901', '+62 812 3456 78901', '+62812345678901'],
  ['LA', '020 5512 3456', '+856 20 5512 3456', '+8562055123456'],
  ['MY', '012-345 6789', '+60 12-345 6789', '+60123456789'],
  ['MY', '011-1234 5678', '+60 11-1234 5678', '+601112345678'],
  ['MM', '09 7812 34567', '+95 9 7812 34567', '+959781234567'],
  ['MM', '09 250 123 456', '+95 9 250 123 456', '+959250123456'],
  ['PH', '0917 123 4567', '+63 917 123 4567', '+639171234567'],
  ['SG', '8123 4567', '+65 8123 4567', '+6581234567'],
  ['TH', '081-234-5678', '+66 81 234 5678', '+66812345678'],
  ['VN', '0912 345 678', '+84 912 345 678', '+84912345678'],
  ['VN', '091.234.5678', '(+84) 91 234 5678', '+84912345678'],
];

describe('phones', () => {
  it.each(ASEAN)('%s: %s and %s → %s', (country, local, international, e164) => {
    const post = `Liên hệ / contact ${local} hoặc / or ${international} ngay.`;
    const found = phones(post, { country });
    expect(found.map((p) => p.normalized)).toEqual([e164]);
    expect(found[0]?.spans).toHaveLength(2);
    const [first, second] = found[0]?.spans ?? [];
    expect(first && post.slice(first[0], first[1])).toBe(local);
    expect(second && post.slice(second[0], second[1])).toBe(international);
    expect(found[0]?.details).toMatchObject({ country, type: 'MOBILE' });
  });

  it('takes the default region from the language when no country is given', () => {
    expect(phones('โทร 081-234-5678', { lang: 'th' }).map((p) => p.normalized)).toEqual(['+66812345678']);
    expect(phones('sdt 0912345678', { lang: 'vi' }).map((p) => p.normalized)).toEqual(['+84912345678']);
    expect(phones('WA 0812 3456 7890', { lang: 'id' }).map((p) => p.normalized)).toEqual(['+6281234567890']);
    expect(phones('tel 0917 123 4567', { lang: 'fil' }).map((p) => p.normalized)).toEqual(['+639171234567']);
    expect(phones('微信同号 138 1234 5678', { lang: 'zh' }).map((p) => p.normalized)).toEqual([
      '+8613812345678',
    ]);
  });

  it('reads only international numbers when neither country nor language gives a region', () => {
    expect(phones('call 081-234-5678 or +66 81 234 5679', { lang: 'en' }).map((p) => p.normalized)).toEqual([
      '+66812345679',
    ]);
  });

  it('without a region, reads a national number that only one ASEAN country can have', () => {
    // 12 digits from 08: only an Indonesian mobile; the post is too short to tell its language
    expect(phones('Hubungi 0812-3456-7890').map((p) => p.normalized)).toEqual(['+6281234567890']);
    expect(phones('call 0812 3456 7890', { lang: 'en' }).map((p) => p.normalized)).toEqual([
      '+6281234567890',
    ]);
    // 11 digits from 09: only a Philippine mobile
    expect(phones('txt 0917 123 4567').map((p) => p.normalized)).toEqual(['+639171234567']);
    // 081-234-5678 is a Thai and a Vietnamese mobile: which one, the post does not say
    expect(phones('call 081-234-5678').map((p) => p.normalized)).toEqual([]);
    // nor after an account label: "032.099.6163" would be a Vietnamese mobile, but it is an account
    expect(phones('An.ERNI WATI\nNo Rek. 032.099.6163', { lang: 'en' }).map((p) => p.normalized)).toEqual([]);
    // without the trunk 0 a bare number is no phone ("91234567" could be anything)
    expect(phones('ref 91234567 and 81234567890').map((p) => p.normalized)).toEqual([]);
  });

  it('reads numbers glued to a label and numbers in Thai or Burmese digits', () => {
    expect(phones('SĐT0912345678', { lang: 'vi' }).map((p) => p.normalized)).toEqual(['+84912345678']);
    expect(phones('โทร ๐๘๑-๒๓๔-๕๖๗๘', { lang: 'th' }).map((p) => p.normalized)).toEqual(['+66812345678']);
    expect(phones('ဖုန်း ၀၉ ၇၈၁၂ ၃၄၅၆၇', { lang: 'my' }).map((p) => p.normalized)).toEqual(['+959781234567']);
  });

  it('splits runs that hold more than one number', () => {
    expect(phones('Năm 2024 0912345678', { lang: 'vi' }).map((p) => p.normalized)).toEqual(['+84912345678']);
    expect(phones('0912345678 0987654321', { lang: 'vi' }).map((p) => p.normalized)).toEqual([
      '+84912345678',
      '+84987654321',
    ]);
    // a slash between two numbers lists them; it is not a URL path
    expect(phones('hub: 085217845777/082310204777', { lang: 'id' }).map((p) => p.normalized)).toEqual([
      '+6285217845777',
      '+6282310204777',
    ]);
  });

  it('does not take years, dates, prices, OTP codes or money for phones', () => {
    const posts: Array<[string, string]> = [
      ['Mã OTP của bạn là 123456, hiệu lực đến 27/03/2025 08:09', 'VN'],
      ['Năm 2024-2025 tuyển dụng', 'TH'],
      ['Giá 1.500.000 VND, tổng 19.137.909 VNĐ', 'VN'],
      ['Harga Rp 1.500.000 saja', 'ID'],
      ['ราคา 20242025 บาท', 'TH'],
      ['Gaji 15.000.000 per bulan', 'ID'],
      ['order #12345678 shipped', 'SG'],
      ['tx 0x71c7656ec7ab88b098defb751b7401b5f6d8976f', 'VN'],
    ];
    for (const [post, country] of posts) expect(phones(post, { country }), post).toEqual([]);
  });

  it('does not take meeting IDs, transaction or verification codes for phones', () => {
    // from the shared SMS sets and a Zoom invitation; each number is a valid mobile of the region
    const posts: Array<[string, string]> = [
      ['Tham gia hoac Zoom ID: 848 5318 7652 Passcode: 123456', 'vi'],
      ['Join Zoom Meeting\nMeeting ID: 845 1234 5678', 'vi'],
      ['Ma giao dich 0912345678 thanh cong', 'vi'],
      ['Mã OTP là 0912345678', 'vi'],
      ['Kode transaksi: 081234567890', 'id'],
      ['รหัสยืนยัน 0812345678', 'th'],
    ];
    for (const [post, lang] of posts) expect(phones(post, { lang }), post).toEqual([]);
    // the same numbers after other words are phones
    expect(phones('Zalo: 848 5318 7652', { lang: 'vi' }).map((p) => p.normalized)).toEqual(['+84853187652']);
    expect(phones('Hotline 0912345678 (OTP)', { lang: 'vi' }).map((p) => p.normalized)).toEqual([
      '+84912345678',
    ]);
    expect(phones('Kode: 081234567890', { lang: 'id' }).map((p) => p.normalized)).toEqual(['+6281234567890']);
    // a label that ends a sentence or a line does not reach the number after it
    for (const post of ['Never share this OTP.\n0912345678 called you', 'Doi mat khau. 0912345678'])
      expect(phones(post, { lang: 'vi' }).map((p) => p.normalized)).toEqual(['+84912345678']);
  });

  it('reads a number whose digit groups are parted by emoji', () => {
    const post = 'WA 0812 🔥 3456 🔥 7890 atau 0813📞4567📞8901';
    const found = phones(post, { country: 'ID' });
    expect(found.map((p) => p.normalized)).toEqual(['+6281234567890', '+6281345678901']);
    const [span] = found[0]?.spans ?? [];
    expect(span && post.slice(span[0], span[1])).toBe('0812 🔥 3456 🔥 7890');
    // three emoji in a row part two numbers; a price and a phone stay apart
    expect(phones('0812 🔥🔥🔥 3456 7890', { country: 'ID' })).toEqual([]);
    for (const post of ['Gaji 15.000.000 💰 0812-3456-7890', 'Gaji 1500 💰 0812-3456-7890'])
      expect(phones(post, { country: 'ID' }).map((p) => p.normalized)).toEqual(['+6281234567890']);
  });
});

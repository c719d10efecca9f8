import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from './index.ts';
import { plainText } from './test-helpers.ts';

function accounts(
  text: string,
  opts: { country?: string; lang?: string } = {},
): Array<[string, string, string]> {
  return extractIdentifiers(plainText(text), opts)
    .filter((id) => id.kind === 'bank_account')
    .map((id) => [id.normalized, String(id.details?.bank), id.value]);
}

describe('bank accounts', () => {
  it('pairs account numbers with the bank written next to them, in every order and format', () => {
    expect(accounts('STK: 0123456789 Vietcombank', { lang: 'vi' })).toEqual([
      ['VIETCOMBANK:0123456789', 'Vietcombank', '0123456789 Vietcombank'],
    ]);
    expect(accounts('Transfer ke rekening BCA 1234567890 a.n. Budi', { lang: 'id' })).toEqual([
      ['BCA:1234567890', 'BCA (Bank Central Asia)', 'BCA 1234567890'],
    ]);
    expect(accounts('โอนเข้าบัญชีกสิกร 123-4-56789-0', { lang: 'th' })).toEqual([
      ['KBANK:1234567890', 'Kasikornbank (KBank)', 'กสิกร 123-4-56789-0'],
    ]);
    expect(accounts('ABA account 000 123 456')).toEqual([
      ['ABA:000123456', 'ABA Bank', 'ABA account 000 123 456'],
    ]);
    expect(accounts('Maybank 1234 5678 9012')).toEqual([
      ['MAYBANK:123456789012', 'Maybank', 'Maybank 1234 5678 9012'],
    ]);
    expect(accounts('Số tài khoản 19036543210011 - Techcombank')).toEqual([
      ['TECHCOMBANK:19036543210011', 'Techcombank', '19036543210011 - Techcombank'],
    ]);
  });

  it('gives an e-wallet account as a phone number too', () => {
    const ids = extractIdentifiers(plainText('GCash 0917 123 4567'), {});
    expect(ids.map((i) => [i.kind, i.normalized])).toEqual([
      ['bank_account', 'GCASH:09171234567'],
      ['phone', '+639171234567'],
    ]);
  });

  it('pairs names that are also ordinary words only with an account label', () => {
    expect(accounts('dana 123456789 sudah masuk', { lang: 'id' })).toEqual([]);
    expect(accounts('no rek DANA 081234567890', { lang: 'id' }).map((a) => a[0])).toEqual([
      'DANA:081234567890',
    ]);
  });

  it('reads an account label as a word of the post, not of the window before the bank', () => {
    // one padding puts the window's first character on the "no" of "kasino" or "casino", the "rek"
    // of "direktur" or the "acc" of "tobacco": none is a label
    for (const word of ['kasino', 'casino', 'direktur', 'tobacco']) {
      for (let pad = 1; pad <= 40; pad++) {
        const text = `${word} ${'w'.repeat(pad)} dana 081234567890`;
        expect(accounts(text, { lang: 'id' }), text).toEqual([]);
      }
    }
    expect(accounts(`no rek ${'w'.repeat(10)} dana 081234567890`, { lang: 'id' })).toHaveLength(1);
  });

  it('reads no landline in the number after an account label, but still a mobile (an e-wallet)', () => {
    const phones = (text: string) =>
      extractIdentifiers(plainText(text), { lang: 'id' })
        .filter((i) => i.kind === 'phone')
        .map((i) => i.normalized);
    expect(phones('Tolong kirim 500rb ke no rek 0385-0100-7302 ya')).toEqual([]);
    expect(phones('transfer ke no rek 081234567890 a.n. Budi')).toEqual(['+6281234567890']);
    expect(phones('telp kantor 021-5891174')).toEqual(['+62215891174']);
  });

  it('does not pair a bank with an amount, a far-away number or nothing', () => {
    expect(accounts('Chuyển 5.000.000 vào Vietcombank', { lang: 'vi' })).toEqual([]);
    expect(accounts('Vietcombank là ngân hàng lớn, gọi 0912345678', { lang: 'vi' })).toEqual([]);
    expect(accounts('Pay via BCA or Mandiri')).toEqual([]);
    // a masked account ("9704...1278", "9704…1278") is no account number
    expect(accounts('TK ViettelPay 9704...1278 GD +10.000 VND', { lang: 'vi' })).toEqual([]);
    expect(accounts('TK ViettelPay 9704…1278 GD +10.000 VND', { lang: 'vi' })).toEqual([]);
    // nor is the number that ends the line before "TK <bank>" (two messages of a thread)
    expect(accounts('Vui lòng liên hệ: 0782320830\nTK ViettelPay 9704...1278 GD', { lang: 'vi' })).toEqual(
      [],
    );
    expect(accounts('STK: 0123456789\nNgân hàng: Vietcombank', { lang: 'vi' })).toEqual([
      ['VIETCOMBANK:0123456789', 'Vietcombank', '0123456789\nNgân hàng: Vietcombank'],
    ]);
  });

  it('does not take a transaction code for the account of the bank beside it', () => {
    // sms-id: "Kode transaksi LinkAja: 666707"
    expect(accounts('Kode transaksi LinkAja: 666707', { lang: 'id' })).toEqual([]);
    expect(accounts('Mã GD 2411042852 Vietcombank', { lang: 'vi' })).toEqual([]);
    expect(accounts('Rekening LinkAja: 666707', { lang: 'id' })).toEqual([
      ['LINKAJA:666707', 'LinkAja', 'LinkAja: 666707'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from './index.ts';
import { parseLocalNumber } from './money.ts';
import { plainText } from './test-helpers.ts';

function money(text: string, opts: { country?: string; lang?: string } = {}) {
  return extractIdentifiers(plainText(text), opts)
    .filter((id) => id.kind === 'money')
    .map((id) => ({ normalized: id.normalized, value: id.value, usdPerMonth: id.details?.usdPerMonth }));
}

describe('money and salaries', () => {
  it.each([
    ['$1500/month', '1500 USD/month', 1500],
    ['1.500 USD/tháng', '1500 USD/month', 1500],
    ['lương 30 triệu/tháng', '30000000 VND/month', 1141],
    ['luong 30 trieu/thang', '30000000 VND/month', 1141],
    ['gaji 15 juta per bulan', '15000000 IDR/month', 904],
    ['เงินเดือน 35,000 บาท', '35000 THB/month', 1077],
    ['RM 4,000 sebulan', '4000 MYR/month', 952],
    ['₱50,000 monthly', '50000 PHP/month', 855],
    ['月薪 8000 美元', '8000 USD/month', 8000],
    ['1000$ 1 tuần', '1000 USD/week', 4333],
    ['200 USD per day', '200 USD/day', 5200],
    ['月薪1-2万', '10000-20000 CNY/month', 1408],
    // W for 万 after a salary word; "20W" without one is a watt (below)
    ['月薪1.5W+', '15000 CNY/month', 2113],
    ['月入8000U', '8000 USDT/month', 8000],
    ['lương 15tr', '15000000 VND/month', 570],
    ['mỗi tháng 1.500$', '1500 USD/month', 1500],
    ['လစာ ၁၅၀၀၀ ဘတ်', '15000 THB/month', 462],
    // the pay word after the amount is its period, and is not read again before the next number
    ['3000元日薪干10天', '3000 CNY/day', 10986],
    ['300元日结', '300 CNY/day', 1099],
    // the currencies of the places many of the region's migrant workers go: a dollar that is not
    // the US dollar is read as its own currency, not as "$"
    ['gaji HK$4,990 per bulan', '4990 HKD/month', 640],
    ['salary HK$4,990 per month', '4990 HKD/month', 640],
    ['gaji NT$27.470 per bulan', '27470 TWD/month', 858],
    ['เงินเดือน 27,470 ดอลลาร์ไต้หวัน', '27470 TWD/month', 858],
    ['lương 27.470 Đài tệ/tháng', '27470 TWD/month', 858],
    ['薪水新台币27470元每月', '27470 TWD/month', 858],
    ['lương cơ bản 180.000 yên/tháng', '180000 JPY/month', 1200],
    ['월급 2,000,000원 per month', '2000000 KRW/month', 1429],
  ])('%s → %s', (text, normalized, usdPerMonth) => {
    const found = money(text);
    expect(found.map((m) => m.normalized)).toEqual([normalized]);
    expect(found[0]?.usdPerMonth).toBe(usdPerMonth);
  });

  it('reads W as 万 only after a salary word', () => {
    expect(money('20W快充充电器')).toEqual([]);
    expect(money('底薪加提成 月入2W起').map((m) => m.normalized)).toEqual(['20000 CNY/month']);
  });

  it('marks an amount after a price, rent, instalment or revenue word, and no salary word, as no pay', () => {
    const notPay = (text: string) =>
      extractIdentifiers(plainText(text), {}).find((id) => id.kind === 'money')?.details?.notPay;
    expect(notPay('Cho thuê văn phòng, giá 100 triệu/tháng')).toBe(true);
    expect(notPay('Condo for rent in Bangkok, 85,000 baht per month')).toBe(true);
    expect(notPay('Sewa ruko Rp 75 juta per bulan')).toBe(true);
    expect(notPay('写字楼出租，租金3万美元/月')).toBe(true);
    expect(notPay('lương 3000 USD/tháng, không mất phí')).toBeUndefined();
    // a number between the word and the amount: "phí xuất cảnh 0đ" is the fee, not this amount
    expect(notPay('Chi phí xuất cảnh 0đ, 3000$/tháng')).toBeUndefined();
  });

  it('reads ranges and amounts without a period', () => {
    expect(money('3000-5000 đô')).toEqual([
      { normalized: '3000-5000 USD', value: '3000-5000 đô', usdPerMonth: undefined },
    ]);
    expect(money('Giá 1.500.000đ, tổng 19.137.909 VNĐ').map((m) => m.normalized)).toEqual([
      '1500000 VND',
      '19137909 VND',
    ]);
    expect(money('$1,500 - $3,000 a month').map((m) => m.normalized)).toEqual(['1500-3000 USD/month']);
  });

  it('takes the currency from the country only after a salary word', () => {
    expect(money('Lương: 15.000.000/tháng', { lang: 'vi' }).map((m) => m.normalized)).toEqual([
      '15000000 VND/month',
    ]);
    expect(money('Mã đơn 15.000.000', { lang: 'vi' })).toEqual([]);
  });

  it('does not read "do" (because), hex strings, phone numbers or account numbers as money', () => {
    expect(money('tuyển 30 do thiếu người')).toEqual([]);
    expect(money('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045 USDT')).toEqual([]);
    expect(money('Gaji? hubungi 081234567890', { lang: 'id' })).toEqual([]);
    expect(
      money('เงินเดือน 35,000 บาท บัญชีกสิกร 123-4-56789-0', { lang: 'th' }).map((m) => m.normalized),
    ).toEqual(['35000 THB/month']);
  });

  it('parses local number formats', () => {
    expect(parseLocalNumber('1.500.000')).toBe(1500000);
    expect(parseLocalNumber('1,500,000')).toBe(1500000);
    expect(parseLocalNumber('1 500 000')).toBe(1500000);
    expect(parseLocalNumber('1.500,50')).toBe(1500.5);
    expect(parseLocalNumber('1,500.50')).toBe(1500.5);
    expect(parseLocalNumber('1.5')).toBe(1.5);
    expect(parseLocalNumber('1,5')).toBe(1.5);
    expect(parseLocalNumber('35,000')).toBe(35000);
  });
});

describe('how a currency the post does not write out is guessed', () => {
  it.each([
    ['lương 3000 USD/tháng', 'vi', undefined],
    // in a Vietnamese post a bare "$" is US$
    ['lương 3000$/tháng', 'vi', undefined],
    // in a Chinese or English post it may be HK$, NT$ or S$
    ['月薪$17,500', 'zh', 'dollar-sign'],
    ['salary $3,000 per month', 'en', 'dollar-sign'],
    ['月收10万', 'zh', 'multiplier'],
    // "triệu" is only ever dong
    ['thu nhập 40 triệu', 'vi', undefined],
    ['lương 15.000.000', 'vi', 'country'],
  ])('%s (%s): %s', (text, lang, guess) => {
    const found = extractIdentifiers(plainText(text), { lang }).find((id) => id.kind === 'money');
    expect(found).toBeDefined();
    expect(found?.details?.currencyGuess).toBe(guess);
  });
});

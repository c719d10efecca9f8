import { extractIdentifiers } from './src/screening/identifiers/index.ts';
import { plainText } from './src/screening/identifiers/test-helpers.ts';
const cases: Array<[string, { country?: string; lang?: string }]> = [
  ['Tuyển CSKH làm việc tại Sihanoukville, lương 1500$/tháng. Liên hệ Telegram @tuyendung_cskh hoặc zalo 0912 345 678. t.me/abcdef_jobs', { lang: 'vi' }],
  ['lương 30 triệu/tháng, STK: 0123456789 Vietcombank', { lang: 'vi' }],
  ['gaji 15 juta per bulan, rekening BCA 1234567890, WA 0812-3456-7890', { lang: 'id' }],
  ['เงินเดือน 35,000 บาท บัญชีกสิกร 123-4-56789-0 ไอดีไลน์ abc123 โทร 081-234-5678 ทำงานที่ปอยเปต', { lang: 'th' }],
  ['3000-5000 đô, RM 4,000 sebulan, ₱50,000 monthly, 月薪 8000 美元, 1000$ 1 tuần', {}],
  ['ABA account 000 123 456, Maybank 1234 5678 9012, whatsapp: +66 81 234 5678', {}],
  ['BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa ETH 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045 USDT TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', {}],
  ['Join us: lin.ee/AbCd123, line.me/ti/p/~myline_id, wa.me/84912345678, facebook.com/john.smith.9, tiktok.com/@job.kh, mail hr@jobs-kh.com. https://www.abc.co.th/jobs?id=1', {}],
  ['微信: abc123456 飞机 @kk_recruit 妙瓦底 KK园区 月薪1-2万 8000U/月', { lang: 'zh' }],
  ['Năm 2024, mã OTP 123456, giá 1.500.000đ, 19.137.909 VNĐ', { lang: 'vi' }],
];
for (const [t, o] of cases) {
  console.log('\n>>', t);
  for (const id of extractIdentifiers(plainText(t), o)) console.log(' ', id.kind, JSON.stringify(id.normalized), JSON.stringify(id.value), JSON.stringify(id.spans), id.details ? JSON.stringify(id.details) : '');
}

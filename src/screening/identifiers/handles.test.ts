import { describe, expect, it } from 'vitest';
import type { IdentifierKind } from '../types.ts';
import { extractIdentifiers } from './index.ts';
import { plainText } from './test-helpers.ts';

const HANDLE_KINDS = new Set<IdentifierKind>([
  'telegram',
  'whatsapp',
  'line',
  'zalo',
  'wechat',
  'signal',
  'facebook',
  'tiktok',
]);

function handles(
  text: string,
  opts: { country?: string; lang?: string } = {},
): Array<[string, string, string]> {
  return extractIdentifiers(plainText(text), opts)
    .filter((id) => HANDLE_KINDS.has(id.kind))
    .map((id) => [id.kind, id.normalized, id.value]);
}

describe('chat handles from links', () => {
  it('reads Telegram links: usernames, channels, invites and numbers', () => {
    expect(handles('Join t.me/Tuyen_Dung_KH and https://telegram.me/s/kk_jobs_2024')).toEqual([
      ['telegram', 'tuyen_dung_kh', 't.me/Tuyen_Dung_KH'],
      ['telegram', 'kk_jobs_2024', 'https://telegram.me/s/kk_jobs_2024'],
    ]);
    expect(handles('group t.me/+AbCdEf123_xyz and t.me/joinchat/QwErTy')).toEqual([
      ['telegram', '+AbCdEf123_xyz', 't.me/+AbCdEf123_xyz'],
      ['telegram', '+QwErTy', 't.me/joinchat/QwErTy'],
    ]);
    expect(handles('t.me/share/url?url=x t.me/addstickers/abc')).toEqual([]);
    expect(handles('https://zalo.me/app/link/9auzpq62k1 zalo.me/pc', { lang: 'vi' })).toEqual([]);
    // a label before a link: the link names the account, the label reads no "zalo.me" handle
    expect(handles('zalo:zalo.me/84912345678', { lang: 'vi' })).toEqual([
      ['zalo', '+84912345678', 'zalo.me/84912345678'],
    ]);
  });

  it('turns wa.me, zalo.me and signal.me numbers into the platform identifier and a phone', () => {
    const ids = extractIdentifiers(
      plainText('wa.me/84912345678 zalo.me/0912345678 signal.me/#p/+66812345678'),
      {},
    );
    expect(ids.filter((i) => i.kind !== 'url').map((i) => [i.kind, i.normalized])).toEqual([
      ['phone', '+84912345678'],
      ['whatsapp', '+84912345678'],
      ['zalo', '+84912345678'],
      ['phone', '+66812345678'],
      ['signal', '+66812345678'],
    ]);
  });

  it('reads LINE, Facebook, Messenger and TikTok links', () => {
    expect(handles('line.me/ti/p/~My.Line_ID line.me/R/ti/p/@abc1234 lin.ee/AbCd123')).toEqual([
      ['line', 'my.line_id', 'line.me/ti/p/~My.Line_ID'],
      ['line', 'abc1234', 'line.me/R/ti/p/@abc1234'],
      ['line', 'lin.ee/AbCd123', 'lin.ee/AbCd123'],
    ]);
    expect(
      handles(
        'facebook.com/John.Smith.9 fb.com/johnsmith9 m.me/kkrecruit facebook.com/profile.php?id=100012345678',
      ),
    ).toEqual([
      ['facebook', 'johnsmith9', 'facebook.com/John.Smith.9'],
      ['facebook', 'kkrecruit', 'm.me/kkrecruit'],
      ['facebook', '100012345678', 'facebook.com/profile.php?id=100012345678'],
    ]);
    expect(handles('https://www.tiktok.com/@viec.lam.cam_pu_chia')).toEqual([
      ['tiktok', 'viec.lam.cam_pu_chia', 'https://www.tiktok.com/@viec.lam.cam_pu_chia'],
    ]);
    expect(handles('facebook.com/sharer.php?u=x facebook.com/groups/123456')).toEqual([
      ['facebook', 'groups/123456', 'facebook.com/groups/123456'],
    ]);
    // Facebook's own SMS notices link with fb.com/l.<token>: a sign-in link, not a user
    expect(
      handles('Guntur ingin berhubungan di Facebook:http://fb.com/l.1lnzH4p0lCM7ruG Balas stop'),
    ).toEqual([]);
  });
});

describe('chat handles from labels', () => {
  it('reads Telegram labels and @mentions in a Telegram context', () => {
    expect(handles('Liên hệ Telegram: @TuyenDung_CSKH')).toEqual([
      ['telegram', 'tuyendung_cskh', '@TuyenDung_CSKH'],
    ]);
    expect(handles('tele: kkpark_hr, tg: jobs4you')).toEqual([
      ['telegram', 'kkpark_hr', 'kkpark_hr'],
      ['telegram', 'jobs4you', 'jobs4you'],
    ]);
    expect(handles('Telegram ติดต่อ @thai_jobs_hr')).toEqual([['telegram', 'thai_jobs_hr', '@thai_jobs_hr']]);
    expect(handles('Our Telegram channel is great. DM @recruiter_anna')).toEqual([
      ['telegram', 'recruiter_anna', '@recruiter_anna'],
    ]);
    expect(handles('飞机 @kk_recruit')).toEqual([['telegram', 'kk_recruit', '@kk_recruit']]);
  });

  it('does not take ordinary words after a label, e-mail addresses, or @mentions without a platform', () => {
    expect(handles('Join our Telegram group today')).toEqual([]);
    expect(handles('telegram: contact us')).toEqual([]);
    expect(handles('mail hr@jobs-kh.com for Telegram')).toEqual([]);
    expect(handles('follow @someone for news')).toEqual([]);
    // a mention of the platform itself, or of a common word, names no account
    expect(handles('ติดต่อฝ่ายบริการ@LINE：y412')).toEqual([['line', 'y412', 'y412']]);
    expect(handles('TikTok รายได้เสริม สนใจ@LINK： shorturl.asia/OqEBI')).toEqual([]);
    expect(handles('tele: ab')).toEqual([]);
  });

  it("reads no word of the next paragraph as a label's handle", () => {
    expect(handles('Liên hệ qua Zalo:\nanh_tuan88', { lang: 'vi' })).toEqual([
      ['zalo', 'anh_tuan88', 'anh_tuan88'],
    ]);
    expect(handles('Liên hệ qua Zalo:\n\nApply now, 2024 intake', { lang: 'vi' })).toEqual([]);
    expect(handles('Telegram:\r\n \r\nMarketing team wanted', { lang: 'en' })).toEqual([]);
    expect(handles('Telegram:\u2029Marketing team wanted', { lang: 'en' })).toEqual([]);
    // A number or an @handle is the value still (Indonesian loan SMS: every line a paragraph).
    expect(handles('Untuk Info\n\nWhatsApp\n\n+6282359377377', { lang: 'id' })).toEqual([
      ['whatsapp', '+6282359377377', '+6282359377377'],
    ]);
    expect(handles('Telegram:\n\n@kk_jobs', { lang: 'en' })).toEqual([['telegram', 'kk_jobs', '@kk_jobs']]);
    // On the next line only a word that looks like a handle (two SMS joined in a thread: the second
    // one's first word is not the first one's Zalo account)
    expect(handles('Lien he: 0949981717, Zalo:\nPROMO: Beli paket', { lang: 'vi' })).toEqual([]);
    expect(handles('Zalo:\nanh_tuan88', { lang: 'vi' })).toEqual([['zalo', 'anh_tuan88', 'anh_tuan88']]);
  });

  it('gives the number after a chat label to the platform and as a phone', () => {
    const ids = extractIdentifiers(plainText('whatsapp: +66 81 234 5678, zalo 0912 345 678'), { lang: 'en' });
    expect(ids.map((i) => [i.kind, i.normalized, i.value])).toEqual([
      ['phone', '+66812345678', '+66 81 234 5678'],
      ['whatsapp', '+66812345678', '+66 81 234 5678'],
      ['phone', '+84912345678', '0912 345 678'],
      ['zalo', '+84912345678', '0912 345 678'],
    ]);
    // Indonesian "WA 62812..." without +: the country code is read as such
    expect(handles('Hubungi WA 6281234567890', { lang: 'en' })).toEqual([
      ['whatsapp', '+6281234567890', '6281234567890'],
    ]);
    // a number written right after the label, with no space
    expect(handles('liên hệ zalo0912345678', { lang: 'vi' })).toEqual([
      ['zalo', '+84912345678', '0912345678'],
    ]);
    expect(handles('Info lanjut hubungi WA081234567890 admin', { lang: 'id' })).toEqual([
      ['whatsapp', '+6281234567890', '081234567890'],
    ]);
    expect(handles('line1 wa2 tele2024 zalo123abc', { lang: 'vi' })).toEqual([]);
    // one number for two apps
    expect(
      handles('Zalo/Tele: 0912345678', { lang: 'vi' })
        .map((h) => h[0])
        .sort(),
    ).toEqual(['telegram', 'zalo']);
  });

  it('reads LINE, WeChat and TikTok labels in local scripts', () => {
    expect(handles('ไอดีไลน์ abc123 สนใจทักมา')).toEqual([['line', 'abc123', 'abc123']]);
    expect(handles('แอดไลน์ @jobthai99')).toEqual([['line', 'jobthai99', '@jobthai99']]);
    expect(handles('line id: my.line-id')).toEqual([['line', 'my.line-id', 'my.line-id']]);
    expect(handles('微信: WX_job2024 联系')).toEqual([['wechat', 'wx_job2024', 'WX_job2024']]);
    expect(handles('vx: abcdef123, wechat: kkjobs88')).toEqual([
      ['wechat', 'abcdef123', 'abcdef123'],
      ['wechat', 'kkjobs88', 'kkjobs88'],
    ]);
    expect(handles('tiktok: @job.cambodia')).toEqual([['tiktok', 'job.cambodia', '@job.cambodia']]);
  });

  it('reads attested local-script and slang spellings of Facebook, TikTok, WhatsApp and WeChat', () => {
    // Lao (ເຟສ alone is weak: also the loanword for 'phase')
    expect(handles('ເຟສບຸກ: khamla.vongsa')).toEqual([['facebook', 'khamlavongsa', 'khamla.vongsa']]);
    expect(handles('ຕິດຕໍ່ ເຟຊບຸກ lao.jobs.vte')).toEqual([['facebook', 'laojobsvte', 'lao.jobs.vte']]);
    expect(handles('ເຟດບຸກ @laojobs2024')).toEqual([['facebook', 'laojobs2024', '@laojobs2024']]);
    expect(handles('ເຟສ: khamla.99')).toEqual([['facebook', 'khamla99', 'khamla.99']]);
    expect(handles('ເຟສ laojobs')).toEqual([]);
    // Khmer
    expect(handles('ហ្វេសប៊ុក: kh.jobs.2024')).toEqual([['facebook', 'khjobs2024', 'kh.jobs.2024']]);
    expect(handles('ទិកតុក @kh_jobs')).toEqual([['tiktok', 'kh_jobs', '@kh_jobs']]);
    expect(handles('តិកតុក kh.job88')).toEqual([['tiktok', 'kh.job88', 'kh.job88']]);
    // Burmese
    expect(handles('ဖေ့စ်ဘွတ်ခ် mm.jobs.99')).toEqual([['facebook', 'mmjobs99', 'mm.jobs.99']]);
    expect(handles('တစ်ခ်တော့ခ် @mm_jobs')).toEqual([['tiktok', 'mm_jobs', '@mm_jobs']]);
    // Thai (เมสเซนเจอร์, Messenger, is left out: in job posts it is also a courier)
    expect(handles('วอทส์แอป 0812345678', { lang: 'th' })).toEqual([
      ['whatsapp', '+66812345678', '0812345678'],
    ]);
    expect(handles('แอดวีแชท wxid_job2024')).toEqual([['wechat', 'wxid_job2024', 'wxid_job2024']]);
    expect(handles('รับสมัครเมสเซนเจอร์ 0812345678', { lang: 'th' })).toEqual([]);
    // Vietnamese and Filipino slang (weak)
    expect(handles('Inbox phây búc: viec.lam.88', { lang: 'vi' })).toEqual([
      ['facebook', 'vieclam88', 'viec.lam.88'],
    ]);
    expect(handles('kênh tóp tóp: @viec.lam.cpc', { lang: 'vi' })).toEqual([
      ['tiktok', 'viec.lam.cpc', '@viec.lam.cpc'],
    ]);
    expect(handles('xem tóp tóp hay', { lang: 'vi' })).toEqual([]);
    expect(handles('Message us on Peysbuk: juan.trabaho', { lang: 'fil' })).toEqual([
      ['facebook', 'juantrabaho', 'juan.trabaho'],
    ]);
  });
});

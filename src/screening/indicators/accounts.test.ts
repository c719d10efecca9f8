import { describe, expect, it } from 'vitest';
import { loadScreeningModel } from '../default-model.ts';
import { analyzePost, screenPost } from '../pipeline.ts';
import type { Span } from '../types.ts';

// A hotspot's name inside a chat handle, a link, an e-mail address or a domain is an account's or a
// page's name: neither the hotspot red flag nor a place identifier (../identifiers/accounts.ts).

function read(text: string, lang?: string) {
  const a = analyzePost(lang ? { text, lang } : { text });
  const slice = (s: Span) => text.slice(s[0], s[1]);
  return {
    hotspots: a.indicators
      .filter((i) => i.category === 'hotspot_destination')
      .flatMap((i) => i.spans.map(slice)),
    places: a.identifiers.filter((i) => i.kind === 'place').flatMap((i) => i.spans.map(slice)),
    accounts: a.identifiers
      .filter((i) => i.kind !== 'place' && i.kind !== 'money')
      .map((i) => `${i.kind}:${i.normalized}`),
  };
}

describe('hotspots inside handles and links', () => {
  it.each([
    ['Tuyển nhân viên CSKH lương cao, liên hệ telegram @myawaddy_job', 'vi', 'telegram:myawaddy_job'],
    ['Job abroad, high salary, no experience. Contact t.me/kk_park_hr', 'en', 'telegram:kk_park_hr'],
    ['Hiring typists, salary 1500 USD. Telegram: sihanoukville_jobs', 'en', 'telegram:sihanoukville_jobs'],
    [
      'Apply now: https://facebook.com/groups/sihanoukville-jobs salary 3000 USD',
      'en',
      'url:facebook.com/groups/sihanoukville-jobs',
    ],
    ['Send your CV to hr@kkpark-jobs.com, good salary', 'en', 'email:hr@kkpark-jobs.com'],
    ['รับสมัครพนักงาน เงินเดือนดี สมัครที่ www.myawaddy-jobs.com', 'th', 'domain:myawaddy-jobs.com'],
  ])('does not read the hotspot in %s', (text, lang, account) => {
    const found = read(text, lang);
    expect(found.accounts).toContain(account);
    expect(found.hotspots).toEqual([]);
    expect(found.places).toEqual([]);
  });

  it('still reads a hotspot the post names in its own words beside one in a handle', () => {
    const found = read('Việc nhẹ lương cao ở Myawaddy, liên hệ telegram @myawaddy_job', 'vi');
    expect(found.hotspots).toEqual(['Myawaddy']);
    expect(found.places).toEqual(['Myawaddy']);
    expect(found.accounts).toContain('telegram:myawaddy_job');
  });

  it('still reads a hotspot after a chat label when it is no handle', () => {
    expect(read('Work in KK Park, high salary, contact Telegram', 'en').hotspots).toEqual(['KK Park']);
    expect(read('Tuyển người đi làm Campuchia lương cao, liên hệ Zalo 0912345678', 'vi').hotspots).toEqual([
      'Campuchia',
    ]);
  });

  it('leaves an office job whose only hotspot is in its contact handle low', () => {
    const level = (text: string) => screenPost(loadScreeningModel(), { text, lang: 'vi' }).level;
    expect(level('Tuyển nhân viên văn phòng, liên hệ telegram @myawaddy_job')).toBe('low');
    expect(level('Tuyển nhân viên văn phòng đi Myawaddy, liên hệ telegram @tuyendung_job')).toBe('medium');
  });
});

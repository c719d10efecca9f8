import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from './index.ts';
import { registrableDomain } from './links.ts';
import { plainText } from './test-helpers.ts';

function links(text: string): Array<[string, string, string]> {
  return extractIdentifiers(plainText(text), {})
    .filter((id) => id.kind === 'url' || id.kind === 'domain' || id.kind === 'email')
    .map((id) => [id.kind, id.normalized, id.value]);
}

describe('urls, domains and e-mail addresses', () => {
  it('finds fuzzy and schemed links, lower-cases the host and keeps the path as written', () => {
    expect(links('Apply at WWW.Jobs-KH.com/Apply?ref=AbC, thanks!')).toEqual([
      ['domain', 'jobs-kh.com', 'WWW.Jobs-KH.com/Apply?ref=AbC'],
      ['url', 'www.jobs-kh.com/Apply?ref=AbC', 'WWW.Jobs-KH.com/Apply?ref=AbC'],
    ]);
    expect(links('https://bit.ly/3xYzAbC')).toEqual([['url', 'bit.ly/3xYzAbC', 'https://bit.ly/3xYzAbC']]);
  });

  it('gives the registrable domain under second-level country domains and shared hosting', () => {
    expect(registrableDomain('careers.abc.co.th')).toBe('abc.co.th');
    expect(registrableDomain('www.viec-lam.com.vn')).toBe('viec-lam.com.vn');
    expect(registrableDomain('loker.go.id')).toBe('loker.go.id');
    expect(registrableDomain('kkjobs.blogspot.com')).toBe('kkjobs.blogspot.com');
    expect(registrableDomain('a.b.example.org')).toBe('example.org');
  });

  it('finds links glued to Thai or Chinese text without taking the text into the link', () => {
    expect(links('สมัครที่jobs-th.net/applyครับ')).toEqual([
      ['domain', 'jobs-th.net', 'jobs-th.net/apply'],
      ['url', 'jobs-th.net/apply', 'jobs-th.net/apply'],
    ]);
    expect(links('网址abc-job.cc联系')).toEqual([
      ['domain', 'abc-job.cc', 'abc-job.cc'],
      ['url', 'abc-job.cc', 'abc-job.cc'],
    ]);
  });

  it('finds e-mail addresses, lower-cased', () => {
    expect(links('CV to HR.Team@Jobs-KH.com.')).toEqual([
      ['email', 'hr.team@jobs-kh.com', 'HR.Team@Jobs-KH.com'],
    ]);
  });

  it('does not report a separate domain for chat and social platforms', () => {
    expect(links('t.me/abcdef facebook.com/jobs.kh').map((l) => l[0])).toEqual(['url', 'url']);
  });

  it('does not take sentence ends, decimals, file names or abbreviations for links', () => {
    expect(links('Lương 1.5 triệu. Gửi file cv.pdf hoặc tới TP.HCM ngay.Cảm ơn')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { nameTokens, type SearchKeys } from '../search-keys.ts';
import { birthFacts, compareBirth, compareNames, type Probe, scoreCandidate } from './score.ts';

const keys: SearchKeys = {
  nameTokens: Buffer.alloc(32, 1),
  birthdate: Buffer.alloc(32, 2),
  identityNumber: Buffer.alloc(32, 3),
  phone: Buffer.alloc(32, 4),
  pseudonym: Buffer.alloc(32, 5),
};
const tokens = (...names: string[]) => nameTokens(keys, names);
const probe = (over: Partial<Probe> = {}): Probe => ({
  tokens: '',
  birthdateKey: null,
  identityNumberKey: null,
  phoneKeys: [],
  birth: { date: null, years: null },
  ...over,
});

describe('name tokens in reading order', () => {
  it('keep a name part as one contiguous run inside the full name (what pg_trgm <% needs)', () => {
    expect(tokens('Nguyễn Thị Đào')).toContain(tokens('Dao'));
    expect(tokens('Nguyễn Thị Đào')).toContain(tokens('Nguyen Thi'));
    expect(tokens('สมชาย ใจดี')).toContain(tokens('ใจดี'));
  });
});

describe('compareNames', () => {
  it('gives similarity over the token sets and containment of the shorter name', () => {
    expect(compareNames(tokens('Nguyen Thi Dao'), tokens('Dao Nguyen Thi'))).toEqual({
      similarity: 1,
      containment: 1,
    });
    const given = compareNames(tokens('Dao'), tokens('Nguyen Thi Dao'));
    expect(given.containment).toBe(1);
    expect(given.similarity).toBeLessThan(0.35);
    expect(compareNames(tokens('Somchai'), tokens('Nguyen Thi Dao')).similarity).toBe(0);
    expect(compareNames('', tokens('Dao'))).toEqual({ similarity: 0, containment: 0 });
  });
});

describe('birth dates', () => {
  it('turn an age at registration into the two possible birth years', () => {
    expect(birthFacts({ birthdate: null, ageAtRegistration: 30, registeredOn: '2025-02-14' })).toEqual({
      date: null,
      years: [1994, 1995],
    });
    expect(
      birthFacts({ birthdate: '1990-01-02', ageAtRegistration: 35, registeredOn: '2025-02-14' }).date,
    ).toBe('1990-01-02');
  });

  it('match exactly, within a year of an estimate, or differ', () => {
    const date = (d: string) => ({ date: d, years: null });
    const age = (years: [number, number]) => ({ date: null, years });
    expect(compareBirth(date('1990-01-02'), date('1990-01-02'))).toBe('exact');
    expect(compareBirth(date('1990-01-02'), date('1990-02-01'))).toBe('differs');
    expect(compareBirth(date('1990-01-02'), age([1990, 1991]))).toBe('year_within_one');
    expect(compareBirth(date('1989-12-31'), age([1990, 1991]))).toBe('year_within_one');
    expect(compareBirth(date('1987-12-31'), age([1990, 1991]))).toBeNull();
    expect(compareBirth(date('1984-12-31'), age([1990, 1991]))).toBe('differs');
    expect(compareBirth(age([1994, 1995]), age([1996, 1997]))).toBe('year_within_one');
    expect(compareBirth({ date: null, years: null }, date('1990-01-02'))).toBeNull();
  });
});

describe('scoreCandidate', () => {
  const name = tokens('Nguyen Thi Dao');
  it('keeps a name alone at medium, and makes it high with a matching birth date, number or phone', () => {
    expect(scoreCandidate(probe({ tokens: name }), probe({ tokens: name }))).toMatchObject({
      score: 0.6,
      level: 'medium',
    });
    const withBirth = scoreCandidate(
      probe({ tokens: name, birth: { date: '2003-06-30', years: null } }),
      probe({ tokens: name, birth: { date: '2003-06-30', years: null } }),
    );
    expect(withBirth).toMatchObject({ score: 0.9, level: 'high' });
    expect(withBirth.reasons.map((r) => r.signal)).toEqual(['name', 'birthdate']);
    const byNumber = scoreCandidate(
      probe({ tokens: tokens('Dao'), identityNumberKey: 'k' }),
      probe({ tokens: name, identityNumberKey: 'k' }),
    );
    expect(byNumber.level).toBe('high');
    expect(byNumber.reasons).toEqual([
      { signal: 'name', similarity: expect.any(Number), containment: 1, weight: 0.48 },
      { signal: 'identity_number', weight: 0.45 },
    ]);
  });

  it('counts a phone or identity number alone, lowers different birth dates, and stays within 0 and 1', () => {
    expect(scoreCandidate(probe({ phoneKeys: ['p1', 'p2'] }), probe({ phoneKeys: ['p2'] }))).toMatchObject({
      score: 0.3,
      level: 'low',
      reasons: [{ signal: 'phone', weight: 0.3 }],
    });
    const differ = scoreCandidate(
      probe({ tokens: name, birth: { date: '2003-06-30', years: null } }),
      probe({ tokens: name, birth: { date: '1980-01-01', years: null } }),
    );
    expect(differ).toMatchObject({ score: 0.45, level: 'medium' });
    const everything = probe({
      tokens: name,
      birthdateKey: 'b',
      identityNumberKey: 'i',
      phoneKeys: ['p'],
      birth: { date: '2003-06-30', years: null },
    });
    expect(scoreCandidate(everything, everything).score).toBe(1);
    expect(scoreCandidate(probe(), probe()).score).toBe(0);
  });
});

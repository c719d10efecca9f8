import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../platform/paths.ts';
import {
  banks,
  chatApps,
  DataFileError,
  hotspots,
  moneyWords,
  parseBanks,
  parseHotspots,
  parseRates,
  usdRates,
} from './data.ts';

function json(...parts: string[]): unknown {
  return JSON.parse(readFileSync(repoPath(...parts), 'utf8'));
}

describe('data files', () => {
  it('load and validate', () => {
    expect(hotspots().places.length).toBeGreaterThan(15);
    expect(banks().banks.length).toBeGreaterThan(50);
    expect(Object.keys(chatApps().platforms)).toHaveLength(8);
    expect(moneyWords().currencies.THB).toBeDefined();
    expect(usdRates().rates.VND).toBeGreaterThan(1000);
  });

  it('cover the ten ASEAN member states', () => {
    const countries = new Set(banks().banks.map((b) => b.country));
    for (const c of ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'])
      expect(countries, c).toContain(c);
    const currencies = Object.keys(moneyWords().currencies);
    for (const c of ['BND', 'KHR', 'IDR', 'LAK', 'MYR', 'MMK', 'PHP', 'SGD', 'THB', 'VND'])
      expect(currencies).toContain(c);
    for (const c of currencies) expect(usdRates().rates[c], c).toBeGreaterThan(0);
  });

  it('name the bad entry and field when a place is invalid', () => {
    const data = json('data', 'gazetteer', 'hotspots.json');
    if (typeof data !== 'object' || data === null || !('places' in data) || !Array.isArray(data.places))
      throw new Error();
    const broken = structuredClone(data);
    broken.places[1].aliases.km = [''];
    expect(() => parseHotspots(broken)).toThrow(DataFileError);
    expect(() => parseHotspots(broken)).toThrow(
      /places\[1\] \(id "bavet"\)\.aliases\.km\[0\]: must not be empty/,
    );
    const unknownSource = structuredClone(data);
    unknownSource.places[0].sources = ['no-such-report'];
    expect(() => parseHotspots(unknownSource)).toThrow(
      /id "sihanoukville"\)\.sources: unknown source "no-such-report"/,
    );
  });

  it('reject a bank whose weak alias is not an alias, and rates that are not per US dollar', () => {
    const data = json('data', 'gazetteer', 'banks.json');
    if (typeof data !== 'object' || data === null || !('banks' in data) || !Array.isArray(data.banks))
      throw new Error();
    const broken = structuredClone(data);
    broken.banks[0].weakAliases = ['nope'];
    expect(() => parseBanks(broken)).toThrow(/banks\[0\] \(id "vietcombank"\)\.weakAliases: "nope"/);
    expect(() =>
      parseRates({ asOf: '2026-11-01', source: 's', note: 'n', rates: { USD: 1, THB: -3 } }),
    ).toThrow(/rates\.THB: must be a positive number/);
    expect(() => parseRates({ asOf: 'yesterday', source: 's', note: 'n', rates: { USD: 1 } })).toThrow(
      /asOf/,
    );
  });
});

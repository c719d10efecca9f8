import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';
import {
  banks,
  chatApps,
  codeLabels,
  DataFileError,
  hotspots,
  moneyWords,
  parseBanks,
  parseChatApps,
  parseCodeLabels,
  parseHotspots,
  parseRates,
  usdRates,
} from './data.ts';

function json(...parts: string[]): unknown {
  return JSON.parse(readFileSync(repoPath(...parts), 'utf8'));
}

/** Just enough of each file's shape to break one field of it; every other key is kept as it is. */
const jsonObject = z.record(z.string(), z.unknown());
const hotspotsJson = z.looseObject({ places: z.array(z.looseObject({ aliases: jsonObject })) });
const banksJson = z.looseObject({ banks: z.array(jsonObject) });
const chatAppsJson = z.looseObject({ attestations: z.array(z.looseObject({ labels: z.array(z.string()) })) });

function entry<T>(list: readonly T[], index: number): T {
  const found = list[index];
  if (found === undefined) throw new Error(`the data file has no entry ${index}`);
  return found;
}

describe('data files', () => {
  it('load and validate', () => {
    expect(hotspots().places.length).toBeGreaterThan(15);
    expect(banks().banks.length).toBeGreaterThan(50);
    expect(Object.keys(chatApps().platforms)).toHaveLength(8);
    expect(moneyWords().currencies.THB).toBeDefined();
    expect(usdRates().rates.VND).toBeGreaterThan(1000);
    expect(codeLabels().labels.en).toContain('meeting id');
  });

  it('reject code labels in a language Jaring does not screen, or empty', () => {
    const data = z.looseObject({ labels: jsonObject }).parse(json('data', 'gazetteer', 'code-labels.json'));
    expect(() => parseCodeLabels({ ...data, labels: { ...data.labels, ru: ['пароль'] } })).toThrow(/labels/);
    expect(() => parseCodeLabels({ ...data, labels: { ...data.labels, vi: [' '] } })).toThrow(
      /labels\.vi\[0\]: must not be empty/,
    );
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
    const data = hotspotsJson.parse(json('data', 'gazetteer', 'hotspots.json'));
    const broken = structuredClone(data);
    entry(broken.places, 1).aliases.km = [''];
    expect(() => parseHotspots(broken)).toThrow(DataFileError);
    expect(() => parseHotspots(broken)).toThrow(
      /places\[1\] \(id "bavet"\)\.aliases\.km\[0\]: must not be empty/,
    );
    const unknownSource = structuredClone(data);
    entry(unknownSource.places, 0).sources = ['no-such-report'];
    expect(() => parseHotspots(unknownSource)).toThrow(
      /id "sihanoukville"\)\.sources: unknown source "no-such-report"/,
    );
  });

  it('reject a bank whose weak alias is not an alias, and rates that are not per US dollar', () => {
    const data = banksJson.parse(json('data', 'gazetteer', 'banks.json'));
    const broken = structuredClone(data);
    entry(broken.banks, 0).weakAliases = ['nope'];
    expect(() => parseBanks(broken)).toThrow(/banks\[0\] \(id "vietcombank"\)\.weakAliases: "nope"/);
    expect(() =>
      parseRates({ asOf: '2026-11-01', source: 's', note: 'n', rates: { USD: 1, THB: -3 } }),
    ).toThrow(/rates\.THB: must be a positive number/);
    expect(() => parseRates({ asOf: 'yesterday', source: 's', note: 'n', rates: { USD: 1 } })).toThrow(
      /asOf/,
    );
  });

  it('reject a chat-app attestation of a label no platform has', () => {
    const data = chatAppsJson.parse(json('data', 'gazetteer', 'chat-apps.json'));
    expect(parseChatApps(data).attestations.length).toBeGreaterThan(0);
    const broken = structuredClone(data);
    entry(broken.attestations, 0).labels = ['nope'];
    expect(() => parseChatApps(broken)).toThrow(
      /attestations\[0\]\.labels: "nope" is not a label of any platform/,
    );
    const noUrl = structuredClone(data);
    Object.assign(entry(noUrl.attestations, 0), { url: 'not a url' });
    expect(() => parseChatApps(noUrl)).toThrow(/attestations\[0\]\.url/);
  });
});

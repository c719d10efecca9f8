import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_SCRIPT } from '../../../test/helpers/scripts.ts';
import { tempDir } from '../../../test/helpers/temp.ts';
import { type SetFile, setFileSchema } from './data-schema.ts';
import { IDENTIFICATION_DIR, IdentificationDataError, loadIdentificationCatalog } from './load.ts';
import { scoreSet } from './score.ts';
import { type Answer, LANGS, type Labels } from './types.ts';

// The data files: what ships is complete and sourced, and a broken file (bundled or national) is
// refused with a message naming the file and the entry.

const catalog = loadIdentificationCatalog();

/** A copy of data/identification with one set file changed. */
function dataWith(file: string, change: (parsed: SetFile) => void): string {
  const dir = tempDir('ident');
  cpSync(IDENTIFICATION_DIR, dir, { recursive: true });
  const parsed = setFileSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  change(parsed);
  writeFileSync(join(dir, file), JSON.stringify(parsed));
  return dir;
}

function nationalFile(content: object): string {
  const file = join(tempDir('national'), 'national.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const loadError = (options: Parameters<typeof loadIdentificationCatalog>[0]) => {
  try {
    loadIdentificationCatalog(options);
  } catch (error) {
    if (error instanceof IdentificationDataError) return error.message;
    throw error;
  }
  throw new Error('expected the data to be refused');
};

// Each non-Latin language's labels must be in its script, and in no other of these scripts.
function checkLabels(labels: Labels, where: string) {
  for (const lang of LANGS) {
    const text = labels[lang];
    expect(text, `${where} ${lang}`).toEqual(expect.any(String));
    for (const [other, script] of Object.entries(OWN_SCRIPT)) {
      expect(script.test(text ?? ''), `${where} ${lang} vs ${other}: ${text}`).toBe(lang === other);
    }
  }
}

describe('the bundled indicator sets', () => {
  it('has the ILO 11, the four ILO–EC lists and the forced-criminality set', () => {
    const size = (id: string) => catalog.sets.get(id)?.indicators.length;
    expect(size('ilo-forced-labour-11')).toBe(11);
    expect(size('delphi-adults-labour')).toBe(67);
    expect(size('delphi-children-labour')).toBe(65);
    expect(size('delphi-adults-sexual')).toBe(67);
    expect(size('delphi-children-sexual')).toBe(65);
    expect(size('forced-criminality-online-scams')).toBeGreaterThanOrEqual(12);
    for (const id of ['delphi-adults-labour', 'delphi-children-labour']) {
      expect(catalog.sets.get(id)?.dimensions.map((d) => d.id)).toEqual([
        'deceptive_recruitment',
        'coercive_recruitment',
        'recruitment_abuse_of_vulnerability',
        'exploitative_conditions',
        'coercion_at_destination',
        'abuse_of_vulnerability_at_destination',
      ]);
    }
  });

  it('keeps the sexual-exploitation lists disabled until they are transcribed from the source', () => {
    for (const id of ['delphi-adults-sexual', 'delphi-children-sexual']) {
      expect(catalog.sets.get(id)).toMatchObject({ enabled: false, verification: { status: 'unchecked' } });
    }
  });

  it('cites a known source for every indicator, rule and outcome, and quotes ACTIP Art. 14(7)', () => {
    for (const set of catalog.sets.values()) {
      const cites = [
        ...set.cites,
        ...set.indicators.flatMap((x) => x.cites),
        ...set.dimensions.flatMap((d) => d.rule.cites),
        ...set.outcomes.flatMap((o) => o.cites),
      ];
      for (const cite of cites)
        expect(catalog.sources.has(cite.source), `${set.id}: ${cite.source}`).toBe(true);
      for (const x of set.indicators) expect(x.cites.length, x.id).toBeGreaterThan(0);
    }
    expect(catalog.nonPunishment.article).toBe('Article 14(7)');
    // The flag names the instrument and article in the reader's language, every language.
    for (const lang of LANGS) {
      expect(catalog.nonPunishment.names.instrument[lang], lang).toMatch(/ACTIP/);
      expect(catalog.nonPunishment.names.article[lang], lang).toMatch(/14|១៤|၁၄/);
    }
    expect(catalog.nonPunishment.names.article.th).toBe('ข้อ 14(7)');
    expect(catalog.sources.get('actip-2015')?.quotes).toContain(catalog.nonPunishment.cites[0]?.quote);
  });

  it('quotes every cited passage verbatim from its source', () => {
    const quoted = [...catalog.sets.values()].flatMap((s) => [
      ...s.indicators.flatMap((x) => x.cites),
      ...s.dimensions.flatMap((d) => d.rule.cites),
    ]);
    for (const cite of quoted) {
      if (cite.quote === undefined) continue;
      expect(catalog.sources.get(cite.source)?.quotes, cite.quote).toContain(cite.quote);
    }
  });

  it('labels every set, dimension, indicator and outcome in the ten languages, each in its own script', () => {
    for (const set of catalog.sets.values()) {
      checkLabels(set.labels, set.id);
      for (const d of set.dimensions) checkLabels(d.labels, `${set.id} ${d.id}`);
      for (const x of set.indicators) {
        checkLabels(x.labels, `${set.id} ${x.id}`);
        expect(x.explanation.en.length, x.id).toBeGreaterThan(20);
      }
      for (const o of set.outcomes) checkLabels(o.labels, `${set.id} ${o.id}`);
    }
    checkLabels(catalog.nonPunishment.labels, 'non-punishment');
  });

  it('explains every indicator and states every rule and outcome in the ten languages, each in its own script', () => {
    for (const set of catalog.sets.values()) {
      for (const x of set.indicators) checkLabels(x.explanation, `${set.id} ${x.id} explanation`);
      for (const d of set.dimensions) checkLabels(d.rule.text, `${set.id} ${d.id} rule`);
      for (const [id, rule] of set.rules) checkLabels(rule.text, `${set.id} rule ${id}`);
      for (const o of set.outcomes) checkLabels(o.text, `${set.id} ${o.id} text`);
    }
    checkLabels(catalog.nonPunishment.explanation, 'non-punishment explanation');
  });
});

describe('a broken data file is refused, naming the file and the entry', () => {
  it('refuses an indicator in an unknown dimension', () => {
    const dir = dataWith('ilo-ec-delphi-2009.json', (file) => {
      const entry = file.sets[0]?.indicators[0];
      if (entry) entry.dimension = 'nonexistent';
    });
    expect(loadError({ dir })).toMatch(
      /ilo-ec-delphi-2009\.json: set delphi-adults-labour indicator dr_deceived_nature_of_job: unknown dimension "nonexistent"/,
    );
  });

  it('refuses an indicator without a source, and one citing an unknown source', () => {
    const none = dataWith('ilo-forced-labour-2012.json', (file) => {
      const entry = file.catalogue.fl_deception;
      if (entry) entry.cites = [];
    });
    expect(loadError({ dir: none })).toMatch(
      /ilo-forced-labour-2012\.json: catalogue\.fl_deception\.cites: needs at least one source citation/,
    );
    const unknown = dataWith('ilo-forced-labour-2012.json', (file) => {
      const entry = file.catalogue.fl_deception;
      if (entry) entry.cites = [{ source: 'nowhere-2020' }];
    });
    expect(loadError({ dir: unknown })).toMatch(
      /ilo-forced-labour-2012\.json: catalogue\.fl_deception\.cites\.0: unknown source "nowhere-2020"/,
    );
  });

  it('refuses a strength-counting rule over indicators without a strength', () => {
    const dir = dataWith('ilo-ec-delphi-2009.json', (file) => {
      const entry = file.sets[1]?.indicators[3];
      if (entry) entry.strength = undefined;
    });
    expect(loadError({ dir })).toMatch(
      /set delphi-children-labour indicator dr_deceived_contract: needs a strength/,
    );
  });

  it('refuses a file that is not JSON', () => {
    const dir = dataWith('forced-criminality-2023.json', () => {});
    writeFileSync(join(dir, 'forced-criminality-2023.json'), '{ "version": 1, ');
    expect(loadError({ dir })).toMatch(/forced-criminality-2023\.json: not valid JSON/);
  });
});

describe('a national indicator file', () => {
  const base = { id: 'th-test', country: 'TH', version: 2, updated: '2025-11-22' };
  const cite = [{ source: 'th-dsdw-2025', section: 'Annex 1' }];
  const source = {
    id: 'th-dsdw-2025',
    publisher: 'Example national authority',
    title: 'National screening form for victims of trafficking (test fixture)',
    year: 2025,
    url: 'https://example.org/national-form.pdf',
    lang: 'th',
    quotes: ['Test fixture: not a real publication.'],
  };

  it('changes a rule threshold, adds and removes indicators, and marks the version', () => {
    const file = nationalFile({
      ...base,
      sources: [source],
      rules: {
        'th-one-strong': {
          anyOf: [{ strong: 1 }],
          text: { en: 'One strong indicator suffices at destination (national rule).' },
          origin: 'national',
          cites: cite,
        },
      },
      catalogue: {
        th_online_recruiter: {
          labels: { en: 'Recruited by an unlicensed online agent' },
          explanation: { en: 'The recruiter had no licence from the national employment department.' },
          cites: cite,
        },
      },
      patches: [
        {
          set: 'delphi-adults-labour',
          dimensionRules: { coercion_at_destination: 'th-one-strong' },
          addIndicators: [
            {
              id: 'dr_th_online_recruiter',
              ref: 'th_online_recruiter',
              dimension: 'deceptive_recruitment',
              strength: 'medium',
            },
          ],
          removeIndicators: ['dr_deceived_family_reunification'],
        },
      ],
    });
    const national = loadIdentificationCatalog({ nationalFile: file });
    const set = national.sets.get('delphi-adults-labour');
    if (!set) throw new Error('set missing');
    expect(set.version).toBe('1.0.1+th-test.2');
    expect(national.national).toMatchObject({ id: 'th-test', version: 2, country: 'TH' });
    expect(set.indicators.map((x) => x.id)).toContain('dr_th_online_recruiter');
    expect(set.indicators.map((x) => x.id)).not.toContain('dr_deceived_family_reunification');

    const answers = new Map<string, Answer>([['cd_debt_bondage', 'yes']]);
    const coercion = (s: typeof set) =>
      scoreSet(s, answers, 'adult').dimensions.find((d) => d.id === 'coercion_at_destination');
    expect(coercion(set)).toMatchObject({
      positive: true,
      rule: { id: 'th-one-strong', origin: 'national' },
    });
    const bundled = catalog.sets.get('delphi-adults-labour');
    if (!bundled) throw new Error('set missing');
    expect(coercion(bundled)?.positive).toBe(false);
  });

  it('adds a national set, disables a bundled one and enables an unchecked one', () => {
    const file = nationalFile({
      ...base,
      sources: [source],
      dimensions: { th_signs: { labels: { en: 'Signs' } } },
      rules: {
        'th-any': { anyOf: [{ any: 1 }], text: { en: 'Any sign.' }, origin: 'national', cites: cite },
      },
      catalogue: {
        th_sign: {
          labels: { en: 'A sign' },
          explanation: { en: 'A national sign of trafficking.' },
          cites: cite,
        },
      },
      sets: [
        {
          id: 'th-national-form',
          version: '2025.1.0',
          labels: { en: 'National screening form' },
          population: 'any',
          exploitation: 'other',
          verification: { status: 'checked', note: 'National form.' },
          cites: cite,
          dimensions: [{ id: 'th_signs', rule: 'th-any' }],
          indicators: [{ id: 'th_sign', ref: 'th_sign', dimension: 'th_signs' }],
          outcomes: [
            {
              id: 'refer',
              labels: { en: 'Refer' },
              when: 'th_signs',
              text: { en: 'Refer.' },
              origin: 'national',
              cites: cite,
            },
          ],
        },
      ],
      disable: ['ilo-forced-labour-11'],
      enable: ['delphi-adults-sexual'],
    });
    const national = loadIdentificationCatalog({ nationalFile: file });
    expect(national.sets.get('th-national-form')).toMatchObject({
      origin: 'national',
      version: '2025.1.0+th-test.2',
    });
    expect(national.sets.get('ilo-forced-labour-11')?.enabled).toBe(false);
    expect(national.sets.get('delphi-adults-sexual')?.enabled).toBe(true);
  });

  it('is refused when it breaks a reference, naming the national file', () => {
    const unknownDimension = nationalFile({
      ...base,
      patches: [
        {
          set: 'ilo-forced-labour-11',
          addIndicators: [{ id: 'fl_extra', ref: 'fl_deception', dimension: 'no_such_dimension' }],
        },
      ],
    });
    expect(loadError({ nationalFile: unknownDimension })).toMatch(
      /set ilo-forced-labour-11 indicator fl_extra: unknown dimension "no_such_dimension"/,
    );
    const unknownSource = nationalFile({
      ...base,
      catalogue: {
        th_x: { labels: { en: 'x' }, explanation: { en: 'x' }, cites: [{ source: 'not-listed' }] },
      },
    });
    expect(loadError({ nationalFile: unknownSource })).toMatch(
      /national\.json: catalogue\.th_x\.cites\.0: unknown source "not-listed"/,
    );
    const silentReplace = nationalFile({
      ...base,
      sets: [{ ...catalogSetEntry(), id: 'ilo-forced-labour-11' }],
    });
    expect(loadError({ nationalFile: silentReplace })).toMatch(/add "replaces": true to replace it/);
    expect(loadError({ nationalFile: nationalFile({ ...base, country: 'Thailand' }) })).toMatch(
      /national\.json: country: an ISO 3166-1 alpha-2 code/,
    );
    expect(loadError({ nationalFile: '/nonexistent/national.json' })).toMatch(/cannot be read/);
  });
});

/** A minimal valid set entry over the bundled ILO definitions. */
function catalogSetEntry() {
  const cite = [{ source: 'ilo-forced-labour-indicators-2012' }];
  return {
    id: 'x',
    version: '1.0.0',
    labels: { en: 'x' },
    population: 'any',
    exploitation: 'forced_labour',
    verification: { status: 'checked', note: 'x' },
    cites: cite,
    dimensions: [{ id: 'fl_indicators', rule: 'ilo-any-indicator' }],
    indicators: [{ id: 'fl_deception', ref: 'fl_deception', dimension: 'fl_indicators' }],
    outcomes: [
      {
        id: 'refer',
        labels: { en: 'o' },
        when: 'fl_indicators',
        text: { en: 'o' },
        origin: 'national',
        cites: cite,
      },
    ],
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIdentificationCatalog } from '../identification/load.ts';
import { INDICATOR_MAP_FILE, parseIndicatorMap } from './indicator-map.ts';

describe('data/htcds/indicator-map.json', () => {
  const shipped = JSON.parse(readFileSync(INDICATOR_MAP_FILE, 'utf8'));
  const catalog = loadIdentificationCatalog();

  it('is valid against the HTCDS catalogue and the bundled indicator sets', () => {
    const map = parseIndicatorMap(shipped, catalog);
    expect(map.sets.map((s) => s.setId)).toEqual(['ilo-forced-labour-11', 'forced-criminality-online-scams']);
  });

  it('refuses an unknown field, picklist value, set or indicator, naming the entry', () => {
    const broken = (change: (m: typeof shipped) => void) => {
      const copy = structuredClone(shipped);
      change(copy);
      return () => parseIndicatorMap(copy, catalog);
    };
    expect(broken((m) => (m.sets[0].answers[0].if.field = 'vic_Nothing'))).toThrow(
      /sets\.0\.answers\.0: vic_Nothing is not an HTCDS catalogue field/,
    );
    expect(broken((m) => (m.sets[0].answers[0].if.anyOf = ['Lies']))).toThrow(
      /sets\.0\.answers\.0: Lies is not a value of vic_MethodsOfControl/,
    );
    expect(broken((m) => (m.sets[1].answers[0].indicator = 'fc_nothing'))).toThrow(
      /sets\.1\.answers\.0: fc_nothing is not in forced-criminality-online-scams/,
    );
    expect(broken((m) => (m.sets[0].setId = 'no-such-set'))).toThrow(
      /sets\.0: no identification set no-such-set/,
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadIdentificationCatalog } from '../src/victims/identification/load.ts';
import { presentSet } from '../src/victims/identification/presenters.ts';
import { scoreSet } from '../src/victims/identification/score.ts';
import type { Answer } from '../src/victims/identification/types.ts';
import { scoreLive } from '../web/src/victims/identification/live.ts';
import { indicatorSet } from '../web/src/victims/identification/schema.ts';

// The assessment form scores dimensions live in the browser (web/src/victims/identification/live.ts)
// from the sets as the API serves them. It must agree with the server's scoring, which is what gets
// recorded: every bundled set, random answers.

const catalog = loadIdentificationCatalog();
const sets = [...catalog.sets.values()];
const answer = fc.constantFrom<Answer>('yes', 'no', 'unknown');

describe('live dimension scoring in the web UI', () => {
  it('has sets to check', () => {
    expect(sets.length).toBeGreaterThanOrEqual(4);
  });

  it.each(sets.map((set) => [set.id, set] as const))('agrees with the server on %s', (_, set) => {
    const served = indicatorSet.parse(JSON.parse(JSON.stringify(presentSet(set))));
    const ids = set.indicators.map((x) => x.id);
    fc.assert(
      fc.property(
        fc.array(fc.option(answer, { nil: undefined }), { minLength: ids.length, maxLength: ids.length }),
        (given) => {
          const answers = new Map<string, Answer>();
          given.forEach((a, i) => {
            const id = ids[i];
            if (a && id) answers.set(id, a);
          });
          const server = scoreSet(set, answers, 'adult');
          const live = scoreLive(served, answers);
          expect(live.dimensions.map((d) => [d.id, d.positive, d.present.map((x) => x.id)])).toEqual(
            server.dimensions.map((d) => [d.id, d.positive, d.present.map((x) => x.id)]),
          );
          expect(live.nonPunishment.map((x) => x.id)).toEqual(server.nonPunishment);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('turns a dimension positive exactly when its rule is met (Delphi: 1 strong + 1 medium)', () => {
    const set = catalog.sets.get('delphi-adults-labour');
    expect(set).toBeDefined();
    if (!set) return;
    const served = indicatorSet.parse(JSON.parse(JSON.stringify(presentSet(set))));
    const dimension = served.dimensions[0];
    if (!dimension) throw new Error('no dimension');
    const of = (strength: string) =>
      served.indicators
        .filter((x) => x.dimension === dimension.id && x.strength === strength)
        .map((x) => x.id);
    const [strong] = of('strong');
    const [medium] = of('medium');
    if (!strong || !medium) throw new Error(`${dimension.id} lacks a strong or medium indicator`);
    const positive = (yes: string[]) =>
      scoreLive(served, new Map(yes.map((id) => [id, 'yes'] as const))).dimensions.find(
        (d) => d.id === dimension.id,
      )?.positive;
    expect(positive([strong])).toBe(false);
    expect(positive([strong, medium])).toBe(true);
  });
});

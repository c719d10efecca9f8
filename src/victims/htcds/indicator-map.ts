import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';
import { allowedValues, catalogueField } from '../catalogue.ts';
import { loadIdentificationCatalog } from '../identification/load.ts';
import type { Catalog } from '../identification/types.ts';

// data/htcds/indicator-map.json: which HTCDS field values answer which identification indicators.
// Checked when loaded: every field is in the HTCDS catalogue, every value is one of its picklist
// values, and every set and indicator exists in the bundled identification sets.

export const INDICATOR_MAP_FILE = repoPath('data', 'htcds', 'indicator-map.json');

const conditionSchema = z.union([
  z.strictObject({ field: z.string(), anyOf: z.array(z.string()).min(1) }),
  z.strictObject({ field: z.string(), filled: z.literal(true) }),
]);
export type Condition = z.infer<typeof conditionSchema>;

const mapSchema = z.strictObject({
  name: z.string().min(1),
  version: z.number().int().min(1),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().min(1),
  sources: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        publisher: z.string().min(1),
        title: z.string().min(1),
        year: z.number().int(),
        url: z.url(),
      }),
    )
    .min(1),
  sets: z
    .array(
      z.strictObject({
        setId: z.string().min(1),
        /** Scored when any condition holds; an empty list: always. */
        when: z.array(conditionSchema),
        answers: z
          .array(
            z.strictObject({ indicator: z.string().min(1), if: conditionSchema, why: z.string().min(1) }),
          )
          .min(1),
      }),
    )
    .min(1),
});
export type IndicatorMap = z.infer<typeof mapSchema>;

function conditionProblems(c: Condition, at: string): string[] {
  let field: ReturnType<typeof catalogueField>;
  try {
    field = catalogueField(c.field);
  } catch {
    return [`${at}: ${c.field} is not an HTCDS catalogue field`];
  }
  if (!('anyOf' in c)) return [];
  const allowed: readonly string[] = field.values ? allowedValues(c.field) : [];
  return c.anyOf.filter((v) => !allowed.includes(v)).map((v) => `${at}: ${v} is not a value of ${c.field}`);
}

/** Parses and checks the map against the HTCDS catalogue and an identification catalog. */
export function parseIndicatorMap(json: unknown, catalog: Catalog): IndicatorMap {
  const parsed = mapSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`HTCDS indicator map: ${first?.path.join('.')}: ${first?.message}`);
  }
  const problems: string[] = [];
  for (const [i, s] of parsed.data.sets.entries()) {
    const set = catalog.sets.get(s.setId);
    if (!set) problems.push(`sets.${i}: no identification set ${s.setId}`);
    const indicators = new Set(set?.indicators.map((x) => x.id));
    for (const [j, c] of s.when.entries()) problems.push(...conditionProblems(c, `sets.${i}.when.${j}`));
    for (const [j, a] of s.answers.entries()) {
      const at = `sets.${i}.answers.${j}`;
      if (set && !indicators.has(a.indicator)) problems.push(`${at}: ${a.indicator} is not in ${s.setId}`);
      problems.push(...conditionProblems(a.if, at));
    }
  }
  if (problems.length > 0) throw new Error(`HTCDS indicator map: ${problems.join('; ')}`);
  return parsed.data;
}

let loaded: IndicatorMap | undefined;

/**
 * The map, checked once per process against the bundled sets. A node's national file may disable a
 * set or remove an indicator: scoring skips what its catalog lacks (assess.ts).
 */
export function indicatorMap(): IndicatorMap {
  loaded ??= parseIndicatorMap(
    JSON.parse(readFileSync(INDICATOR_MAP_FILE, 'utf8')),
    loadIdentificationCatalog({ nationalFile: undefined }),
  );
  return loaded;
}

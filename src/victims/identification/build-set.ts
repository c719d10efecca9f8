import type { RuleEntry, SetEntry } from './data-schema.ts';
import { IdentificationDataError } from './errors.ts';
import type { Dimension, Expr, Indicator, IndicatorSet, Labels, Outcome, Rule } from './types.ts';

// Turns one set entry into an IndicatorSet, resolving its references to the definitions of every
// loaded file. Each broken reference is an error naming the set and the entry.

export type Definitions = {
  rules: Map<string, RuleEntry & { file: string }>;
  dimensions: Map<string, { labels: Labels; file: string }>;
  catalogue: Map<string, { labels: Labels; explanation: Labels; cites: RuleEntry['cites']; file: string }>;
};

const STRENGTH_KEYS = ['strong', 'medium', 'weak', 'mediumOrWeak'] as const;

function resolveRule(defs: Definitions, id: string, where: string): Rule {
  const rule = defs.rules.get(id);
  if (!rule) throw new IdentificationDataError(`${where}: unknown rule "${id}"`);
  return { id, anyOf: rule.anyOf, text: rule.text, origin: rule.origin, cites: rule.cites };
}

/** Checks an outcome's expression and collects the extra rules it names. */
function checkExpr(
  expr: Expr,
  dims: ReadonlySet<string>,
  defs: Definitions,
  rules: Map<string, Rule>,
  where: string,
) {
  if (typeof expr === 'string') {
    if (!dims.has(expr)) throw new IdentificationDataError(`${where}: unknown dimension "${expr}"`);
    return;
  }
  if ('allOf' in expr || 'anyOf' in expr) {
    const list = 'allOf' in expr ? expr.allOf : expr.anyOf;
    for (const item of list) checkExpr(item, dims, defs, rules, where);
    return;
  }
  if (!dims.has(expr.dimension))
    throw new IdentificationDataError(`${where}: unknown dimension "${expr.dimension}"`);
  rules.set(expr.rule, resolveRule(defs, expr.rule, where));
}

export function buildSet(
  entry: SetEntry,
  defs: Definitions,
  where: string,
  origin: IndicatorSet['origin'],
): IndicatorSet {
  const dimensions: Dimension[] = [];
  for (const { id, rule } of entry.dimensions) {
    const at = `${where} dimension ${id}`;
    const def = defs.dimensions.get(id);
    if (!def) throw new IdentificationDataError(`${at}: unknown dimension "${id}"`);
    if (dimensions.some((d) => d.id === id)) throw new IdentificationDataError(`${at}: listed twice`);
    dimensions.push({ id, labels: def.labels, rule: resolveRule(defs, rule, at) });
  }
  const dimIds = new Set(dimensions.map((d) => d.id));

  const indicators: Indicator[] = [];
  for (const item of entry.indicators) {
    const at = `${where} indicator ${item.id}`;
    const dimension = dimensions.find((d) => d.id === item.dimension);
    if (!dimension) {
      throw new IdentificationDataError(
        `${at}: unknown dimension "${item.dimension}" (this set has ${[...dimIds].join(', ')})`,
      );
    }
    const text = defs.catalogue.get(item.ref);
    if (!text) throw new IdentificationDataError(`${at}: unknown catalogue entry "${item.ref}"`);
    if (indicators.some((x) => x.id === item.id))
      throw new IdentificationDataError(`${at}: duplicate indicator id`);
    const needsStrength = dimension.rule.anyOf.some((c) => STRENGTH_KEYS.some((k) => c[k] !== undefined));
    if (needsStrength && !item.strength) {
      throw new IdentificationDataError(
        `${at}: needs a strength (the rule ${dimension.rule.id} counts strengths)`,
      );
    }
    indicators.push({
      id: item.id,
      ref: item.ref,
      dimension: item.dimension,
      strength: item.strength,
      nonPunishment: item.nonPunishment ?? false,
      labels: text.labels,
      explanation: text.explanation,
      cites: text.cites,
    });
  }
  for (const d of dimensions) {
    if (!indicators.some((x) => x.dimension === d.id)) {
      throw new IdentificationDataError(
        `${where} dimension ${d.id}: has no indicators, so it can never be positive`,
      );
    }
  }

  const rules = new Map<string, Rule>();
  const outcomes: Outcome[] = [];
  for (const o of entry.outcomes) {
    const at = `${where} outcome ${o.id}`;
    if (outcomes.some((x) => x.id === o.id)) throw new IdentificationDataError(`${at}: duplicate outcome id`);
    checkExpr(o.when, dimIds, defs, rules, at);
    outcomes.push({ ...o, population: o.population });
  }

  return {
    id: entry.id,
    version: entry.version,
    labels: entry.labels,
    population: entry.population,
    exploitation: entry.exploitation,
    enabled: entry.enabled,
    verification: entry.verification,
    cites: entry.cites,
    dimensions,
    indicators,
    outcomes,
    rules,
    origin,
  };
}

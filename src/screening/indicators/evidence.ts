import type { IndicatorCategory, IndicatorMatch } from '../types.ts';

type Evidence = Pick<IndicatorMatch, 'id' | 'category' | 'weight'>;

/**
 * How much the indicators alone say, in [0, 1): the strongest weight of each category, combined
 * as independent evidence (noisy-OR, 1 − Π(1 − w)). One generic phrase stays low ("high salary"
 * 0.2); several categories together climb fast (pay 0.45 + hotspot 0.4 + free flight 0.3 +
 * Telegram 0.15 → 0.86). Repeating a category adds nothing, so a long ordinary ad cannot pile up.
 * A post whose only red flags are `supporting` ones (supporting.json: "no experience needed",
 * lodging, a chat app) has no evidence: those count only beside another red flag.
 */
export function combineEvidence(
  matches: readonly Evidence[],
  supporting: ReadonlySet<string> = new Set(),
): number {
  if (!matches.some((m) => m.weight > 0 && !supporting.has(m.id))) return 0;
  const strongest = new Map<IndicatorCategory, number>();
  for (const m of matches) strongest.set(m.category, Math.max(m.weight, strongest.get(m.category) ?? 0));
  let none = 1;
  for (const w of strongest.values()) none *= 1 - w;
  return 1 - none;
}

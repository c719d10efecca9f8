import type { IndicatorMatch } from '../types.ts';

/**
 * The matches without those of the `listed` indicators, when one of them matched and `applies()`
 * (asked only then, so a rule costs nothing on most posts) says the post is one where they do not
 * count. The rule files' shared step: a licence given, qualifications asked, an ordinary wage stated.
 */
export function dropListed(
  matches: IndicatorMatch[],
  listed: ReadonlySet<string>,
  applies: () => boolean,
): IndicatorMatch[] {
  const isListed = (m: IndicatorMatch) => listed.has(m.id);
  if (!matches.some(isListed) || !applies()) return matches;
  return matches.filter((m) => !isListed(m));
}

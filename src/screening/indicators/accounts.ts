import { accountSpans, insideAny } from '../identifiers/accounts.ts';
import type { Identifier, IndicatorMatch } from '../types.ts';

/**
 * Drops the hotspot red flags' spans that lie inside a chat handle, a link, an e-mail address or a
 * domain ("@myawaddy_job": an account's name, not a destination; ../identifiers/accounts.ts); a flag
 * left with no span goes.
 */
export function dropHotspotsInAccounts(
  matches: IndicatorMatch[],
  identifiers: readonly Identifier[],
): IndicatorMatch[] {
  if (!matches.some((m) => m.category === 'hotspot_destination')) return matches;
  const accounts = accountSpans(identifiers);
  if (accounts.length === 0) return matches;
  const out: IndicatorMatch[] = [];
  for (const m of matches) {
    if (m.category !== 'hotspot_destination') {
      out.push(m);
      continue;
    }
    const spans = m.spans.filter((s) => !insideAny(accounts, s));
    if (spans.length === m.spans.length) out.push(m);
    else if (spans.length > 0) out.push({ ...m, spans });
  }
  return out;
}

import { z } from 'zod';
import { type IndicatorMatch, LANGS, type NormalizedText } from '../types.ts';
import { compileCues } from './cues.ts';
import { dropListed } from './drop.ts';
import { describe, LexiconError } from './files.ts';
import { indicatorId, isoDate, sourceId } from './schema.ts';

// Lures that lawful recruiters print too (data/indicators/licensed.json): free flights and lodging,
// no fee, a legal visa, pay in the lure band are what a scam-compound ad promises and also what a
// licensed agency's ad for work abroad states. The law makes such an ad show the agency's licence
// (POEA Rules, section 68: "Name, address and POEA license number of the agency"), so in a post that
// gives a recruitment licence these flags do not count. Every other red flag of the post still does
// (a hotspot, chat-only contact, a kept passport), so a fake licence on a scam ad hides only these.
// Checked only when such a flag matched.

export const LICENSED_FILE = 'licensed.json';

const fileSchema = z.strictObject({
  version: z.number().int().min(1),
  updated: isoDate,
  note: z.string().min(1),
  indicators: z.array(indicatorId).min(1),
  cues: z.partialRecord(z.enum(LANGS), z.array(z.string().trim().min(2).max(60)).min(1)),
  sources: z.array(sourceId).min(1),
});

export type LicensedRules = {
  /** indicators that do not count in a post that gives a recruitment licence */
  indicators: ReadonlySet<string>;
  /** every language's licence cues, one alternation over the post's bare text */
  cues: RegExp;
  sources: readonly string[];
};

export function parseLicensedRules(file: string, raw: unknown): LicensedRules {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${file}: ${describe(parsed.error)}`);
  return {
    indicators: new Set(parsed.data.indicators),
    cues: compileCues(file, parsed.data.cues),
    sources: parsed.data.sources,
  };
}

/** Drops the listed lures from a post that gives a recruitment licence. */
export function dropLicensedLures(
  rules: LicensedRules,
  n: NormalizedText,
  matches: IndicatorMatch[],
): IndicatorMatch[] {
  return dropListed(matches, rules.indicators, () => rules.cues.test(n.bare));
}

import { z } from 'zod';
import {
  INDICATOR_CATEGORIES,
  type IndicatorCategory,
  type IndicatorMatch,
  LANGS,
  type NormalizedText,
} from '../types.ts';
import { compileCues } from './cues.ts';
import { describe, LexiconError } from './files.ts';
import { indicatorId, isoDate } from './schema.ts';

// Red flags that count only in a post about work (data/indicators/job-context.json): a country
// where scam compounds operate, violence, confinement or scam work, in a post that names no job, pay,
// hiring or workplace and has no other red flag of recruitment, is news, a police warning or an
// advert for something else, not a lure. Checked only when such a flag matched, so it costs the hot
// loop nothing for most posts.

export const JOB_CONTEXT_FILE = 'job-context.json';

const cue = z.string().trim().min(1).max(40);
const fileSchema = z.strictObject({
  version: z.number().int().min(1),
  updated: isoDate,
  note: z.string().min(1),
  indicators: z.array(indicatorId).min(1),
  categories: z.array(z.enum(INDICATOR_CATEGORIES)),
  cues: z.partialRecord(z.enum(LANGS), z.array(cue).min(1)),
  /** phrases with a cue word in them that say nothing of a job ("5 hari kerja", a processing time) */
  notCues: z.partialRecord(z.enum(LANGS), z.array(cue).min(1)).optional(),
  /** listed flags of all these categories together say the post is about work, as a cue does */
  together: z.array(z.array(z.enum(INDICATOR_CATEGORIES)).min(2)).default([]),
  /** cues of a holiday (a tour, an itinerary): in such a post `together` says nothing */
  leisure: z.partialRecord(z.enum(LANGS), z.array(cue).min(1)).optional(),
  home: z
    .record(
      indicatorId,
      z.strictObject({
        langs: z.array(z.enum(LANGS)).min(1),
        countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code')).min(1),
      }),
    )
    .default({}),
});

export type JobContextRules = {
  /** indicators that count only in a post about work */
  indicators: ReadonlySet<string>;
  /** a red flag of one of these categories says the post is about work, as a cue does */
  categories: ReadonlySet<IndicatorCategory>;
  /** every language's cues, one alternation over the post's bare text */
  cues: RegExp;
  /** every language's `notCues` (global), blanked out of the text before the cues are looked for */
  notCues: RegExp | undefined;
  /** groups of categories whose listed flags, all present, make a post about work */
  together: ReadonlyArray<ReadonlyArray<IndicatorCategory>>;
  /** every language's holiday cues (a tour, sightseeing): a post with one is not made about work by `together` */
  leisure: RegExp | undefined;
  /** a country's name is home, not a destination, in a post in its language or from it */
  home: ReadonlyMap<string, { langs: ReadonlySet<string>; countries: ReadonlySet<string> }>;
};

export function parseJobContextRules(file: string, raw: unknown): JobContextRules {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${file}: ${describe(parsed.error)}`);
  return {
    indicators: new Set(parsed.data.indicators),
    categories: new Set(parsed.data.categories),
    cues: compileCues(file, parsed.data.cues),
    notCues:
      parsed.data.notCues && new RegExp(compileCues(file, parsed.data.notCues, 'notCues: ').source, 'gu'),
    together: parsed.data.together,
    leisure: parsed.data.leisure && compileCues(file, parsed.data.leisure, 'leisure: '),
    home: new Map(
      Object.entries(parsed.data.home).map(([id, h]) => [
        id,
        { langs: new Set(h.langs), countries: new Set(h.countries) },
      ]),
    ),
  };
}

/** Where a post comes from: its language, and its country when the caller knows it. */
export type PostOrigin = { lang?: string | undefined; country?: string | undefined };

/** Whether a post's bare text has a cue of work, outside the phrases that only look like one. */
function namesWork(rules: JobContextRules, bare: string): boolean {
  if (!rules.cues.test(bare)) return false;
  return rules.notCues === undefined || rules.cues.test(bare.replace(rules.notCues, ' '));
}

/** Drops a country named as a hotspot from a post in that country's language or from that country. */
export function dropAtHome(
  rules: JobContextRules,
  origin: PostOrigin,
  matches: IndicatorMatch[],
): IndicatorMatch[] {
  const country = origin.country?.toUpperCase();
  const atHome = (m: IndicatorMatch) => {
    const home = rules.home.get(m.id);
    return (
      home !== undefined &&
      ((origin.lang !== undefined && home.langs.has(origin.lang)) ||
        (country !== undefined && home.countries.has(country)))
    );
  };
  return matches.some(atHome) ? matches.filter((m) => !atHome(m)) : matches;
}

/**
 * Drops the listed indicators' matches from a post that names no work, pay or hiring, has no
 * unlisted red flag of a listed category, and no `together` group of categories (a scam hub with
 * travel paid: "Sang Campuchia, bao ăn ở, bao vé máy bay") unless it reads as a holiday (a tour of
 * Sihanoukville with the bus paid).
 */
export function dropOutOfContext(
  rules: JobContextRules,
  n: NormalizedText,
  matches: IndicatorMatch[],
): IndicatorMatch[] {
  const gated = (m: IndicatorMatch) => rules.indicators.has(m.id);
  if (!matches.some(gated)) return matches;
  if (matches.some((m) => !gated(m) && rules.categories.has(m.category))) return matches;
  if (namesWork(rules, n.bare)) return matches;
  const present = new Set(matches.map((m) => m.category));
  const together = rules.together.some((group) => group.every((c) => present.has(c)));
  if (together && !rules.leisure?.test(n.bare)) return matches;
  return matches.filter((m) => !gated(m));
}

import { z } from 'zod';
import type { CurrencyGuess } from '../identifiers/money.ts';
import {
  type Identifier,
  INDICATOR_CATEGORIES,
  type IndicatorMatch,
  LANGS,
  type NormalizedText,
} from '../types.ts';
import { compileCues } from './cues.ts';
import { dropListed } from './drop.ts';
import { describe, LexiconError } from './files.ts';
import { reasonKeyOf } from './reasons.ts';
import { indicatorId, isoDate, sourceId } from './schema.ts';

// Unrealistic pay read from a post's amounts rather than its words: a salary the money extractor
// converted to USD a month (identifiers/money.ts) at or above a rule's threshold, from
// data/indicators/salary-tiers.json. A currency the post did not write out can be off several
// times ("万" alone: yuan or NT$, ×4.5), so a guess must clear a higher bar, or (a bare "$" in a
// Chinese or English post: US$ or NT$, ×32) does not count. The lower bound of a range counts:
// "1,000-5,000" promises 1,000. An amount above the rule's ceiling is no wage: "US$175 juta …
// setahun" is a country's exports in a year.
//
// Rules are tiers, highest first: an amount counts for the first rule it meets, so a salary of
// USD 5,000 is "far above the market", not also "in the lure band". And pay is a lure only when
// the job asks nothing that would earn it (Indonesian MFA: "gaji tinggi … tapi tidak meminta
// kualifikasi khusus"): in a post that asks for years of experience, a degree or a licence, no
// salary rule counts, unless the post also waives qualifications ("no experience needed").

const ruleSchema = z.strictObject({
  id: indicatorId,
  category: z.enum(INDICATOR_CATEGORIES),
  weight: z.number().min(0).max(1),
  minUsdPerMonth: z.number().positive(),
  /** above this an amount is no wage (a company's turnover, a country's exports, a prize) */
  maxUsdPerMonth: z.number().positive(),
  /** the bar when the currency was guessed, by how (identifiers/money.ts); a guess not listed never counts */
  minUsdPerMonthByGuess: z.partialRecord(
    z.enum(['dollar-sign', 'multiplier', 'country']),
    z.number().positive(),
  ),
  sources: z.array(sourceId).min(1),
});
export type SalaryRule = z.infer<typeof ruleSchema>;

const fileSchema = z.strictObject({
  version: z.number().int().min(1),
  updated: isoDate,
  note: z.string().min(1),
  rules: z.array(ruleSchema).min(1),
  /** claims of high pay that a stated ordinary wage (under every tier) takes back */
  ordinaryPay: z
    .strictObject({ indicators: z.array(indicatorId).min(1), belowUsdPerMonth: z.number().positive() })
    .optional(),
  qualifications: z.strictObject({
    /** indicators that say the job asks no qualification: with one, a salary still counts */
    waivedBy: z.array(indicatorId).min(1),
    /** red flags of the words that do not count in such a post either (a country named is where the job is) */
    indicators: z.array(indicatorId).default([]),
    cues: z.partialRecord(z.enum(LANGS), z.array(z.string().trim().min(2).max(40)).min(1)),
  }),
});

export const SALARY_RULES_FILE = 'salary-tiers.json';

export type SalaryRules = {
  /** tiers, highest first */
  rules: SalaryRule[];
  waivedBy: ReadonlySet<string>;
  /** red flags of the words that a qualification request cancels, as it cancels every rule */
  qualifiedOut: ReadonlySet<string>;
  /** every language's qualification cues, one alternation over the post's bare text */
  qualificationCues: RegExp;
  /** high-pay claims that do not count when every stated wage is under `belowUsdPerMonth` */
  ordinaryPay: { indicators: ReadonlySet<string>; belowUsdPerMonth: number };
};

/** Parses salary-tiers.json's content; `file` is used in error messages. */
export function parseSalaryRules(file: string, raw: unknown): SalaryRules {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${file}: ${describe(parsed.error)}`);
  const { rules, qualifications, ordinaryPay } = parsed.data;
  const seen = new Set<string>();
  let above = Number.POSITIVE_INFINITY;
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new LexiconError(`${file}: rule ${rule.id}: duplicate id`);
    seen.add(rule.id);
    if (rule.maxUsdPerMonth <= rule.minUsdPerMonth)
      throw new LexiconError(`${file}: rule ${rule.id}: maxUsdPerMonth must be above minUsdPerMonth`);
    for (const [guess, bar] of Object.entries(rule.minUsdPerMonthByGuess)) {
      if (bar < rule.minUsdPerMonth) {
        throw new LexiconError(
          `${file}: rule ${rule.id}: minUsdPerMonthByGuess.${guess} is below minUsdPerMonth (a guessed currency must clear at least the same bar)`,
        );
      }
    }
    if (rule.minUsdPerMonth >= above)
      throw new LexiconError(`${file}: rule ${rule.id}: rules are tiers, highest minUsdPerMonth first`);
    above = rule.minUsdPerMonth;
  }
  return {
    rules,
    waivedBy: new Set(qualifications.waivedBy),
    qualifiedOut: new Set(qualifications.indicators),
    qualificationCues: compileCues(file, qualifications.cues, 'qualifications: '),
    ordinaryPay: {
      indicators: new Set(ordinaryPay?.indicators ?? []),
      belowUsdPerMonth: ordinaryPay?.belowUsdPerMonth ?? 0,
    },
  };
}

/**
 * The rules a post's money identifiers meet: one match a rule, spanning every amount whose highest
 * tier it is; none in a post that asks for qualifications and does not waive them (`others`: the
 * post's other red flags).
 */
export function matchSalaryRules(
  salary: SalaryRules,
  n: NormalizedText,
  identifiers: readonly Identifier[],
  others: readonly IndicatorMatch[],
  reasons: ReadonlyMap<string, string>,
): IndicatorMatch[] {
  const amounts = identifiers.filter((i) => i.kind === 'money');
  if (amounts.length === 0) return [];
  const matches: IndicatorMatch[] = [];
  const claimed = new Set<Identifier>();
  for (const rule of salary.rules) {
    const met = amounts.filter((i) => !claimed.has(i) && meets(rule, i));
    for (const i of met) claimed.add(i);
    const spans = met.flatMap((i) => i.spans);
    if (spans.length === 0) continue;
    matches.push({
      id: rule.id,
      category: rule.category,
      weight: rule.weight,
      reasonKey: reasonKeyOf(rule.id),
      reason: reasons.get(rule.id) ?? rule.id,
      spans: spans.sort((a, b) => a[0] - b[0]),
    });
  }
  return matches.length > 0 && asksQualifications(salary, n, others) ? [] : matches;
}

function meets(rule: SalaryRule, money: Identifier): boolean {
  if (money.details?.notPay === true) return false;
  const usd = money.details?.usdPerMonth;
  if (typeof usd !== 'number') return false;
  const guess = money.details?.currencyGuess;
  const bar = guess === undefined ? rule.minUsdPerMonth : rule.minUsdPerMonthByGuess[guess as CurrencyGuess];
  return bar !== undefined && usd >= bar && usd <= rule.maxUsdPerMonth;
}

function asksQualifications(
  salary: SalaryRules,
  n: NormalizedText,
  others: readonly IndicatorMatch[],
): boolean {
  return salary.qualificationCues.test(n.bare) && !others.some((m) => salary.waivedBy.has(m.id));
}

/**
 * Drops the red flags of the words listed in `qualifications.indicators` from a post that asks for
 * qualifications and does not waive them: "Senior Accountant in Phnom Penh, bachelor's degree, 3
 * years of experience" names where the job is, not a lure. Checked only when such a flag matched.
 */
export function dropQualified(
  salary: SalaryRules,
  n: NormalizedText,
  matches: IndicatorMatch[],
): IndicatorMatch[] {
  return dropListed(matches, salary.qualifiedOut, () => asksQualifications(salary, n, matches));
}

/**
 * Drops the `ordinaryPay` claims ("รายได้ดี", good income) from a post that states its pay and whose
 * every amount, the top of a range included, is under `belowUsdPerMonth`: "รายได้ดี 15,000 บาท/เดือน"
 * is an ordinary wage called good, not pay out of proportion to the work.
 */
export function dropOrdinaryPayClaims(
  salary: SalaryRules,
  identifiers: readonly Identifier[],
  matches: IndicatorMatch[],
): IndicatorMatch[] {
  const { indicators, belowUsdPerMonth } = salary.ordinaryPay;
  return dropListed(matches, indicators, () => {
    let stated = false;
    for (const i of identifiers) {
      const usd = i.kind === 'money' && i.details?.notPay !== true ? i.details?.usdPerMonth : undefined;
      if (typeof usd !== 'number') continue;
      const top = i.details?.usdPerMonthMax;
      if (Math.max(usd, typeof top === 'number' ? top : 0) >= belowUsdPerMonth) return false;
      stated = true;
    }
    return stated;
  });
}

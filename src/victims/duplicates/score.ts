// How alike two person records are, from what can be compared without plaintext: the keyed name
// trigram tokens, the keyed identity number and phones, and the birth date (exact, or a year
// range when only an age was recorded). Pure: every figure in the answer says where it came from.

export type Level = 'high' | 'medium' | 'low';
export type BirthMatch = 'exact' | 'year_within_one' | 'differs';

export type Reason =
  | { signal: 'name'; similarity: number; containment: number; weight: number }
  | { signal: 'birthdate'; match: BirthMatch; weight: number }
  | { signal: 'identity_number'; weight: number }
  | { signal: 'phone'; weight: number };

export type Evidence = { score: number; level: Level; reasons: Reason[] };

/** What one record offers for comparison. `tokens`: persons.name_tokens; keys: the keyed columns. */
export type Probe = {
  tokens: string;
  birthdateKey: string | null;
  identityNumberKey: string | null;
  phoneKeys: readonly string[];
  birth: BirthFacts;
};

/** An exact birth date, or the possible birth years when only an age at registration is known. */
export type BirthFacts = { date: string | null; years: readonly [number, number] | null };

// Weights chosen so that a name alone is at most "medium", and a name with a matching birth date,
// identity number or phone is "high" (recall.test.ts measures what they find).
export const WEIGHTS = {
  name: 0.6,
  /** A name found whole inside a longer one counts for less than the same full name. */
  containment: 0.8,
  birthExact: 0.3,
  birthNear: 0.1,
  birthDiffers: -0.15,
  identityNumber: 0.45,
  phone: 0.3,
} as const;
export const LEVELS = { high: 0.7, medium: 0.45 } as const;
/** Estimated ages are rough: only a gap of this many years or more counts against a match. */
const ESTIMATE_GAP_AGAINST = 5;

const round = (n: number) => Math.round(n * 1000) / 1000;

export function birthFacts(input: {
  birthdate: string | null;
  ageAtRegistration: number | null;
  registeredOn: string;
}): BirthFacts {
  if (input.birthdate !== null) return { date: input.birthdate, years: null };
  if (input.ageAtRegistration === null) return { date: null, years: null };
  const born = Number(input.registeredOn.slice(0, 4)) - input.ageAtRegistration;
  // Someone aged N on a day of year Y was born in Y − N or Y − N − 1.
  return { date: null, years: [born - 1, born] };
}

const yearsOf = (b: BirthFacts): readonly [number, number] | null =>
  b.date !== null ? [Number(b.date.slice(0, 4)), Number(b.date.slice(0, 4))] : b.years;

export function compareBirth(a: BirthFacts, b: BirthFacts): BirthMatch | null {
  if (a.date !== null && b.date !== null) return a.date === b.date ? 'exact' : 'differs';
  const ya = yearsOf(a);
  const yb = yearsOf(b);
  if (ya === null || yb === null) return null;
  const gap = Math.max(0, ya[0] - yb[1], yb[0] - ya[1]);
  if (gap <= 1) return 'year_within_one';
  return gap >= ESTIMATE_GAP_AGAINST ? 'differs' : null;
}

/** Jaccard similarity and containment (shared over the smaller) of two names' token sets. */
export function compareNames(a: string, b: string): { similarity: number; containment: number } {
  const sa = new Set(a.split(' ').filter(Boolean));
  const sb = new Set(b.split(' ').filter(Boolean));
  if (sa.size === 0 || sb.size === 0) return { similarity: 0, containment: 0 };
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return {
    similarity: shared / (sa.size + sb.size - shared),
    containment: shared / Math.min(sa.size, sb.size),
  };
}

export function scoreCandidate(probe: Probe, candidate: Probe): Evidence {
  const reasons: Reason[] = [];
  const names = compareNames(probe.tokens, candidate.tokens);
  if (names.similarity > 0) {
    const strength = Math.max(names.similarity, WEIGHTS.containment * names.containment);
    reasons.push({
      signal: 'name',
      similarity: round(names.similarity),
      containment: round(names.containment),
      weight: round(WEIGHTS.name * strength),
    });
  }
  const birth = compareBirth(probe.birth, candidate.birth);
  if (birth === 'exact' || (probe.birthdateKey !== null && probe.birthdateKey === candidate.birthdateKey)) {
    reasons.push({ signal: 'birthdate', match: 'exact', weight: WEIGHTS.birthExact });
  } else if (birth === 'year_within_one') {
    reasons.push({ signal: 'birthdate', match: birth, weight: WEIGHTS.birthNear });
  } else if (birth === 'differs') {
    reasons.push({ signal: 'birthdate', match: birth, weight: WEIGHTS.birthDiffers });
  }
  if (probe.identityNumberKey !== null && probe.identityNumberKey === candidate.identityNumberKey) {
    reasons.push({ signal: 'identity_number', weight: WEIGHTS.identityNumber });
  }
  if (probe.phoneKeys.some((k) => candidate.phoneKeys.includes(k))) {
    reasons.push({ signal: 'phone', weight: WEIGHTS.phone });
  }
  const score = round(
    Math.min(
      1,
      Math.max(
        0,
        reasons.reduce((s, r) => s + r.weight, 0),
      ),
    ),
  );
  const level: Level = score >= LEVELS.high ? 'high' : score >= LEVELS.medium ? 'medium' : 'low';
  return { score, level, reasons };
}

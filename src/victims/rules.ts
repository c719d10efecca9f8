import type { FieldIssue } from '../platform/http/errors.ts';

// Rules across fields, checked on the person as it will be stored (the request merged over the
// stored record), so an update cannot make an impossible record either. Pure.

export type PersonFacts = {
  registeredOn: string;
  birthdate: string | null;
  /** As the request gives it (undefined: not given). */
  ageAtRegistration: number | null | undefined;
  /** As stored before this request (null for a new person). */
  storedAgeAtRegistration: number | null;
  ageWhenTrafficked: number | null;
  typeOfExploitation: readonly string[];
  forcedCriminalityTypes: readonly string[];
};

/** Whole years from birth to `on` (both YYYY-MM-DD). */
export function ageOn(birthdate: string, on: string): number {
  const [by, bm, bd] = birthdate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined) return Number.NaN;
  if (y === undefined || m === undefined || d === undefined) return Number.NaN;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The latest date accepted as "today": tomorrow in UTC, so a registration made just after local
 * midnight anywhere east of Greenwich (all of ASEAN is UTC+6:30 to +9) is not "in the future".
 */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

export function personProblems(f: PersonFacts, now = new Date()): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const latest = latestToday(now);
  const inFuture = (path: string) => issues.push({ path, code: 'in_future', message: 'is in the future' });
  if (f.registeredOn > latest) inFuture('registeredOn');
  if (f.birthdate !== null) {
    if (f.birthdate > latest) inFuture('identity.birthdate');
    else if (f.birthdate > f.registeredOn)
      issues.push({
        path: 'identity.birthdate',
        code: 'not_after',
        message: `is after the registration date ${f.registeredOn}`,
        params: { field: 'registeredOn' },
      });
    const age = ageOn(f.birthdate, f.registeredOn);
    if (f.ageAtRegistration != null && age >= 0 && f.ageAtRegistration !== age) {
      issues.push({
        path: 'profile.ageAtRegistration',
        code: 'age_mismatch',
        message: `does not match the birth date (${age} years on the registration date)`,
        params: { age },
      });
    }
  }
  const age = effectiveAge(f);
  if (f.ageWhenTrafficked !== null && age !== null && f.ageWhenTrafficked > age) {
    issues.push({
      path: 'victim.ageWhenTrafficked',
      code: 'above_age',
      message: `is more than the age at registration (${age})`,
      params: { age },
    });
  }
  if (f.forcedCriminalityTypes.length > 0 && !f.typeOfExploitation.includes('ForcedCriminality')) {
    issues.push({
      path: 'victim.forcedCriminalityTypes',
      code: 'needs_forced_criminality',
      message: 'needs ForcedCriminality among victim.typeOfExploitation',
    });
  }
  return issues;
}

/** The age at registration to store: from the birth date when known, else as given. */
export function effectiveAge(
  f: Pick<PersonFacts, 'birthdate' | 'registeredOn' | 'ageAtRegistration' | 'storedAgeAtRegistration'>,
): number | null {
  if (f.birthdate !== null && f.birthdate <= f.registeredOn) return ageOn(f.birthdate, f.registeredOn);
  return f.ageAtRegistration === undefined ? f.storedAgeAtRegistration : f.ageAtRegistration;
}

import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DigitRun } from './digits.ts';

// Phone numbers are validated with libphonenumber's full ("max") metadata, but only for digit runs
// of 7+ digits that the cheap scan found (a parse costs ~12 µs, so it never runs on plain text).
// Its findPhoneNumbersInText() costs 30-300 µs a call, so runs holding several numbers are split
// here instead, group by group, with parsePhoneNumberFromString() and a cache.

export type Phone = { e164: string; country: string; type: string };

// Countries whose national numbers are written with a trunk "0" (TH 081..., VN 09..., ID 08...).
// Written without it, we accept mobile numbers only: "20242025" is a valid Bangkok landline and
// "1500000" an Indonesian call-centre number, but in a post they are a year range and a price.
const TRUNK_ZERO = new Set(['TH', 'VN', 'ID', 'MY', 'PH', 'KH', 'LA', 'MM', 'CN']);
const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** A mobile number (or one libphonenumber cannot tell from a landline). */
export function isMobile(phone: Phone): boolean {
  return MOBILE_TYPES.has(phone.type);
}

const cache = new Map<string, Phone | null>();
const CACHE_LIMIT = 4096;

export function clearPhoneCache(): void {
  cache.clear();
}

/** Parses digits (with + when written so) as a phone number of `region`; undefined if not valid. */
export function parsePhone(
  digits: string,
  plus: boolean,
  region: CountryCode | undefined,
): Phone | undefined {
  const key = `${plus ? '+' : ''}${digits}|${region ?? ''}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const result = parseUncached(digits, plus, region) ?? null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result ?? undefined;
}

function parseUncached(digits: string, plus: boolean, region: CountryCode | undefined): Phone | undefined {
  if (digits.length < 7 || digits.length > 15) return undefined;
  if (!plus && digits.startsWith('00')) return parseUncached(digits.slice(2), true, undefined);
  if (!plus && !region) return digits.startsWith('0') ? onlyNationalMobile(digits) : undefined;
  // Cheap shape checks before the ~12 µs parse: national numbers with the trunk 0 have 8-13 digits
  // here (Indonesian mobiles up to 13), and in trunk-0 countries other local numbers must start with
  // the country code (or be PRC mobiles).
  if (!plus && region && TRUNK_ZERO.has(region)) {
    if (digits.startsWith('0')) {
      if (digits.length > 13) return undefined;
    } else if (
      !digits.startsWith(getCountryCallingCode(region)) &&
      !(region === 'CN' && /^1[3-9]\d{9}$/.test(digits))
    ) {
      return undefined;
    }
  }
  const parsed = plus ? parsePhoneNumberFromString(`+${digits}`) : parsePhoneNumberFromString(digits, region);
  // With the "max" metadata, isValid() is exactly "has a number type": one pass instead of two.
  const type = parsed?.getType();
  if (!parsed || !type) return undefined;
  if (!plus && region && TRUNK_ZERO.has(region) && !digits.startsWith('0') && !MOBILE_TYPES.has(type))
    return undefined;
  return { e164: parsed.number, country: parsed.country ?? '', type };
}

// The ASEAN members whose national numbers are written with the trunk 0 (CN is left out: a post
// that does not say it is Chinese gives no reason to read a PRC number).
const NATIONAL_REGIONS: readonly CountryCode[] = ['TH', 'VN', 'ID', 'MY', 'PH', 'KH', 'LA', 'MM'];

/**
 * A number written with the trunk 0 in a post that gives no region (too short to tell its
 * language, or English): read when it is a mobile number in exactly one of NATIONAL_REGIONS.
 * "0812-3456-7890" can only be Indonesian; "081-234-5678" is Thai or Vietnamese, so it is not read.
 */
function onlyNationalMobile(digits: string): Phone | undefined {
  let found: Phone | undefined;
  for (const region of NATIONAL_REGIONS) {
    const phone = parseUncached(digits, false, region);
    if (!phone || !isMobile(phone)) continue;
    if (found) return undefined;
    found = phone;
  }
  return found;
}

/** A number written without "+" that already starts with a country calling code (wa.me/6681..., "WA 6281..."). */
export function parseInternational(digits: string): Phone | undefined {
  return parsePhone(digits.startsWith('00') ? digits.slice(2) : digits, true, undefined);
}

export type FoundPhone = Phone & { start: number; end: number };

/** Phones in a digit run; a run that is not one number ("2024 0912345678", a list) is split. */
export function phonesInRun(s: string, run: DigitRun, region: CountryCode | undefined): FoundPhone[] {
  // 1.500.000 is a price, not a phone; 0912.345.678 starts with the trunk 0 and is a phone.
  if (run.thousands && !run.plus && !run.digits.startsWith('0')) return [];
  const whole = parsePhone(run.digits, run.plus, region);
  if (whole) return [{ ...whole, start: run.start, end: run.end }];
  if (run.groups.length < 2 || run.digits.length < 9) return [];
  return splitByGroups(s.slice(run.start, run.end), run.start, region);
}

/**
 * Up to four consecutive digit groups at a time, longest first, starting only where a number can
 * start (+, 00, the trunk 0 or the country code): dates and timestamps cost no parse. Linear.
 */
function splitByGroups(window: string, offset: number, region: CountryCode | undefined): FoundPhone[] {
  const groups = [...window.matchAll(/\+?\d+/g)];
  const code = region ? getCountryCallingCode(region) : '';
  const found: FoundPhone[] = [];
  let i = 0;
  while (i < groups.length) {
    const head = groups[i]?.[0] ?? '';
    let used = 0;
    if (canStart(head, code, region)) {
      for (let take = Math.min(4, groups.length - i); take >= 1 && used === 0; take--) {
        const parts = groups.slice(i, i + take);
        const digits = parts.map((p) => p[0].replace('+', '')).join('');
        const first = parts[0];
        const last = parts[parts.length - 1];
        if (digits.length < 7 || digits.length > 15 || !first || !last) continue;
        const phone = parsePhone(digits, first[0].startsWith('+'), region);
        if (!phone) continue;
        found.push({ ...phone, start: offset + first.index, end: offset + last.index + last[0].length });
        used = take;
      }
    }
    i += used || 1;
  }
  return found;
}

function canStart(group: string, callingCode: string, region: CountryCode | undefined): boolean {
  if (group.startsWith('+') || group.startsWith('0')) return true;
  if (callingCode && group.startsWith(callingCode)) return true;
  // PRC mobiles are written without the trunk 0 (1[3-9]x xxxx xxxx); elsewhere without TRUNK_ZERO anything goes
  if (region === 'CN') return /^1[3-9]/.test(group);
  return region !== undefined && !TRUNK_ZERO.has(region);
}

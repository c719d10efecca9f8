import type { CountryCode } from 'libphonenumber-js/max';
import type { Identifier, IdentifierKind, NormalizedText } from '../types.ts';
import { accountSpans, insideAny } from './accounts.ts';
import type { PhraseHit } from './automaton.ts';
import { afterAccountLabel, findBankAccounts } from './banks.ts';
import { type LabelHit, type LabelTarget, readLabels, readMentions } from './chat-labels.ts';
import { afterCodeLabel } from './code-labels.ts';
import { IdentifierSet } from './collect.ts';
import { asciiDigits, type DigitRun, findDigitRuns } from './digits.ts';
import { type LexiconHit, scanLexicon } from './lexicon.ts';
import { canonicalUrl, clearLinkCache, findLinks, type LinkHit, registrableDomain } from './links.ts';
import { findMoney, type SalaryHit } from './money.ts';
import {
  clearPhoneCache,
  type FoundPhone,
  isMobile,
  type Phone,
  parseInternational,
  parsePhone,
  phonesInRun,
} from './phones.ts';
import { placeDetails, placeMatches } from './places.ts';
import { PLATFORM_HOSTS, platformHost, platformRefs } from './platform-links.ts';
import { defaultRegion } from './region.ts';
import { originalSpan, textInWrittenCase, withHostAsWritten } from './span.ts';
import { findWallets } from './wallets.ts';

export type ExtractOptions = { country?: string; lang?: string };

/**
 * Phones, chat handles, links, wallets, bank accounts, money and places in a normalised post,
 * deduplicated by (kind, normalized), every span in original-text coordinates.
 */
export function extractIdentifiers(n: NormalizedText, opts: ExtractOptions = {}): Identifier[] {
  const set = new IdentifierSet(n);
  const region = defaultRegion(opts);
  const bare = asciiDigits(n.bare);
  const runs = /\d/.test(bare) ? findDigitRuns(bare, 6) : [];
  const hits = scanLexicon(n);
  const claimed = new Claims(n.text.length, 0);

  const links = findLinks(n.text);
  for (const link of links) {
    addLink(n, set, link, region);
    claimed.add(link.start, link.end);
  }

  const salaries: SalaryHit[] = [];
  for (const h of hits) {
    if (h.value.type === 'salary')
      salaries.push({ start: h.start, end: h.end, period: h.value.period, explicit: h.value.explicit });
  }
  for (const m of findMoney(bare, n.text, region, salaries)) {
    if (claimed.overlaps(m.start, m.end)) continue;
    set.addText('money', m.normalized, m.start, m.end, m.details);
    claimed.add(m.start, m.end);
  }

  const free = runs.filter((r) => !claimed.overlaps(r.start, r.end));
  const phones = new Map<number, FoundPhone>();
  for (const account of findBankAccounts(bare, bankHits(hits), free)) {
    set.addText('bank_account', account.normalized, account.start, account.end, account.details);
    claimed.add(account.run.start, account.run.end);
    // An e-wallet account is the owner's phone number (GCash, TrueMoney, DANA ...).
    const phone = account.ewallet
      ? parsePhone(account.run.digits, false, regionOf(account.country))
      : undefined;
    if (phone) addPhone(set, { ...phone, start: account.run.start, end: account.run.end }, phones);
  }

  for (const run of free) {
    if (run.digits.length < 7 || claimed.overlaps(run.start, run.end)) continue;
    if (afterCodeLabel(bare, run.start)) continue;
    // After an account label only a mobile number is a phone (e-wallets are mobile numbers), and
    // only one of the post's region: without one, whose mobile it would be is a guess.
    const account = afterAccountLabel(bare, run.start);
    if (account && !region) continue;
    for (const phone of phonesInRun(bare, run, region))
      if (!account || isMobile(phone)) addPhone(set, phone, phones);
  }

  const inLinks = new Claims(n.text.length, 1);
  for (const link of links) inLinks.add(link.start, link.end);
  addHandles(n, set, hits, runs, phones, inLinks, region);

  for (const w of findWallets(n)) set.addSpan(w.kind, w.normalized, [w.start, w.end], w.details);

  const places = placeMatches(hits);
  const accounts = places.length > 0 ? accountSpans(set.entries()) : [];
  for (const p of places) {
    const span = originalSpan(n, p.start, p.end);
    if (span && !insideAny(accounts, span)) set.addSpan('place', p.place.id, span, placeDetails(p.place));
  }

  return set.list();
}

// Backing stores of the two Claims masks of a call (extractIdentifiers is synchronous, so never
// re-entered): a fresh Uint8Array per post cost more than clearing a kept one.
const claimBuffers = [new Uint8Array(1024), new Uint8Array(1024)];

/** Parts of n.text already taken by a link, an amount or an account: a mask, so checks stay linear. */
class Claims {
  private readonly mask: Uint8Array;
  /** `slot`: which kept buffer backs the mask (one per Claims alive at a time). */
  constructor(length: number, slot: 0 | 1) {
    let buffer = claimBuffers[slot] ?? new Uint8Array(0);
    if (buffer.length < length) {
      buffer = new Uint8Array(Math.max(length, 2 * buffer.length));
      claimBuffers[slot] = buffer;
    }
    buffer.fill(0, 0, length);
    this.mask = buffer.subarray(0, length);
  }
  add(start: number, end: number): void {
    this.mask.fill(1, start, end);
  }
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.mask[i] === 1) return true;
    return false;
  }
}

function regionOf(country: string): CountryCode | undefined {
  return defaultRegion({ country });
}

function addPhone(set: IdentifierSet, phone: FoundPhone, phones: Map<number, FoundPhone>): void {
  set.addText('phone', phone.e164, phone.start, phone.end, { country: phone.country, type: phone.type });
  phones.set(phone.start, phone);
}

function bankHits(hits: Array<PhraseHit<LexiconHit>>) {
  const out: Array<{ start: number; end: number; value: Extract<LexiconHit, { type: 'bank' }> }> = [];
  for (const h of hits) if (h.value.type === 'bank') out.push({ start: h.start, end: h.end, value: h.value });
  return out;
}

function addLink(
  n: NormalizedText,
  set: IdentifierSet,
  link: LinkHit,
  region: CountryCode | undefined,
): void {
  const span = originalSpan(n, link.start, link.end);
  if (!span) return;
  if (link.email) {
    const lowered = n.text.slice(link.start, link.end);
    set.addSpan('email', withHostAsWritten(n, link.start, lowered).replace(/^mailto:/, ''), span);
    return;
  }
  // Paths and invite codes are case-sensitive: each letter keeps the case it has in the post.
  const folded = textInWrittenCase(n, link.start, link.end);
  for (const e of hostAsWrittenFirst(folded, withHostAsWritten(n, link.start, folded), region))
    set.addSpan(e.kind, e.normalized, span, e.details && { ...e.details });
}

/**
 * A link's identifiers: its URL and domain from the host as the post wrote it (a look-alike host is
 * another site), its chat account or phone from the folded link (a look-alike "t.mе" still means
 * Telegram to its readers).
 */
function hostAsWrittenFirst(
  folded: string,
  written: string,
  region: CountryCode | undefined,
): readonly LinkIdentifier[] {
  const found = linkIdentifiers(folded, region);
  if (written === folded) return found;
  const site = linkIdentifiers(written, region).filter((e) => e.kind === 'url' || e.kind === 'domain');
  if (site.length === 0) return found;
  return [...site, ...found.filter((e) => e.kind !== 'url' && e.kind !== 'domain')];
}

type LinkIdentifier = {
  kind: IdentifierKind;
  normalized: string;
  details?: Record<string, string | boolean>;
};

// Campaigns repeat the same links: what a link yields (URL, domain, chat account, phone) is cached.
const linkCache = new Map<string, readonly LinkIdentifier[]>();
const LINK_CACHE_LIMIT = 4096;

/** Empties the per-link and per-number caches (to measure cold extraction). */
export function clearIdentifierCaches(): void {
  linkCache.clear();
  clearLinkCache();
  clearPhoneCache();
}

/** The identifiers a link (as written, or lower-cased) stands for. */
function linkIdentifiers(source: string, region: CountryCode | undefined): readonly LinkIdentifier[] {
  const key = `${region ?? ''} ${source}`;
  const cached = linkCache.get(key);
  if (cached) return cached;
  const found = parseLink(source, region);
  if (linkCache.size >= LINK_CACHE_LIMIT) linkCache.clear();
  linkCache.set(key, found);
  return found;
}

function parseLink(source: string, region: CountryCode | undefined): LinkIdentifier[] {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(source) ? source : `http://${source}`);
  } catch {
    return [];
  }
  if (!url.hostname) return [];
  const found: LinkIdentifier[] = [{ kind: 'url', normalized: canonicalUrl(url) }];
  const host = platformHost(url.hostname);
  const ip = /^[\d.]+$|^\[/.test(url.hostname);
  if (!ip && !PLATFORM_HOSTS.has(host))
    found.push({ kind: 'domain', normalized: registrableDomain(url.hostname) });
  for (const ref of platformRefs(url)) {
    if ('handle' in ref) {
      found.push({ kind: ref.kind, normalized: ref.handle, details: { via: 'link', ...ref.details } });
      continue;
    }
    const linkRegion = ref.kind === 'zalo' ? 'VN' : region;
    const phone = ref.international
      ? parseInternational(ref.phoneDigits)
      : (parsePhone(ref.phoneDigits, false, linkRegion) ?? parseInternational(ref.phoneDigits));
    if (!phone) continue;
    found.push({
      kind: 'phone',
      normalized: phone.e164,
      details: { country: phone.country, type: phone.type },
    });
    found.push({ kind: ref.kind, normalized: phone.e164, details: { via: 'link', phone: true } });
  }
  return found;
}

function addHandles(
  n: NormalizedText,
  set: IdentifierSet,
  hits: Array<PhraseHit<LexiconHit>>,
  runs: DigitRun[],
  phones: Map<number, FoundPhone>,
  links: Claims,
  region: CountryCode | undefined,
): void {
  const labels: LabelHit[] = [];
  for (const h of hits) {
    if (h.value.type === 'label')
      labels.push({ start: h.start, end: h.end, platform: h.value.platform, strong: h.value.strong });
  }
  const inLink = (at: number) => links.overlaps(at, at + 1);
  const targets = readLabels(n.text, labels).filter((t) => !inLink(t.type === 'number' ? t.at : t.start));
  const taken = new Set<number>();
  for (const t of targets) if (t.type === 'handle') taken.add(t.start);
  const telegramLinked = set.hasKind('telegram');
  const mentions = readMentions(n.text, labels, taken, telegramLinked).filter(
    (t) => !inLink(t.type === 'number' ? t.at : t.start),
  );
  const runAt = new Map(runs.map((r) => [r.start, r]));
  for (const t of [...targets, ...mentions]) {
    if (t.type === 'handle') {
      set.addText(t.platform, t.handle, t.start, t.end, { via: t.via });
      continue;
    }
    const phone = phones.get(t.at) ?? phones.get(t.at + 1) ?? numberAt(runAt, t, region);
    if (!phone) continue;
    if (!phones.has(phone.start))
      set.addText('phone', phone.e164, phone.start, phone.end, { country: phone.country, type: phone.type });
    set.addText(t.platform, phone.e164, phone.start, phone.end, { via: 'label', phone: true });
  }
}

/** A number after a chat label that the region rules rejected: Zalo numbers are Vietnamese, and
 *  WhatsApp/Telegram/Signal numbers are often written with the country code but without "+". */
function numberAt(
  runAt: Map<number, DigitRun>,
  t: Extract<LabelTarget, { type: 'number' }>,
  region: CountryCode | undefined,
): FoundPhone | undefined {
  const run = runAt.get(t.at) ?? runAt.get(t.at + 1);
  if (!run) return undefined;
  const local = t.platform === 'zalo' ? 'VN' : t.platform === 'line' ? (region ?? 'TH') : region;
  const phone: Phone | undefined = parsePhone(run.digits, run.plus, local) ?? parseInternational(run.digits);
  return phone ? { ...phone, start: run.start, end: run.end } : undefined;
}

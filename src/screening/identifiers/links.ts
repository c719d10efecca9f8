import { LinkifyIt } from 'linkify-it';

// URLs and e-mail addresses. linkify-it 6 costs ~100-300 µs on a whole 500-character post, so it
// runs only on the few space-free tokens that could hold a link (a dot before a letter, "://", "@").

// linkify-it accepts fuzzy links (no "http://") only under ccTLDs and a short list of old gTLDs;
// scam sites favour the cheap new ones, so those are added.
const NEW_TLDS = [
  'app',
  'bar',
  'best',
  'bet',
  'bid',
  'buzz',
  'cam',
  'casino',
  'cfd',
  'click',
  'cloud',
  'club',
  'cyou',
  'dev',
  'email',
  'fun',
  'games',
  'global',
  'group',
  'guru',
  'host',
  'icu',
  'ink',
  'kim',
  'lat',
  'life',
  'link',
  'live',
  'loan',
  'lol',
  'ltd',
  'mobi',
  'money',
  'monster',
  'network',
  'news',
  'one',
  'online',
  'page',
  'plus',
  'press',
  'pub',
  'rest',
  'run',
  'sbs',
  'services',
  'shop',
  'show',
  'site',
  'skin',
  'social',
  'space',
  'store',
  'stream',
  'studio',
  'support',
  'team',
  'tech',
  'today',
  'tools',
  'top',
  'trade',
  'vin',
  'vip',
  'website',
  'wiki',
  'win',
  'work',
  'world',
  'wtf',
  'xyz',
];
const OLD_TLDS = [
  'biz',
  'com',
  'edu',
  'gov',
  'net',
  'org',
  'pro',
  'web',
  'xxx',
  'aero',
  'asia',
  'coop',
  'info',
  'museum',
  'name',
];
const FUZZY_TLDS = new Set([...OLD_TLDS, ...NEW_TLDS]);

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false, maxLength: 2048 }).tlds(
  NEW_TLDS,
  true,
);

export type LinkHit = { start: number; end: number; email: boolean; url: string };

// A link needs "x.y" (letter after the dot), "://" or "@": found by the regex engine, then the
// space-free token around each one is handed to linkify-it.
const CANDIDATE = /[a-z0-9]\.[a-z]|:\/\/|@/g;

// Spam campaigns repeat the same links: linkify results are cached per token, and so is a token's
// rejection by plausible() (an empty list), since abbreviations such as "TP.HCM" recur too.
const cache = new Map<
  string,
  ReadonlyArray<{ index: number; lastIndex: number; email: boolean; url: string }>
>();
const CACHE_LIMIT = 4096;

export function clearLinkCache(): void {
  cache.clear();
}

const GLUED_LABEL = /^[^\s:/@.]{1,24}:(?!\/\/)/;

/** Links in `text` (n.text); positions are n.text positions. */
export function findLinks(text: string): LinkHit[] {
  const hits: LinkHit[] = [];
  CANDIDATE.lastIndex = 0;
  let done = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    if (m.index < done) continue;
    let start = m.index;
    while (start > done && isTokenChar(text.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
    done = end;
    CANDIDATE.lastIndex = end;
    // A label glued to the link by a colon ("zalo:zalo.me/84…", "Link:bit.ly/x") is not its scheme.
    const glued = GLUED_LABEL.exec(text.slice(start, Math.min(end, start + 26)));
    if (glued) start += glued[0].length;
    if (end - start < 4) continue;
    for (const link of linksIn(text.slice(start, end))) {
      hits.push({ start: start + link.index, end: start + link.lastIndex, email: link.email, url: link.url });
    }
  }
  return hits;
}

/** Skips linkify for tokens whose host cannot be a fuzzy link ("TP.HCM", "ngay.Cam"): cheap. */
function plausible(token: string): boolean {
  if (token.includes('://')) return true;
  const at = token.indexOf('@');
  const slash = token.indexOf('/');
  // an e-mail's host follows the @; a link's host runs up to the first / (tiktok.com/@name)
  const from = at >= 0 && (slash < 0 || at < slash) ? at + 1 : 0;
  const host = /[a-z0-9.-]+/.exec(token.slice(from).replace(/^[^a-z0-9]+/, ''))?.[0] ?? '';
  const tld = host.replace(/\.+$/, '').split('.').pop() ?? '';
  return host.includes('.') && (/^[a-z]{2}$/.test(tld) || FUZZY_TLDS.has(tld) || tld.startsWith('xn--'));
}

function linksIn(
  token: string,
): ReadonlyArray<{ index: number; lastIndex: number; email: boolean; url: string }> {
  const cached = cache.get(token);
  if (cached) return cached;
  const links = (plausible(token) ? (linkify.match(token) ?? []) : []).map((m) => {
    // linkify reads "tiktok.com/@name" as an e-mail address
    const email = m.schema === 'mailto:' && !m.text.includes('/');
    const url = m.schema === 'mailto:' && !email ? `http://${m.text}` : m.url;
    return { index: m.index, lastIndex: m.lastIndex, email, url };
  });
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, links);
  return links;
}

/**
 * Characters a link can contain here. Thai, Lao, Khmer, Burmese and CJK end a link: posts in those
 * scripts glue words to links ("加我t.me/abc", "t.me/abcครับ") and their IDN hosts are rare in ads.
 */
function isTokenChar(code: number): boolean {
  if (code <= 0x20 || code === 0x7f || code === 0xa0) return false;
  if (code < 0x0e00) return true;
  if (code <= 0x0eff || (code >= 0x1000 && code <= 0x109f) || (code >= 0x1780 && code <= 0x17ff))
    return false;
  if (code >= 0x2000 && code <= 0x206f) return false; // general punctuation, spaces, zero-width
  if (code >= 0x2e80 && code <= 0xa4cf) return false; // CJK, kana, ideographic punctuation
  if (code >= 0xac00 && code <= 0xd7af) return false; // Hangul
  if (code >= 0xff00 && code <= 0xffef) return false;
  return true;
}

// Second-level labels under country-code TLDs that are not registrable on their own (.co.th,
// .com.vn, .go.id ...), and hosting platforms where each subdomain belongs to someone else.
const SECOND_LEVEL = new Set([
  'ac',
  'biz',
  'co',
  'com',
  'edu',
  'gen',
  'go',
  'gob',
  'gov',
  'in',
  'info',
  'int',
  'ltd',
  'mil',
  'my',
  'name',
  'ne',
  'net',
  'nic',
  'or',
  'org',
  'per',
  'plc',
  'sch',
  'web',
]);
const SHARED_HOSTING = new Set([
  'blogspot.com',
  'github.io',
  'wordpress.com',
  'wixsite.com',
  'weebly.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'web.app',
  'firebaseapp.com',
  'herokuapp.com',
  'notion.site',
  'carrd.co',
  'glitch.me',
  'godaddysites.com',
  'square.site',
  'webflow.io',
  'mystrikingly.com',
  'business.site',
  'linktr.ee',
]);

/** The registrable part of a host ("jobs.abc.co.th" → "abc.co.th"), without a Public Suffix List. */
export function registrableDomain(host: string): string {
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const last2 = labels.slice(-2).join('.');
  if (SHARED_HOSTING.has(last2)) return labels.slice(-3).join('.');
  const tld = labels[labels.length - 1] ?? '';
  const sld = labels[labels.length - 2] ?? '';
  if (tld.length === 2 && SECOND_LEVEL.has(sld)) return labels.slice(-3).join('.');
  return last2;
}

/** URL without the scheme for http(s), host lower-cased (punycode), path and query as written. */
export function canonicalUrl(u: URL): string {
  const web = u.protocol === 'http:' || u.protocol === 'https:';
  const path = u.pathname === '/' && !u.search && !u.hash ? '' : u.pathname;
  return `${web ? '' : `${u.protocol}//`}${u.host}${path}${u.search}${u.hash}`;
}

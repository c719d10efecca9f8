import { LinkifyIt } from 'linkify-it';

// URLs and e-mail addresses. linkify-it costs ~100-300 µs on a whole 500-character post, so it
// runs only on the few space-free tokens that could hold a link (a dot before a letter, "://", "@").

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false, maxLength: 2048 });

export type LinkHit = { start: number; end: number; email: boolean; url: string };

/** Links in `text` (n.text); positions are n.text positions. */
export function findLinks(text: string): LinkHit[] {
  const hits: LinkHit[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let candidate = false;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isTokenChar(code)) break;
      if (candidate) continue;
      if (code === 0x40 || (code === 0x3a && text.startsWith('//', i + 1))) candidate = true;
      else if (code === 0x2e && isAsciiAlnum(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i + 1))) {
        candidate = true;
      }
    }
    if (!candidate || i - start < 4) continue;
    for (const m of linkify.match(text.slice(start, i)) ?? []) {
      // linkify reads "tiktok.com/@name" as an e-mail address
      const email = m.schema === 'mailto:' && !m.text.includes('/');
      const url = m.schema === 'mailto:' && !email ? `http://${m.text}` : m.url;
      hits.push({ start: start + m.index, end: start + m.lastIndex, email, url });
    }
  }
  return hits;
}

/**
 * Characters a link can contain here. Thai, Lao, Khmer, Burmese and CJK end a link: posts in those
 * scripts glue words to links ("加我t.me/abc", "t.me/abcครับ") and their IDN hosts are rare in ads.
 */
function isTokenChar(code: number): boolean {
  if (code <= 0x20 || code === 0x7f || code === 0xa0) return false;
  if (code < 0x0e00) return true;
  if (code <= 0x0eff || (code >= 0x1000 && code <= 0x109f) || (code >= 0x1780 && code <= 0x17ff)) return false;
  if (code >= 0x2000 && code <= 0x206f) return false; // general punctuation, spaces, zero-width
  if (code >= 0x2e80 && code <= 0xa4cf) return false; // CJK, kana, ideographic punctuation
  if (code >= 0xac00 && code <= 0xd7af) return false; // Hangul
  if (code >= 0xff00 && code <= 0xffef) return false;
  return true;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || isAsciiLetter(code);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

// Second-level labels under country-code TLDs that are not registrable on their own (.co.th,
// .com.vn, .go.id ...), and hosting platforms where each subdomain belongs to someone else.
const SECOND_LEVEL = new Set([
  'ac', 'biz', 'co', 'com', 'edu', 'gen', 'go', 'gob', 'gov', 'in', 'info', 'int', 'ltd', 'mil', 'my', 'name',
  'ne', 'net', 'nic', 'or', 'org', 'per', 'plc', 'sch', 'web',
]);
const SHARED_HOSTING = new Set([
  'blogspot.com', 'github.io', 'wordpress.com', 'wixsite.com', 'weebly.com', 'netlify.app', 'vercel.app',
  'pages.dev', 'web.app', 'firebaseapp.com', 'herokuapp.com', 'notion.site', 'carrd.co', 'glitch.me',
  'godaddysites.com', 'square.site', 'webflow.io', 'mystrikingly.com', 'business.site', 'linktr.ee',
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

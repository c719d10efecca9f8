import { parseAccept } from 'hono/utils/accept';
import { LANGS, type Lang } from './types.ts';

// The language a reader gets indicator reasons in. The platform keeps no language preference per
// user (the users table has none), so the request's Accept-Language decides (RFC 9110 §12.5.4), by
// primary subtag in order of preference; English when nothing matches. The web UI sends its own
// interface language; `jaring screen --reason-lang` sets it for the CLI.

/** Tagalog is the basis of Filipino; `in` is the withdrawn code for Indonesian. */
const ALIASES = new Map<string, Lang>([
  ['tl', 'fil'],
  ['in', 'id'],
]);

export function isLang(code: string): code is Lang {
  return LANGS.some((lang) => lang === code);
}

/** The first language of an Accept-Language header that Jaring has reasons in, else English. */
export function reasonLangOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'en';
  for (const range of parseAccept(acceptLanguage)) {
    if (range.q <= 0) continue;
    const primary = range.type.toLowerCase().split('-')[0] ?? '';
    if (primary === '*') return 'en';
    const lang = ALIASES.get(primary) ?? (isLang(primary) ? primary : undefined);
    if (lang) return lang;
  }
  return 'en';
}

type HeaderContext = {
  req: { header(name: string): string | undefined };
  header(name: string, value: string, options?: { append?: boolean }): void;
};

/** The reader's language for this request, announced in Content-Language (and Vary for caches). */
export function readerLang(c: HeaderContext): Lang {
  const lang = reasonLangOf(c.req.header('accept-language'));
  c.header('Content-Language', lang);
  c.header('Vary', 'Accept-Language', { append: true });
  return lang;
}

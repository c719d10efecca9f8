// Platform username rules, shared by links (t.me/name) and labels ("tele: name").
import type { IdentifierKind } from '../types.ts';

export type HandleKind = Extract<
  IdentifierKind,
  'telegram' | 'whatsapp' | 'line' | 'zalo' | 'wechat' | 'signal' | 'facebook' | 'tiktok'
>;

type Rule = { link: RegExp; label: RegExp };

const RULES: Record<HandleKind, Rule> = {
  // Telegram: a-z 0-9 _, 5-32 characters, starts with a letter (4 on links: auctioned short names).
  telegram: { link: /^[a-z][a-z0-9_]{2,30}[a-z0-9]$/, label: /^[a-z][a-z0-9_]{3,30}[a-z0-9]$/ },
  whatsapp: { link: /^$/, label: /^$/ },
  // LINE ID: 4-20 characters a-z 0-9 . - _ (official accounts: @ + 3-20).
  line: { link: /^[a-z0-9._-]{3,20}$/, label: /^[a-z0-9._-]{4,20}$/ },
  zalo: { link: /^[a-z0-9._]{3,40}$/, label: /^[a-z0-9._]{4,40}$/ },
  // WeChat ID: 6-20 characters, starts with a letter, a-z 0-9 _ -.
  wechat: { link: /^[a-z][a-z0-9_-]{5,19}$/, label: /^[a-z][a-z0-9_-]{5,19}$/ },
  // Signal usernames carry a numeric discriminator: name.01
  signal: { link: /^[a-z_][a-z0-9_]{2,31}\.\d{2,9}$/, label: /^[a-z_][a-z0-9_]{2,31}\.\d{2,9}$/ },
  facebook: { link: /^[a-z0-9.]{5,50}$/, label: /^[a-z0-9.]{5,50}$/ },
  // TikTok: 2-24 characters a-z 0-9 . _, not ending with a dot.
  tiktok: { link: /^[a-z0-9._]{1,23}[a-z0-9_]$/, label: /^[a-z0-9._]{1,23}[a-z0-9_]$/ },
};

/** The canonical handle (lower-case, no @) if `raw` is a valid username on `kind`. */
export function canonicalHandle(kind: HandleKind, raw: string, via: 'link' | 'label'): string | undefined {
  const handle = raw.toLowerCase().replace(/^@/, '');
  if (!RULES[kind][via].test(handle)) return undefined;
  if (kind === 'telegram' && handle.includes('__')) return undefined;
  // Facebook ignores dots in usernames: john.smith.9 and johnsmith9 are the same profile.
  if (kind === 'facebook') return handle.replace(/\./g, '');
  return handle;
}

/** Characters a handle may contain on any platform: where a handle after a label ends. */
export const HANDLE_CHAR = /[a-z0-9._-]/;

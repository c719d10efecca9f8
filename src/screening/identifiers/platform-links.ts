import { canonicalHandle, type HandleKind } from './handles.ts';

// Chat and social-media links → the account they point to. Codes of invite and short links are
// case-sensitive and kept as written; usernames are lower-cased.

export type PlatformRef =
  | { kind: HandleKind; handle: string; details?: Record<string, string | boolean> }
  | { kind: HandleKind; phoneDigits: string; international: boolean };

const TELEGRAM_RESERVED = new Set([
  'share',
  'addstickers',
  'addemoji',
  'addtheme',
  'addlist',
  'proxy',
  'socks',
  'iv',
  'login',
  'setlanguage',
  'bg',
  'boost',
  'contact',
  'confirmphone',
  'c',
  'invoice',
  'giftcode',
  'm',
  'nft',
  'premium',
  'k',
  'a',
  'z',
]);
const FACEBOOK_RESERVED = new Set([
  'sharer',
  'sharer.php',
  'share',
  'share.php',
  'login',
  'login.php',
  'home.php',
  'watch',
  'events',
  'pages',
  'photo',
  'photo.php',
  'photos',
  'permalink.php',
  'story.php',
  'help',
  'policies',
  'privacy',
  'marketplace',
  'gaming',
  'reel',
  'reels',
  'stories',
  'hashtag',
  'search',
  'notes',
  'l.php',
  'dialog',
  'plugins',
  'settings',
  'business',
  'ads',
  'tr',
  'legal',
  'terms',
  'about',
  'messages',
  'friends',
  'video',
  'videos',
  'media',
  'notifications',
  'bookmarks',
  'saved',
  'fundraisers',
  'live',
  'public',
  'directory',
  'recover',
  'checkpoint',
  'r.php',
  'reg',
  'index.php',
  'fb',
  'facebook',
  'profile',
  'me',
]);

const FACEBOOK_HOSTS = new Set(['facebook.com', 'fb.com', 'fb.me', 'fb.watch']);
const TELEGRAM_HOSTS = new Set(['t.me', 'telegram.me', 'telegram.dog']);

/** Hosts whose links are accounts on a platform: no separate `domain` identifier for them. */
export const PLATFORM_HOSTS = new Set([
  ...TELEGRAM_HOSTS,
  ...FACEBOOK_HOSTS,
  'wa.me',
  'whatsapp.com',
  'wa.link',
  'line.me',
  'lin.ee',
  'zalo.me',
  'signal.me',
  'signal.group',
  'm.me',
  'messenger.com',
  'tiktok.com',
  'instagram.com',
  'youtube.com',
  'youtu.be',
  'twitter.com',
  'x.com',
  'google.com',
  'goo.gl',
  'bit.ly',
]);

/** The host without a device or language prefix: m.facebook.com → facebook.com (but m.me stays). */
export function platformHost(host: string): string {
  const stripped = host.replace(/^(?:www|m|mobile|web|mbasic|touch|business|api|vm|vt)\./, '');
  return stripped.includes('.') ? stripped : host;
}

/** The accounts a link points to (usually one). `u` keeps the case of the post. */
export function platformRefs(u: URL): PlatformRef[] {
  const full = u.hostname.toLowerCase();
  const host = platformHost(full);
  const segs = u.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(safeDecode);
  const first = segs[0] ?? '';
  const lower = first.toLowerCase();
  if (TELEGRAM_HOSTS.has(host)) return telegram(segs);
  if (host === 'wa.me') {
    if (/^\+?\d{7,15}$/.test(first))
      return [{ kind: 'whatsapp', phoneDigits: first.replace('+', ''), international: true }];
    if (lower === 'message' && segs[1])
      return [{ kind: 'whatsapp', handle: `message/${segs[1]}`, details: { link: true } }];
    return [];
  }
  if (host === 'whatsapp.com' && full.startsWith('chat.')) {
    return first
      ? [{ kind: 'whatsapp', handle: `chat/${first}`, details: { group: true, invite: true } }]
      : [];
  }
  if (host === 'whatsapp.com') {
    const phone = (u.searchParams.get('phone') ?? '').replace(/\D/g, '');
    return phone.length >= 7 ? [{ kind: 'whatsapp', phoneDigits: phone, international: true }] : [];
  }
  if (host === 'line.me') return line(full, segs);
  if (host === 'lin.ee')
    return first ? [{ kind: 'line', handle: `lin.ee/${first}`, details: { link: true } }] : [];
  if (host === 'zalo.me') return zalo(segs);
  if (host === 'signal.me') return signal(u.hash);
  if (host === 'signal.group')
    return u.hash.length > 2
      ? [{ kind: 'signal', handle: `group/${u.hash.slice(1)}`, details: { group: true } }]
      : [];
  if (host === 'm.me') return handleRef('facebook', first, { messenger: true });
  if (host === 'messenger.com')
    return lower === 't' ? handleRef('facebook', segs[1] ?? '', { messenger: true }) : [];
  if (FACEBOOK_HOSTS.has(host)) return facebook(u, segs);
  if (host === 'tiktok.com') return first.startsWith('@') ? handleRef('tiktok', first.slice(1)) : [];
  return [];
}

function telegram(segs: string[]): PlatformRef[] {
  let [first = '', second = ''] = segs;
  if (first.toLowerCase() === 's') [first = '', second = ''] = segs.slice(1);
  const lower = first.toLowerCase();
  if (lower === 'joinchat')
    return second ? [{ kind: 'telegram', handle: `+${second}`, details: { invite: true } }] : [];
  if (first.startsWith('+')) {
    const rest = first.slice(1);
    if (/^\d{7,15}$/.test(rest)) return [{ kind: 'telegram', phoneDigits: rest, international: true }];
    return rest ? [{ kind: 'telegram', handle: first, details: { invite: true } }] : [];
  }
  if (TELEGRAM_RESERVED.has(lower)) return [];
  return handleRef('telegram', first);
}

function line(full: string, segs: string[]): PlatformRef[] {
  if (full.startsWith('page.'))
    return handleRef('line', (segs[0] ?? '').replace(/^@/, ''), { official: true });
  const path = segs[0]?.toLowerCase() === 'r' ? segs.slice(1) : segs;
  const [ti = '', type = '', token = ''] = path;
  if (ti.toLowerCase() !== 'ti' || !token) return [];
  if (type === 'g' || type === 'g2')
    return [{ kind: 'line', handle: `ti/${type}/${token}`, details: { group: true } }];
  if (type !== 'p') return [];
  if (token.startsWith('~')) return handleRef('line', token.slice(1));
  if (token.startsWith('@')) return handleRef('line', token.slice(1), { official: true });
  return [{ kind: 'line', handle: `ti/p/${token}`, details: { link: true } }];
}

const ZALO_RESERVED: ReadonlySet<string> = new Set(['s', 'app', 'pc', 'download']);

function zalo(segs: string[]): PlatformRef[] {
  const [first = '', second = ''] = segs;
  if (first === 'g' || first === 'G')
    return second ? [{ kind: 'zalo', handle: `g/${second}`, details: { group: true } }] : [];
  // official accounts (s/), app deep links and download pages name no user
  if (ZALO_RESERVED.has(first.toLowerCase())) return [];
  if (/^\+?\d{9,12}$/.test(first))
    return [{ kind: 'zalo', phoneDigits: first.replace('+', ''), international: first.startsWith('+') }];
  if (/^\d{13,25}$/.test(first)) return [{ kind: 'zalo', handle: first, details: { numericId: true } }];
  return handleRef('zalo', first);
}

function signal(hash: string): PlatformRef[] {
  const phone = /^#p\/\+?(\d{7,15})$/.exec(hash);
  if (phone?.[1]) return [{ kind: 'signal', phoneDigits: phone[1], international: true }];
  const user = /^#eu\/(.+)$/.exec(hash);
  return user?.[1] ? [{ kind: 'signal', handle: `eu/${user[1]}`, details: { link: true } }] : [];
}

function facebook(u: URL, segs: string[]): PlatformRef[] {
  const [first = '', second = '', third = ''] = segs;
  const lower = first.toLowerCase();
  if (lower === 'profile.php') {
    const id = u.searchParams.get('id') ?? '';
    return /^\d{5,20}$/.test(id) ? [{ kind: 'facebook', handle: id, details: { numericId: true } }] : [];
  }
  if (lower === 'people' && /^\d{5,20}$/.test(third))
    return [{ kind: 'facebook', handle: third, details: { numericId: true } }];
  if (lower === 'p') {
    const id = /-(\d{5,20})$/.exec(second)?.[1];
    return id
      ? [{ kind: 'facebook', handle: id, details: { numericId: true } }]
      : handleRef('facebook', second);
  }
  if (lower === 'groups' && second)
    return [{ kind: 'facebook', handle: `groups/${second.toLowerCase()}`, details: { group: true } }];
  // fb.com/l.<token>: the sign-in link of Facebook's own SMS notices ("… ingin berhubungan di Facebook")
  if (FACEBOOK_RESERVED.has(lower) || lower.startsWith('l.')) return [];
  if (/^\d{5,20}$/.test(first)) return [{ kind: 'facebook', handle: first, details: { numericId: true } }];
  return handleRef('facebook', first);
}

function handleRef(kind: HandleKind, raw: string, details?: Record<string, string | boolean>): PlatformRef[] {
  const handle = canonicalHandle(kind, raw, 'link');
  return handle ? [{ kind, handle, ...(details ? { details } : {}) }] : [];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

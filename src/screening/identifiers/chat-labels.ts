import type { ChatPlatform } from './data.ts';
import { SYMBOL_UNITS } from './fold.ts';
import { canonicalHandle } from './handles.ts';

// Handles and numbers introduced by a chat-app label ("Telegram: @jobs_kh", "tele: name",
// "zalo 0912 345 678", "ไอดีไลน์ abc123", "微信: abc123") and @mentions in a Telegram context.

export type LabelHit = { start: number; end: number; platform: ChatPlatform; strong: boolean };

export type LabelTarget =
  | {
      type: 'handle';
      platform: ChatPlatform;
      handle: string;
      start: number;
      end: number;
      via: 'label' | 'mention';
    }
  | { type: 'number'; platform: ChatPlatform; at: number };

// What may stand between a label and its value: punctuation and "ID", "là", "ke", "#", "号"...
// Emoji count as separators too ("WhatsApp 📞 08…", "Zalo ☎️: 09…").
const SEPARATOR = new RegExp(`[\\s:：=>|\\-–—.,(（[【"'“‘${SYMBOL_UNITS}]*`, 'y');
const CONNECTOR = new RegExp(
  `(?:id|là|la|ke|di|no\\.?|number|nomor|số|so|#|ไอดี|号|號|账号|帳號|ของ|คือ|ia|ni)(?![a-z])[\\s:：=>|\\-–—.,${SYMBOL_UNITS}]*`,
  'y',
);
const HANDLE = /@?[a-z0-9._-]{1,64}/y;
// A word after a blank line is the next paragraph's first word, not a label's handle (a number or an
// @handle is still the label's value: loan-scam SMS put "WhatsApp" and its number in paragraphs of
// their own); on the next line, only a word with a digit or an underscore is.
const PARAGRAPH_BREAK = /\n[^\S\n]*\n|\u2029/;
// "Zalo/Tele: 09...", "Telegram hoặc Zalo 09...": labels joined by a slash, comma or "or" share a value.
const CHAIN = /\s*(?:[/,&|+]|(?:or|hoặc|hoac|atau|หรือ|和|或|và|va|dan)(?![a-z]))[\s/,&|+]*/y;

// Common words that follow a label but are not handles ("Telegram group", "WhatsApp only").
const STOPWORDS = new Set([
  'group',
  'grup',
  'channel',
  'official',
  'only',
  'contact',
  'please',
  'here',
  'below',
  'link',
  'chat',
  'now',
  'kami',
  'saya',
  'untuk',
  'hubungi',
  'sekarang',
  'dengan',
  'atau',
  'sama',
  'nhom',
  'ngay',
  'nhanh',
  'them',
  'support',
  'number',
  'nomor',
  'inbox',
  'messenger',
  'telegram',
  'whatsapp',
  'zalo',
  'wechat',
  'line',
  'signal',
  'facebook',
  'tiktok',
  'apps',
  'app',
  'account',
  'admin',
  'page',
  'fanpage',
  'online',
  'call',
  'message',
]);

const MENTION_PLATFORMS: ReadonlySet<ChatPlatform> = new Set(['telegram', 'line', 'tiktok']);

/**
 * What each label points at, in label order. `text` is n.text. A number is returned by position
 * (the caller owns phone parsing); "zalo/tele: 09..." gives the number to both platforms.
 */
export function readLabels(text: string, labels: LabelHit[]): LabelTarget[] {
  const sorted = dropNested(labels);
  const targets: LabelTarget[] = [];
  const valueAt = new Map<
    number,
    | { kind: 'number'; at: number }
    | { kind: 'handle'; raw: string; start: number; end: number; strong: boolean }
  >();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const label = sorted[i];
    if (!label) continue;
    const next = sorted[i + 1];
    CHAIN.lastIndex = label.end;
    const shared =
      next && CHAIN.exec(text) && CHAIN.lastIndex === next.start ? valueAt.get(next.start) : undefined;
    if (shared) {
      valueAt.set(label.start, shared);
      pushTarget(targets, label, shared);
      continue;
    }
    const value = readValue(text, label);
    if (!value) continue;
    valueAt.set(label.start, value);
    pushTarget(targets, label, value);
  }
  return targets.reverse();
}

function pushTarget(
  targets: LabelTarget[],
  label: LabelHit,
  value:
    | { kind: 'number'; at: number }
    | { kind: 'handle'; raw: string; start: number; end: number; strong: boolean },
): void {
  if (value.kind === 'number') {
    targets.push({ type: 'number', platform: label.platform, at: value.at });
    return;
  }
  if (label.platform === 'whatsapp') return;
  const handle = canonicalHandle(label.platform, value.raw, 'label');
  if (!handle || STOPWORDS.has(handle)) return;
  const explicit = value.strong || label.strong || value.raw.startsWith('@') || /[0-9_]/.test(handle);
  if (!explicit) return;
  targets.push({
    type: 'handle',
    platform: label.platform,
    handle,
    start: value.start,
    end: value.end,
    via: 'label',
  });
}

function readValue(
  text: string,
  label: LabelHit,
):
  | { kind: 'number'; at: number }
  | { kind: 'handle'; raw: string; start: number; end: number; strong: boolean }
  | undefined {
  SEPARATOR.lastIndex = label.end;
  SEPARATOR.exec(text);
  let at = SEPARATOR.lastIndex;
  let strong = /[:：=]/.test(text.slice(label.end, at));
  CONNECTOR.lastIndex = at;
  if (CONNECTOR.exec(text)) {
    strong = true;
    at = CONNECTOR.lastIndex;
  }
  if (at - label.end > 24) return undefined;
  const c = text.charCodeAt(at);
  if (c === 0x2b || (c >= 0x30 && c <= 0x39) || (c === 0x28 && /[+\d]/.test(text.charAt(at + 1)))) {
    return { kind: 'number', at };
  }
  HANDLE.lastIndex = at;
  const m = HANDLE.exec(text);
  if (!m) return undefined;
  const raw = m[0].replace(/[._-]+$/, '');
  if (/^\d+$/.test(raw.replace(/^@/, ''))) return { kind: 'number', at };
  // "zalo:zalo.me/84…": the host of a link, which the link reader reads.
  if (text.charAt(at + m[0].length) === '/') return undefined;
  if (!raw.startsWith('@')) {
    const gap = text.slice(label.end, at);
    if (PARAGRAPH_BREAK.test(gap)) return undefined;
    // On the next line, a plain word begins the next sentence (or the next message, in a thread).
    if (gap.includes('\n') && !/[0-9_]/.test(raw)) return undefined;
  }
  return { kind: 'handle', raw, start: at, end: at + raw.length, strong };
}

/** "ไอดีไลน์" contains "ไลน์"; "telegram id" contains "telegram": keep the longest label. */
function dropNested(labels: LabelHit[]): LabelHit[] {
  const sorted = [...labels].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LabelHit[] = [];
  for (const l of sorted) {
    const last = out[out.length - 1];
    if (last && l.start < last.end) {
      if (l.end > last.end)
        out[out.length - 1] = { ...l, start: last.start, strong: last.strong || l.strong };
      continue;
    }
    out.push(l);
  }
  return out;
}

const MENTION = /(?<![a-z0-9._@/-])@([a-z][a-z0-9._]{1,63})/g;

/** @name mentions outside labels, given to the nearest @-platform label (or to Telegram when linked). */
export function readMentions(
  text: string,
  labels: LabelHit[],
  taken: Set<number>,
  telegramLinked: boolean,
): LabelTarget[] {
  if (!text.includes('@')) return [];
  const anchors = labels.filter((l) => MENTION_PLATFORMS.has(l.platform)).sort((a, b) => a.start - b.start);
  const targets: LabelTarget[] = [];
  let k = 0;
  for (const m of text.matchAll(MENTION)) {
    if (taken.has(m.index)) continue;
    const raw = (m[1] ?? '').replace(/[._]+$/, '');
    // Mentions come in text order: advance to the last label before the mention, compare with the next.
    while (k < anchors.length && (anchors[k]?.end ?? 0) <= m.index) k++;
    const before = anchors[k - 1];
    const after = anchors[k];
    let platform: ChatPlatform | undefined;
    if (before && after)
      platform = m.index - before.end <= after.start - m.index ? before.platform : after.platform;
    else platform = before?.platform ?? after?.platform;
    if (!platform && telegramLinked) platform = 'telegram';
    if (!platform) continue;
    const handle = canonicalHandle(platform, raw, 'label');
    // "ติดต่อ@LINE：y412", "สนใจ@LINK": a platform's name or a common word, not an account
    if (!handle || STOPWORDS.has(handle)) continue;
    targets.push({
      type: 'handle',
      platform,
      handle,
      start: m.index,
      end: m.index + 1 + raw.length,
      via: 'mention',
    });
  }
  return targets;
}

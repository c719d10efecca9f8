import { extractIdentifiers } from './identifiers/index.ts';
import { normalize } from './text/index.ts';
import { CHAT_KINDS, type IdentifierKind } from './types.ts';

// A watchlisted value is stored in the same normalised form the extractors give, so that a post
// naming it matches exactly. A handle may also be given bare ("@boss_88" or "boss_88").
const HANDLE_KINDS = new Set<IdentifierKind>(CHAT_KINDS.filter((k) => k !== 'whatsapp'));
const BARE_HANDLE = /^@?([A-Za-z0-9][A-Za-z0-9._-]{1,63})$/;

/** `country` (the node's) reads national-format phone numbers such as 0912 345 678. */
export function normalizeWatchValue(
  kind: IdentifierKind,
  value: string,
  country?: string,
): string | undefined {
  const found = extractIdentifiers(normalize(value), country ? { country } : {}).find((i) => i.kind === kind);
  if (found) return found.normalized;
  if (kind === 'whatsapp')
    return extractIdentifiers(normalize(value)).find((i) => i.kind === 'phone')?.normalized;
  const bare = BARE_HANDLE.exec(value.trim());
  return HANDLE_KINDS.has(kind) && bare?.[1] ? bare[1].toLowerCase() : undefined;
}

import type { CSSProperties } from 'react';

// A name as someone typed it. `overflowWrap: anywhere` lets an unbroken name break (and shrink the
// min-content width of its table column or flex row) so it stays on a phone's screen; `<bdi>`
// isolates it, so right-to-left or control characters in it cannot reorder the text around it.
export const wrapAnywhere: CSSProperties = { overflowWrap: 'anywhere', minWidth: 0 };

/** A person's name (or pseudonym), isolated and allowed to break anywhere. */
export function NameText({ children }: { children: string }) {
  return <bdi style={wrapAnywhere}>{children}</bdi>;
}

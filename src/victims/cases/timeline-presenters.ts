import { narrativeValue } from './narrative.ts';
import { presentPersonRef } from './person-refs.ts';
import type { TimelinePage } from './timeline-service.ts';

// A timeline page as the API shows it. Persons as references for this reader's view (names only in
// the identity view); narratives only when opened for this reader; users by name.

export function presentTimeline(p: TimelinePage) {
  return {
    entries: p.entries.map((e) => ({
      id: `${e.source}:${e.id}`,
      at: new Date(e.atMs).toISOString(),
      source: e.source,
      type: e.type,
      actor: e.actor && {
        id: e.actor.id,
        username: e.actor.username ?? p.users.get(e.actor.id ?? '')?.username ?? null,
      },
      person: e.personId ? presentPersonRef(p.persons, e.personId) : null,
      recordType: e.recordType,
      recordId: e.recordId,
      detail: e.detail,
      ...(e.text ? { text: narrativeValue(e.text), textStatus: e.text.status } : {}),
    })),
    users: Object.fromEntries(
      [...p.users.values()].map((u) => [u.id, { username: u.username, displayName: u.displayName }]),
    ),
    nextCursor: p.nextCursor,
  };
}

import type { ViewedCase } from './case-service.ts';
import { presentPersonSummary } from './presenters.ts';

// What a reader sees of a case. The closing reason (encrypted) only for caseworkers; a reason
// that fails authentication is reported in `integrity`, never shown.

export function presentCase(c: ViewedCase) {
  const base = {
    id: c.row.id,
    externalId: c.row.external_id,
    status: c.row.status,
    htcdsStatus: c.row.htcds_status,
    openedOn: c.row.opened_on,
    closedAt: c.row.closed_at ? c.row.closed_at.toISOString() : null,
    ownerId: c.row.owner_id,
    persons: c.persons.map((p) => ({
      role: p.link.role,
      linkedAt: p.link.linked_at.toISOString(),
      person: presentPersonSummary(p.person.record, p.person.pseudonym, p.person.opened),
    })),
    createdAt: c.row.created_at.toISOString(),
    updatedAt: c.row.updated_at.toISOString(),
  };
  if (c.closeReason === undefined) return base;
  if (c.closeReason === 'tampered') {
    return {
      ...base,
      closeReason: null,
      integrity: { status: 'tampered' as const, tamperedFields: ['closeReason'] },
    };
  }
  const none: string[] = [];
  return {
    ...base,
    closeReason: c.closeReason.value,
    integrity: { status: 'ok' as const, tamperedFields: none },
  };
}

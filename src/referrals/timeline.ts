import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import { type Actor, appendAudit } from '../platform/audit/append.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Tx } from '../platform/db/database.ts';
import type { NodeIdentity } from '../platform/http/context.ts';
import type { RepatriationStep } from '../victims/tables.ts';
import { eventNoteContext } from './encrypted-columns.ts';
import { insertEvent, updateReferral } from './repo.ts';
import type { EventKind, ReferralStatus, ReferralsTable, StepStatus } from './tables.ts';

// Every transition is one timeline row (who, when, on which node, why) and one audit entry, written
// together in the caller's transaction, with the referral's new status.

export type TimelineDeps = { cipher: FieldCipher; node: Pick<NodeIdentity, 'id' | 'country'> };

export type TimelineEvent = {
  referralId: string;
  kind: EventKind;
  status: ReferralStatus;
  actor: Actor;
  /** When it happened (on the other node, for an inbound message). */
  at: Date;
  /** The node where it happened: this one unless learned from a peer. */
  node?: { id: string; country: string };
  note?: string | undefined;
  step?: RepatriationStep;
  stepStatus?: StepStatus;
  /** Columns of the referral that change with the event. */
  changes?: Updateable<ReferralsTable>;
  /** Extra non-personal facts for the audit digest. */
  audit?: Record<string, unknown>;
};

export async function recordEvent(tx: Tx, deps: TimelineDeps, e: TimelineEvent): Promise<void> {
  const id = randomUUID();
  const node = e.node ?? deps.node;
  await updateReferral(tx, e.referralId, { ...e.changes, status: e.status });
  await insertEvent(tx, {
    id,
    referral_id: e.referralId,
    kind: e.kind,
    status: e.status,
    step: e.step ?? null,
    step_status: e.stepStatus ?? null,
    actor_id: e.actor.id,
    actor_label: e.actor.label,
    node_id: node.id,
    node_country: node.country,
    note_enc: e.note === undefined ? null : deps.cipher.encrypt(e.note, eventNoteContext(id)),
    at: e.at,
  });
  await appendAudit(tx, {
    actor: e.actor,
    action: `referral.${e.kind}`,
    recordType: 'referral',
    recordId: e.referralId,
    change: {
      eventId: id,
      status: e.status,
      at: e.at.toISOString(),
      node: node.id,
      step: e.step ?? null,
      stepStatus: e.stepStatus ?? null,
      hasNote: e.note !== undefined,
      ...e.audit,
    },
  });
}

import type { z } from 'zod';
import type { Tx } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/http/context.ts';
import type { Peer } from './peers/repo.ts';

// What a message type is: a name, a version, a zod schema for its body, and what the receiving
// node does with it. Modules declare their kinds; registry.ts lists them.

export type InboundMessage = {
  id: string;
  type: string;
  version: number;
  conversation: string;
  seq: number;
  sentAt: Date;
};

export type InboundContext = { deps: AppDeps; peer: Peer; message: InboundMessage };

/** One message type at one version. `handle` runs in the inbox transaction (all or nothing, exactly once per message id). */
export type MessageKind<T = unknown> = {
  type: string;
  version: number;
  schema: z.ZodType<T>;
  handle(tx: Tx, ctx: InboundContext, body: T): Promise<void>;
};

/**
 * Thrown by a handler for a message that can never be applied (an accept for an unknown referral):
 * the sender gets 422 with this code and message and dead-letters it; nothing is written.
 */
export class InboundRejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InboundRejection';
  }
}

/** Why a message was dead-lettered: the peer's permanent refusal, or no delivery in time. */
export type DeadLetterCause =
  | { kind: 'refused'; status: number; code: string; message: string }
  | { kind: 'expired'; hours: number };

/**
 * One conversation's dead letters, as the module that sent them learns of them: `head` is the
 * message that failed, `blocked` the later ones of its conversation, dead-lettered with it.
 */
export type DeadLetterNotice = {
  peerId: string;
  conversation: string;
  head: { id: string; type: string; seq: number };
  blocked: { id: string; type: string; seq: number }[];
  cause: DeadLetterCause;
  at: Date;
};

/**
 * What a sending module does when a message of one of its `types` is dead-lettered: `handle` runs in
 * the transaction that marks the letters dead and audits them.
 */
export type DeadLetterHandler = {
  types: readonly string[];
  handle(tx: Tx, deps: AppDeps, notice: DeadLetterNotice): Promise<void>;
};

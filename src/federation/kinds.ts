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

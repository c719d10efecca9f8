import type { MessageKind } from '../federation/kinds.ts';
import {
  receiveAccept,
  receiveAssessment,
  receiveDecline,
  receiveOffer,
  receiveReceipt,
  receiveStatus,
  receiveWithdraw,
} from './inbound.ts';
import {
  acceptBody,
  assessmentShareBody,
  declineBody,
  MESSAGE_TYPES,
  MESSAGE_VERSION,
  offerBody,
  receiptBody,
  statusBody,
  withdrawBody,
} from './message-schemas.ts';

// The referral module's message types (issue 5 §4), each at version 1. src/federation/registry.ts
// lists them; the inbox refuses any other version with a clear error before a handler runs.

function kind<T>(
  type: string,
  schema: MessageKind<T>['schema'],
  handle: MessageKind<T>['handle'],
): MessageKind<T> {
  return { type, version: MESSAGE_VERSION, schema, handle };
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of different body types.
export const referralMessageKinds: MessageKind<any>[] = [
  kind(MESSAGE_TYPES.offer, offerBody, receiveOffer),
  kind(MESSAGE_TYPES.accept, acceptBody, receiveAccept),
  kind(MESSAGE_TYPES.decline, declineBody, receiveDecline),
  kind(MESSAGE_TYPES.status, statusBody, receiveStatus),
  kind(MESSAGE_TYPES.withdraw, withdrawBody, receiveWithdraw),
  kind(MESSAGE_TYPES.assessment, assessmentShareBody, receiveAssessment),
  kind(MESSAGE_TYPES.receipt, receiptBody, receiveReceipt),
];

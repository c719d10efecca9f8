import { referralMessageKinds } from '../referrals/messages.ts';
import type { MessageKind } from './kinds.ts';
import { pingKind } from './ping.ts';

// Every message type this node reads, each at the versions it supports. A module adds its kinds here.
export const MESSAGE_KINDS: readonly MessageKind[] = [pingKind, ...referralMessageKinds];

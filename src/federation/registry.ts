import { referralDeadLetters } from '../referrals/dead-letters.ts';
import { referralMessageKinds } from '../referrals/messages.ts';
import type { DeadLetterHandler, MessageKind } from './kinds.ts';
import { pingKind } from './ping.ts';

// Every message type this node reads, each at the versions it supports. A module adds its kinds here.
export const MESSAGE_KINDS: readonly MessageKind[] = [pingKind, ...referralMessageKinds];

// What the sending module records when a message of its types is dead-lettered (dispatcher.ts).
export const DEAD_LETTER_HANDLERS: readonly DeadLetterHandler[] = [referralDeadLetters];

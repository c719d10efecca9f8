import { getJson, sendJson, withQuery } from '../api.ts';
import {
  agenciesAnswer,
  listAnswer,
  oneAnswer,
  type Referral,
  recipientsAnswer,
  sharedAnswer,
} from './schema.ts';

// Calls to /api/referrals and their query keys.

export const referralKeys = {
  all: ['referrals'] as const,
  list: (direction: 'outgoing' | 'incoming', personId?: string) =>
    ['referrals', 'list', direction, personId ?? 'all'] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  shared: (id: string) => ['referrals', 'shared', id] as const,
  recipients: ['referrals', 'recipients'] as const,
  agencies: (peerId: string) => ['referrals', 'recipients', peerId, 'agencies'] as const,
};

const enc = encodeURIComponent;

export const listReferrals = async (direction: 'outgoing' | 'incoming', personId?: string) =>
  (await getJson(withQuery('/api/referrals', { direction, personId }), listAnswer)).referrals;

export const fetchReferral = async (id: string) =>
  (await getJson(`/api/referrals/${enc(id)}`, oneAnswer)).referral;

export const fetchShared = async (id: string) =>
  (await getJson(`/api/referrals/${enc(id)}/shared`, sharedAnswer)).shared;

export const fetchRecipients = async () =>
  (await getJson('/api/referrals/recipients', recipientsAnswer)).recipients;

/** The peer's agencies, asked of its node when the form needs them (never shown to anyone else). */
export const fetchRecipientAgencies = (peerId: string) =>
  getJson(`/api/referrals/recipients/${enc(peerId)}/agencies`, agenciesAnswer);

export type NewReferral = {
  personId: string;
  /** The case the person is referred in: the referral becomes its outgoing HTCDS referral once sent. */
  caseId?: string;
  peerId: string;
  receivingAgency: string;
  reason: string;
  details?: string;
};

export const createReferral = async (body: NewReferral): Promise<Referral> =>
  (await sendJson('POST', '/api/referrals', body, oneAnswer)).referral;

/** POST /api/referrals/{id}/{action}: send, share-assessment, decision, status. */
export const actOn = async (id: string, action: string, body: unknown = {}): Promise<Referral> =>
  (await sendJson('POST', `/api/referrals/${enc(id)}/${action}`, body, oneAnswer)).referral;

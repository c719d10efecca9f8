import { getJson, sendJson } from '../../api.ts';
import type { ConsentBody, WithdrawBody } from './body.ts';
import { type Consent, consentAnswer, consentList } from './schema.ts';

export const consentKeys = {
  list: (personId: string) => ['victims', 'consents', personId] as const,
};

const enc = encodeURIComponent;

export const listConsents = async (personId: string): Promise<Consent[]> =>
  (await getJson(`/api/victims/persons/${enc(personId)}/consents`, consentList)).consents;

export const recordConsent = async (personId: string, body: ConsentBody): Promise<Consent> =>
  (await sendJson('POST', `/api/victims/persons/${enc(personId)}/consents`, body, consentAnswer)).consent;

export const withdrawConsent = async (id: string, body: WithdrawBody): Promise<Consent> =>
  (await sendJson('POST', `/api/victims/consents/${enc(id)}/withdraw`, body, consentAnswer)).consent;

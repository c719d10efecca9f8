import { getJson, sendJson } from '../../api.ts';
import type { ConsentBody, WithdrawBody } from './body.ts';
import { type Consent, type ConsentList, consentAnswer, consentList } from './schema.ts';

export const consentKeys = {
  /** Everything below: a merge or an unmerge changes whether a person takes new consent. */
  all: ['victims', 'consents'] as const,
  list: (personId: string) => ['victims', 'consents', personId] as const,
};

const enc = encodeURIComponent;

export const listConsents = (personId: string): Promise<ConsentList> =>
  getJson(`/api/victims/persons/${enc(personId)}/consents`, consentList);

export const recordConsent = async (personId: string, body: ConsentBody): Promise<Consent> =>
  (await sendJson('POST', `/api/victims/persons/${enc(personId)}/consents`, body, consentAnswer)).consent;

export const withdrawConsent = async (id: string, body: WithdrawBody): Promise<Consent> =>
  (await sendJson('POST', `/api/victims/consents/${enc(id)}/withdraw`, body, consentAnswer)).consent;

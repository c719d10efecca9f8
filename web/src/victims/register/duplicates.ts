import * as z from 'zod/mini';
import { sendJson } from '../../api.ts';
import { personSummary } from '../schema.ts';
import type { Draft } from './draft.ts';

// Possible duplicates of a registration before it is saved (POST /api/victims/duplicates/check,
// src/victims/duplicates): fuzzy name, birth date, identity number and phone.

const reason = z.object({
  signal: z.enum(['name', 'birthdate', 'identity_number', 'phone']),
  match: z.optional(z.string()),
});
export const candidate = z.object({
  person: personSummary,
  evidence: z.object({
    score: z.number(),
    level: z.enum(['high', 'medium', 'low']),
    reasons: z.array(reason),
  }),
});
export type Candidate = z.infer<typeof candidate>;
const checkAnswer = z.object({ candidates: z.array(candidate) });

export type CheckBody = {
  registeredOn?: string;
  identity: Record<string, string>;
  profile?: { ageAtRegistration: number };
  limit: number;
};

/** What the check needs from the draft, or null while there is too little to compare. */
export function checkBodyOf(draft: Draft): CheckBody | null {
  const identity: Record<string, string> = {};
  for (const key of [
    'firstName',
    'middleName',
    'secondName',
    'birthdate',
    'identityNumber',
    'mobilePhone',
  ] as const) {
    const value = draft[key].trim();
    if (value) identity[key] = value;
  }
  const name = [identity.firstName, identity.middleName, identity.secondName].filter(Boolean).join(' ');
  if (name.length < 3 && !identity.identityNumber && !identity.mobilePhone) return null;
  const age = Number.parseInt(draft.age, 10);
  return {
    ...(draft.registeredOn && { registeredOn: draft.registeredOn }),
    identity,
    ...(!draft.birthdate &&
      Number.isFinite(age) &&
      age >= 0 &&
      age <= 130 && { profile: { ageAtRegistration: age } }),
    limit: 5,
  };
}

export const checkDuplicates = async (body: CheckBody): Promise<Candidate[]> =>
  (await sendJson('POST', '/api/victims/duplicates/check', body, checkAnswer)).candidates;

import type { Person } from '../schema.ts';

/** The person's name where this reader may see it, else the pseudonym. */
export function personName(person: Pick<Person, 'identity' | 'pseudonym'>): string {
  const identity = person.identity;
  const name = identity
    ? [identity.firstName, identity.middleName, identity.secondName].filter(Boolean).join(' ')
    : '';
  return name || person.pseudonym;
}

import { errorResponses, rule } from '../../platform/http/fields.ts';

// Shared pieces of this module's route definitions.

export const tags = ['victims: case management'];
const content = errorResponses[400].content;
export const notFound = { 404: { description: 'Not found in your agency, or not visible to you', content } };
export const conflict = { 409: { description: 'Conflicts with the stored records', content } };

/** For `.refine(...)` on update bodies: at least one field, reported only when nothing else is wrong. */
export const namesAField = [
  (body: object) => Object.keys(body).length > 0,
  {
    ...rule('nothing_to_change', 'names no field to change'),
    when: (p: { issues: readonly unknown[] }) => p.issues.length === 0,
  },
] as const;

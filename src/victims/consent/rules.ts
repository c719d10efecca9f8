import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';
import { GIVERS, SUBJECT_AGES } from './types.ts';

// data/consent/rules.json: who may consent for whom. Loaded and validated when this module loads,
// so a bad file stops the node at start-up rather than deciding wrongly later.

export const CONSENT_RULES_PATH = repoPath('data', 'consent', 'rules.json');

const givers = z.array(z.enum(GIVERS)).min(1);
const ages = z.array(z.enum(SUBJECT_AGES)).min(1);
const sourceIds = z.array(z.string().min(1)).min(1);

const rulesFile = z
  .strictObject({
    version: z.number().int().positive(),
    updated: z.iso.date(),
    description: z.string().min(1),
    sources: z
      .array(z.strictObject({ id: z.string().min(1), citation: z.string().min(20), url: z.url().optional() }))
      .min(1),
    childAgeBelow: z.strictObject({ value: z.number().int().min(1).max(25), sources: sourceIds }),
    whenSubjectIsChild: z.strictObject({ givers, givenAs: ages, sources: sourceIds }),
    whenSubjectIsAdult: z.strictObject({ givers, givenAs: ages, sources: sourceIds }),
    recordable: z.strictObject({ adult: givers, child: givers, presumed_child: givers }),
  })
  .superRefine((file, ctx) => {
    const known = new Set(file.sources.map((s) => s.id));
    const cited = ['childAgeBelow', 'whenSubjectIsChild', 'whenSubjectIsAdult'] as const;
    for (const key of cited) {
      for (const id of file[key].sources) {
        if (!known.has(id))
          ctx.addIssue({ code: 'custom', path: [key, 'sources'], message: `unknown source ${id}` });
      }
    }
  });

export type ConsentRules = z.infer<typeof rulesFile>;

/** Parses the file's content; `name` is used in error messages. */
export function parseConsentRules(content: unknown, name = CONSENT_RULES_PATH): ConsentRules {
  const parsed = rulesFile.safeParse(content);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
  throw new Error(`${name} is invalid: ${issues}`);
}

export const CONSENT_RULES: ConsentRules = parseConsentRules(
  JSON.parse(readFileSync(CONSENT_RULES_PATH, 'utf8')),
);

/** Whether a person born on `birthDate` (YYYY-MM-DD) is a child at `at` (UTC calendar days). */
export function isChildAt(birthDate: string, at: Date, rules: ConsentRules = CONSENT_RULES): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new Error(`${birthDate} is not a date in the form YYYY-MM-DD`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const years = at.getUTCFullYear() - y;
  const beforeBirthday = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  return years - (beforeBirthday ? 1 : 0) < rules.childAgeBelow.value;
}

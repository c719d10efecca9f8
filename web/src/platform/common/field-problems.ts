import type { TFunction } from 'i18next';
import type { FieldError } from '../../api.ts';
import en from '../../i18n/locales/en.json';

// A refused field in the reader's language: named by the form's own label where the form gave one
// (a map from the API's path to the label), and its problem said from the server's code and
// parameters. The server's English message is used only for a code this file does not know.

/** The form's labels by API path, e.g. `{ 'identity.middleName': t('victims.person.middleName') }`. */
export type FieldLabels = Readonly<Record<string, string>>;

type ProblemKey = keyof typeof en.validation.problems;

// Our own rules (src/platform/http/fields.ts `rule`), the codes the server's validation gives, and
// those of the checks services make (the list in fields.ts `errorSchema`): each is said by the
// message of its camelCase key (`not_agency_user` → `notAgencyUser`), but for these.
const renamedKeys: Readonly<Record<string, ProblemKey>> = {
  invalid_type: 'type',
  invalid_value: 'choice',
  invalid_union: 'invalid',
  invalid_element: 'invalid',
  invalid_key: 'invalid',
  not_multiple_of: 'invalid',
  phone_e164: 'phone',
};

const isProblemKey = (key: string): key is ProblemKey => Object.hasOwn(en.validation.problems, key);

function ruleKey(code: string): ProblemKey | null {
  const key = renamedKeys[code] ?? code.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return isProblemKey(key) ? key : null;
}

const formatKeys: Readonly<Record<string, ProblemKey>> = {
  date: 'date',
  datetime: 'datetime',
  email: 'email',
  uuid: 'id',
  guid: 'id',
  url: 'url',
};

function problemKey(code: string | undefined, params: Readonly<Record<string, unknown>>): ProblemKey | null {
  const origin = params.origin;
  switch (code) {
    case 'too_small':
      if (origin === 'string') return params.minimum === 1 ? 'empty' : 'tooShort';
      if (origin === 'number' || origin === 'bigint') return 'tooSmallNumber';
      if (origin === 'array' || origin === 'set') return 'tooFewItems';
      return 'tooSmall';
    case 'too_big':
      if (origin === 'string') return 'tooLong';
      if (origin === 'number' || origin === 'bigint') return 'tooLargeNumber';
      if (origin === 'array' || origin === 'set') return 'tooManyItems';
      return 'tooBig';
    case 'invalid_format':
      return formatKeys[String(params.format)] ?? 'format';
    default:
      return code === undefined ? null : ruleKey(code);
  }
}

/** The form's label for a path, trying it with list positions as `*`, then its parents; else a readable name. */
export function fieldLabel(path: string, labels: FieldLabels = {}): string {
  const segments = path.split('.');
  for (let end = segments.length; end > 0; end--) {
    const head = segments.slice(0, end);
    const exact = labels[head.join('.')];
    if (exact) return exact;
    const wildcard = labels[head.map((s) => (/^\d+$/.test(s) ? '*' : s)).join('.')];
    if (wildcard) return wildcard;
  }
  return readableName(path);
}

/** `identity.middleName` → "Middle name": the last named segment, its words split. */
function readableName(path: string): string {
  const last = path.split('.').findLast((s) => s !== '' && !/^\d+$/.test(s)) ?? path;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const text = (value: unknown) =>
  typeof value === 'number' || typeof value === 'string' ? String(value) : '';

/** What is wrong with one field, in the interface language. */
export function fieldProblem(t: TFunction, field: FieldError, labels: FieldLabels = {}): string {
  const params = field.params ?? {};
  const key = problemKey(field.code, params);
  if (!key) return field.message || t('validation.problems.invalid');
  const other = typeof params.field === 'string' ? fieldLabel(params.field, labels) : '';
  return t(`validation.problems.${key}`, {
    minimum: text(params.minimum),
    maximum: text(params.maximum),
    other,
  });
}

/** "Middle name: must be at most 200 characters"; a problem of the whole request has no name. */
export function describeField(t: TFunction, field: FieldError, labels: FieldLabels = {}): string {
  const problem = fieldProblem(t, field, labels);
  if (field.path === '' || field.path === '(body)') return problem;
  return t('validation.field', { field: fieldLabel(field.path, labels), problem });
}

/** Each refused field once, in the interface language (two problems may read alike once translated). */
export function describeFields(
  t: TFunction,
  fields: readonly FieldError[],
  labels: FieldLabels = {},
): string[] {
  return [...new Set(fields.map((field) => describeField(t, field, labels)))];
}

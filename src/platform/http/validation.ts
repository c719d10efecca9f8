import type { z } from '@hono/zod-openapi';
import type { FieldIssue, IssueParams } from './errors.ts';

// zod's issues as the API's field problems. The English `message` stays as zod or our schema
// wrote it; `code` and `params` are the stable part a client translates: zod's own issue codes
// with their limits, `required` for a missing value, `unknown_field`, and for our refinements the
// code they name with `rule(...)` (fields.ts), or `custom` when they name none.

type Issue = z.ZodError['issues'][number];
type Problem = { code: string; params?: IssueParams };

export function fieldIssuesOf(issues: readonly Issue[], input: unknown): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          message: 'is not a known field',
          code: 'unknown_field',
        }))
      : [{ path: pathOf(issue.path), message: issue.message, ...problemOf(issue, input) }],
  );
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(body)';

function problemOf(issue: Issue, input: unknown): Problem {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports a missing member as a wrong type ("expected string, received undefined").
      return valueAt(input, issue.path) === undefined
        ? { code: 'required' }
        : { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      return {
        code: 'too_small',
        params: { origin: issue.origin, minimum: Number(issue.minimum), inclusive: issue.inclusive ?? true },
      };
    case 'too_big':
      return {
        code: 'too_big',
        params: { origin: issue.origin, maximum: Number(issue.maximum), inclusive: issue.inclusive ?? true },
      };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: issue.values.map(String) } };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: Number(issue.divisor) } };
    case 'custom':
      return ruleOf(issue.params);
    default:
      return { code: issue.code };
  }
}

/** A refinement's code and parameters, as `rule(code, message, params)` put them. */
function ruleOf(params: Record<string, unknown> | undefined): Problem {
  const { code, ...rest } = params ?? {};
  if (typeof code !== 'string') return { code: 'custom' };
  const kept: IssueParams = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      kept[key] = value;
  }
  return Object.keys(kept).length > 0 ? { code, params: kept } : { code };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

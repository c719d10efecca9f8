import { ApiError } from '../../api.ts';
import type { Problem } from './schema.ts';

// An import refused for its rows answers 400 with each problem as a field `<row>.<column>`
// (src/victims/htcds/routes.ts); a refused file (size, encoding, quoting) as `(file)`. Both become
// table rows; row 0 stands for the file itself.

export function problemsOfError(error: unknown): Problem[] {
  if (!(error instanceof ApiError) || error.status >= 500) return [];
  return error.fields.map((field) => {
    const match = /^(\d+)\.(.+)$/.exec(field.path);
    if (match?.[1] && match[2]) return { row: Number(match[1]), column: match[2], message: field.message };
    return { row: 0, column: field.path === '(file)' ? '' : field.path, message: field.message };
  });
}

/** Rows in file order, then column; the first `limit` of them, and how many were left out. */
export function firstProblems(
  problems: readonly Problem[],
  limit: number,
): { shown: Problem[]; more: number } {
  const sorted = [...problems].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return { shown: sorted.slice(0, limit), more: Math.max(0, sorted.length - limit) };
}

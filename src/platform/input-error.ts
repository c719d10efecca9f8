// Errors in what an operator gave a command: a missing or malformed file, a bad argument. The CLI
// prints them as one line that says what is wrong (no stack trace: nothing in Jaring failed).

/** A file or argument the operator gave is missing or malformed. */
export class InputError extends Error {}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
};

/** "cannot read nope.jsonl: no such file or directory" for Node's file errors; undefined otherwise. */
export function fileErrorMessage(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, path } = err as { code?: unknown; path?: unknown };
  const reason = typeof code === 'string' ? FILE_ERRORS[code] : undefined;
  return reason && typeof path === 'string' ? `cannot read ${path}: ${reason}` : undefined;
}

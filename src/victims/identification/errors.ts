import { relative } from 'node:path';
import { repoPath } from '../../platform/paths.ts';

/** A data file that cannot be used; the message names the file and, when known, the entry. */
export class IdentificationDataError extends Error {
  override name = 'IdentificationDataError';
}

/** A file's path as error messages show it: relative to the installation when inside it. */
export const shown = (file: string) => (file.startsWith(repoPath()) ? relative(repoPath(), file) : file);

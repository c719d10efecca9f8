import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Temporary folders a test file makes, removed once the file's tests have run (each test file
// loads this module afresh, so the hook is the importing file's).
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new folder in the system's temporary folder, named `jaring-<prefix>-…`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `jaring-${prefix}-`));
  made.push(dir);
  return dir;
}

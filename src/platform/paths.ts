import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Source runs from src/, the build from dist/: find the repository root by its package.json.
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Jaring installation folder (package.json).');
    dir = parent;
  }
  return dir;
}

const ROOT = findRoot();

export function repoPath(...parts: string[]): string {
  return join(ROOT, ...parts);
}

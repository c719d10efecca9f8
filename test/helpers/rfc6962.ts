import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoPath } from '../../src/platform/paths.ts';

// The reference implementation's RFC 6962 proof cases (transparency-dev/merkle testdata), in the
// shared standards folder beside the repository (or JARING_RFC6962_TESTDATA). The server's Merkle
// tests and the browser's inclusion check both run them; each suite skips when they are absent.

export const RFC6962_TESTDATA =
  process.env.JARING_RFC6962_TESTDATA ?? repoPath('..', 'shared', 'standards', 'rfc6962-testdata');

/** Whether the cases are there; warns, naming the suite, when they are not. */
export function rfc6962Available(suite: string): boolean {
  const available = existsSync(RFC6962_TESTDATA);
  if (!available) console.warn(`${suite}: the RFC 6962 test data are not at ${RFC6962_TESTDATA}; skipped`);
  return available;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

/** One case file; sizes can be uint64 (2^64 - 1 after an underflow), so they are kept as strings. */
export function parseCase(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8').replaceAll(
    /"(leafIdx|treeSize|size1|size2|start|end|size)":\s*(\d+)/g,
    '"$1": "$2"',
  );
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${path} is not an object`);
  return Object.fromEntries(Object.entries(parsed));
}

/** The cases of one folder (`inclusion`, `consistency`, `subtreeinclusion`), named by their paths. */
export function rfc6962Cases(folder: string) {
  return jsonFiles(join(RFC6962_TESTDATA, folder)).map((path) => ({
    name: relative(RFC6962_TESTDATA, path),
    c: parseCase(path),
  }));
}

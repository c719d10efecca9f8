#!/usr/bin/env node
// The CLI runs the compiled build (`npm run build`); tests run src/cli/main.ts through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(built)) {
  console.error('jaring: the build is missing. Run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(built);

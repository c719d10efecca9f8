import { readFileSync } from 'node:fs';

// For the locale tests of each module: a locale file's strings by dotted key, and the
// {{placeholders}} a string uses. Node only (reads the files), never bundled.

function flatten(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (typeof value === 'string') {
    into.set(prefix, value);
  }
  return into;
}

export function localeStrings(language: string): Map<string, string> {
  const file = new URL(`./locales/${language}.json`, import.meta.url);
  return flatten(JSON.parse(readFileSync(file, 'utf8')), '', new Map());
}

export const placeholders = (text: string | undefined) =>
  [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

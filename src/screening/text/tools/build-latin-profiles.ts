// Regenerates the `trigrams` of data/lang/latin-profiles.json (the hand-written `words` are kept):
//   npx tsx src/screening/text/tools/build-latin-profiles.ts && npx biome format --write data/lang
// vi and id come from the shared SMS datasets (../shared/datasets); en, ms and fil from franc 6's
// UDHR trigram tables (MIT). Text is lower-cased and stripped of diacritics first, as `bare` is.
import { readFileSync, writeFileSync } from 'node:fs';
import { data as francData } from 'franc/data.js';
import { repoPath } from '../../../platform/paths.ts';
import { LATIN_LANGS, type LatinLang, latinProfilesSchema } from '../latin-profiles.ts';

const TOP = 300;
const file = repoPath('data', 'lang', 'latin-profiles.json');

function bareWords(s: string): string[] {
  const folded = s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  return folded.split(/[^a-z]+/).filter((w) => w.length > 0);
}

function topFromDataset(name: string): string {
  const counts = new Map<string, number>();
  for (const line of readFileSync(repoPath('..', 'shared', 'datasets', name), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row: unknown = JSON.parse(line);
    if (typeof row !== 'object' || row === null || !('text' in row) || typeof row.text !== 'string') continue;
    // As franc's trigram-utils does: the words joined by single spaces, padded with one space.
    const padded = ` ${bareWords(row.text).join(' ')} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const t = padded.slice(i, i + 3);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP)
    .map(([t]) => t)
    .join('|');
}

function topFromFranc(code: string): string {
  const table = francData.Latin?.[code];
  if (table === undefined) throw new Error(`franc has no Latin table for ${code}`);
  return table
    .split('|')
    .filter((t) => /^[a-z ]{3}$/.test(t))
    .slice(0, TOP)
    .join('|');
}

const current = latinProfilesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const built: Record<LatinLang, string> = {
  en: topFromFranc('eng'),
  vi: topFromDataset('sms-vi.jsonl'),
  id: topFromDataset('sms-id.jsonl'),
  ms: topFromFranc('zlm'),
  fil: topFromFranc('tgl'),
};
for (const lang of LATIN_LANGS) current.trigrams[lang] = built[lang];
writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
console.log(`wrote ${file}`);

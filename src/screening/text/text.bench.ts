// Speed of the text stage on ~500-byte posts built from the shared SMS datasets (th, id, vi) and
// mixed ones (Thai + English, Vietnamese without diacritics, Zawgyi-free Burmese).
//   npx tsx src/screening/text/text.bench.ts
// Exports runTextBench() in the BenchResult shape of bench/lib/types.ts for bench/run.ts.
import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/paths.ts';
import { detectLanguages } from './language.ts';
import { normalize } from './normalize.ts';
import { segmentWords } from './segment.ts';

type Result = { name: string; value: number; unit: string; target?: string; pass?: boolean };

function rows(file: string): string[] {
  return readFileSync(repoPath('..', 'shared', 'datasets', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const row: unknown = JSON.parse(l);
      return typeof row === 'object' && row !== null && 'text' in row && typeof row.text === 'string'
        ? row.text
        : '';
    });
}

/** Posts of about `bytes` UTF-8 bytes, concatenating consecutive rows of the sources in turn. */
export function buildPosts(sources: string[][], count: number, bytes = 500): string[] {
  const posts: string[] = [];
  const cursor = sources.map(() => 0);
  for (let i = 0; i < count; i++) {
    const s = i % sources.length;
    const src = sources[s] ?? [];
    let post = '';
    while (Buffer.byteLength(post) < bytes && src.length > 0) {
      post += `${src[(cursor[s] ?? 0) % src.length]}\n`;
      cursor[s] = (cursor[s] ?? 0) + 1;
    }
    posts.push(post);
  }
  return posts;
}

// CPU time of this process (not wall time), so other work on the machine does not inflate the figure.
const cpuMicros = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

function measure(posts: string[], fn: (post: string) => unknown, ms = 1500): number {
  for (let i = 0; i < 2000; i++) fn(posts[i % posts.length] ?? '');
  let n = 0;
  const t0 = cpuMicros();
  while (cpuMicros() - t0 < ms * 1000) {
    for (let k = 0; k < 100; k++) fn(posts[n++ % posts.length] ?? '');
  }
  return (cpuMicros() - t0) / n;
}

export function runTextBench(log: (line: string) => void = console.log): Result[] {
  const th = rows('sms-th.jsonl');
  const id = rows('sms-id.jsonl');
  const vi = rows('sms-vi.jsonl');
  const mixed = buildPosts([th, id, vi], 3000);
  const results: Result[] = [];
  const normalized = mixed.map(normalize);
  const langs = normalized.map((n) => detectLanguages(n).lang);
  const steps: Array<[string, string[], (p: string) => unknown]> = [];
  const byIndex = new Map(mixed.map((p, i) => [p, i]));
  const nOf = (p: string) => normalized[byIndex.get(p) ?? 0] ?? normalize(p);
  steps.push(['normalize', mixed, (p) => normalize(p)]);
  steps.push(['detectLanguages (normalised input)', mixed, (p) => detectLanguages(nOf(p))]);
  steps.push([
    'segmentWords (normalised input)',
    mixed,
    (p) => segmentWords(nOf(p).text, langs[byIndex.get(p) ?? 0] ?? 'und'),
  ]);
  steps.push(['normalize + detectLanguages', mixed, (p) => detectLanguages(normalize(p))]);
  steps.push([
    'normalize + detectLanguages + segmentWords',
    mixed,
    (p) => {
      const n = normalize(p);
      return segmentWords(n.text, detectLanguages(n).lang);
    },
  ]);
  for (const [name, posts, fn] of steps) {
    const us = measure(posts, fn);
    log(`${name}: ${us.toFixed(1)} µs/post`);
    results.push({ name: `text: ${name}, 500-byte th/id/vi posts`, value: us, unit: 'µs/post' });
  }
  for (const [label, src] of [
    ['th', th],
    ['id', id],
    ['vi', vi],
  ] as const) {
    const posts = buildPosts([src], 1000);
    const us = measure(posts, (p) => detectLanguages(normalize(p)), 700);
    const seg = measure(
      posts.map((p) => normalize(p).text),
      (t) => segmentWords(t, label),
      700,
    );
    log(`${label}: normalize+detect ${us.toFixed(1)} µs/post, segmentWords ${seg.toFixed(1)} µs/post`);
    results.push({ name: `text: normalize + detectLanguages, ${label} posts`, value: us, unit: 'µs/post' });
    results.push({ name: `text: segmentWords, ${label} posts`, value: seg, unit: 'µs/post' });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) runTextBench();

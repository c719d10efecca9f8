// Throughput of extractIdentifiers on ~500-byte posts built from the shared th/id/vi SMS datasets.
// Run: npx tsx src/screening/identifiers/identifiers.bench.ts
import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/paths.ts';
import { normalize } from '../text/normalize.ts';
import type { NormalizedText } from '../types.ts';
import { extractIdentifiers } from './index.ts';
import { clearLinkCache } from './links.ts';
import { clearPhoneCache } from './phones.ts';

type Post = { n: NormalizedText; lang: string };

function buildPosts(): Post[] {
  const posts: Post[] = [];
  for (const lang of ['th', 'id', 'vi']) {
    let current = '';
    for (const line of readFileSync(repoPath('..', 'shared', 'datasets', `sms-${lang}.jsonl`), 'utf8').split('\n')) {
      const row: unknown = line ? JSON.parse(line) : undefined;
      if (typeof row !== 'object' || row === null || !('text' in row) || typeof row.text !== 'string') continue;
      current = current ? `${current} ${row.text}` : row.text;
      if (Buffer.byteLength(current) >= 500) {
        posts.push({ n: normalize(current), lang });
        current = '';
      }
    }
  }
  return posts;
}

function measure(posts: Post[]): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of posts) extractIdentifiers(p.n, { lang: p.lang });
  const wall = ((performance.now() - t0) * 1000) / posts.length;
  const used = process.cpuUsage(cpu0);
  return { wall, cpu: (used.user + used.system) / posts.length };
}

const posts = buildPosts();
const seen = posts.filter((_, i) => i % 2 === 0);
const unseen = posts.filter((_, i) => i % 2 === 1);
for (let round = 0; round < 5; round++) measure(seen);
const bytes = unseen.reduce((sum, p) => sum + Buffer.byteLength(p.n.original), 0) / unseen.length;
const rows: Array<[string, { wall: number; cpu: number }]> = [];
clearLinkCache();
clearPhoneCache();
rows.push(['unseen posts, empty caches', measure(unseen)]);
measure(seen);
const others = posts.filter((_, i) => i % 4 === 3);
const fresh = posts.filter((_, i) => i % 4 === 1);
clearLinkCache();
clearPhoneCache();
measure(others);
rows.push(['unseen posts, caches warm from other posts', measure(fresh)]);
let best = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
for (let round = 0; round < 3; round++) {
  const r = measure(unseen);
  if (r.wall < best.wall) best = r;
}
rows.push(['repeated posts (steady state)', best]);
console.log(`${unseen.length} posts, ${bytes.toFixed(0)} bytes on average (th/id/vi SMS)`);
for (const [name, r] of rows) console.log(`${name.padEnd(44)} ${r.wall.toFixed(1).padStart(7)} µs/post main thread, ${r.cpu.toFixed(1).padStart(7)} µs/post CPU`);

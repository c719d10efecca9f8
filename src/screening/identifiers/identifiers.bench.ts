// Throughput of extractIdentifiers on ~500-byte posts built from the shared th/id/vi SMS datasets.
// Run: npx tsx src/screening/identifiers/identifiers.bench.ts
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../platform/paths.ts';
import { normalize } from '../text/normalize.ts';
import type { NormalizedText } from '../types.ts';
import { clearIdentifierCaches, extractIdentifiers } from './index.ts';

type Post = { n: NormalizedText; lang: string };

function buildPosts(): Post[] {
  const posts: Post[] = [];
  for (const lang of ['th', 'id', 'vi']) {
    let current = '';
    for (const line of readFileSync(repoPath('..', 'shared', 'datasets', `sms-${lang}.jsonl`), 'utf8').split(
      '\n',
    )) {
      const row: unknown = line ? JSON.parse(line) : undefined;
      if (typeof row !== 'object' || row === null || !('text' in row) || typeof row.text !== 'string')
        continue;
      current = current ? `${current} ${row.text}` : row.text;
      if (Buffer.byteLength(current) >= 500) {
        posts.push({ n: normalize(current), lang });
        current = '';
      }
    }
  }
  return posts;
}

// CPU time of the main thread alone (Linux schedstat, ns): process.cpuUsage() also counts the GC and
// JIT threads, and wall time counts the waits of a busy machine.
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
function threadMicros(): number {
  if (!existsSync(SCHEDSTAT)) return Number.NaN;
  return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1000;
}

type Figures = { wall: number; thread: number; cpu: number };

function measure(posts: Post[]): Figures {
  const cpu0 = process.cpuUsage();
  const thread0 = threadMicros();
  const t0 = performance.now();
  for (const p of posts) extractIdentifiers(p.n, { lang: p.lang });
  const wall = ((performance.now() - t0) * 1000) / posts.length;
  const thread = (threadMicros() - thread0) / posts.length;
  const used = process.cpuUsage(cpu0);
  return { wall, thread, cpu: (used.user + used.system) / posts.length };
}

const posts = buildPosts();
const part = (k: number) => posts.filter((_, i) => i % 4 === k);
const [warmUp, cacheFill, unseenEmpty, unseenWarm] = [part(0), part(2), part(1), part(3)];
for (let round = 0; round < 5; round++) measure(warmUp); // JIT warm-up on other posts
const rows: Array<[string, Figures]> = [];
clearIdentifierCaches();
rows.push(['unseen posts, empty caches', measure(unseenEmpty)]);
measure(cacheFill);
rows.push(['unseen posts, caches warm from other posts', measure(unseenWarm)]);
let best: Figures = { wall: Number.POSITIVE_INFINITY, thread: Number.POSITIVE_INFINITY, cpu: 0 };
for (let round = 0; round < 3; round++) {
  const r = measure(unseenEmpty);
  if (r.thread < best.thread) best = r;
}
rows.push(['the same posts again (steady state)', best]);
const bytes = posts.reduce((sum, p) => sum + Buffer.byteLength(p.n.original), 0) / posts.length;
console.log(
  `${posts.length} posts of ${bytes.toFixed(0)} bytes on average (th/id/vi SMS), ${unseenEmpty.length} per row`,
);
console.log(`${''.padEnd(44)} µs/post: main-thread CPU, process CPU, wall`);
for (const [name, r] of rows) {
  const cells = [r.thread, r.cpu, r.wall].map((x) => x.toFixed(1).padStart(7)).join(' ');
  console.log(`${name.padEnd(44)} ${cells}`);
}

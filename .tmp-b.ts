import { readFileSync } from 'node:fs';
import { extractIdentifiers } from './src/screening/identifiers/index.ts';
import { plainText } from './src/screening/identifiers/test-helpers.ts';
const rows: Array<{ text: string; lang: string }> = [];
for (const l of ['th', 'id', 'vi']) for (const line of readFileSync(`/work/shared/datasets/sms-${l}.jsonl`, 'utf8').split('\n')) if (line) rows.push(JSON.parse(line));
// ~500-byte posts: concatenate SMS of the same language until >= 500 UTF-8 bytes
const posts: Array<{ text: string; lang: string }> = [];
for (const lang of ['th', 'id', 'vi']) {
  let cur = '';
  for (const r of rows.filter((r) => r.lang === lang)) {
    cur += (cur ? ' ' : '') + r.text;
    if (Buffer.byteLength(cur) >= 500) { posts.push({ text: cur, lang }); cur = ''; }
  }
}
const norm = posts.map((p) => ({ n: plainText(p.text), lang: p.lang }));
console.log('posts', posts.length, 'avg bytes', Math.round(posts.reduce((a, p) => a + Buffer.byteLength(p.text), 0) / posts.length));
let count = 0;
for (const p of norm) count += extractIdentifiers(p.n, { lang: p.lang }).length;
console.log('identifiers', count);
for (let round = 0; round < 10; round++) {
  const t0 = performance.now();
  for (const p of norm) extractIdentifiers(p.n, { lang: p.lang });
  console.log('us/post', ((performance.now() - t0) * 1000 / norm.length).toFixed(1));
}
const kinds = new Map<string, number>();
for (const p of norm) for (const id of extractIdentifiers(p.n, { lang: p.lang })) kinds.set(id.kind, (kinds.get(id.kind) ?? 0) + 1);
console.log([...kinds]);

import { readFileSync } from 'node:fs';
import { extractIdentifiers } from './src/screening/identifiers/index.ts';
import { plainText } from './src/screening/identifiers/test-helpers.ts';
const rows: Array<{ text: string; lang: string }> = [];
for (const l of ['th', 'id', 'vi']) for (const line of readFileSync(`/work/shared/datasets/sms-${l}.jsonl`, 'utf8').split('\n')) if (line) rows.push(JSON.parse(line));
const posts: Array<{ text: string; lang: string }> = [];
for (const lang of ['th', 'id', 'vi']) {
  let cur = '';
  for (const r of rows.filter((r) => r.lang === lang)) {
    cur += (cur ? ' ' : '') + r.text;
    if (Buffer.byteLength(cur) >= 500) { posts.push({ text: cur, lang }); cur = ''; }
  }
}
const norm = posts.map((p) => ({ n: plainText(p.text), lang: p.lang }));
for (let r = 0; r < 20; r++) for (const p of norm) extractIdentifiers(p.n, { lang: p.lang });

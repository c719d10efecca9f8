import { readFileSync } from 'node:fs';
import { plainText } from './src/screening/identifiers/test-helpers.ts';
import { lexicon } from './src/screening/identifiers/lexicon.ts';
const rows: Array<{ text: string; lang: string }> = [];
for (const l of ['th', 'id', 'vi']) for (const line of readFileSync(`/work/shared/datasets/sms-${l}.jsonl`, 'utf8').split('\n')) if (line) rows.push(JSON.parse(line));
let n = 0; const types = new Map<string, number>(); const words = new Map<string, number>();
for (const r of rows) { const t = plainText(r.text); for (const h of lexicon().scan(t.bare)) { n++; types.set(h.value.type, (types.get(h.value.type) ?? 0) + 1); const w = t.bare.slice(h.start, h.end); words.set(w, (words.get(w) ?? 0) + 1); } }
console.log(n / rows.length, [...types], [...words].sort((a, b) => b[1] - a[1]).slice(0, 30));

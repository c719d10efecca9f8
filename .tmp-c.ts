import { readFileSync } from 'node:fs';
import { extractIdentifiers } from './src/screening/identifiers/index.ts';
import { plainText } from './src/screening/identifiers/test-helpers.ts';
import { lexicon } from './src/screening/identifiers/lexicon.ts';
import { findLinks } from './src/screening/identifiers/links.ts';
import { asciiDigits, findDigitRuns } from './src/screening/identifiers/digits.ts';
import { findMoney } from './src/screening/identifiers/money.ts';
import { findWallets } from './src/screening/identifiers/wallets.ts';
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
function cpu(name: string, f: () => void, rounds = 5) {
  f();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / norm.length);
  }
  console.log(name.padEnd(12), best.toFixed(1), 'us/post (cpu)');
}
cpu('all', () => { for (const p of norm) extractIdentifiers(p.n, { lang: p.lang }); });
cpu('lexicon', () => { for (const p of norm) lexicon().scan(p.n.bare); });
cpu('links', () => { for (const p of norm) findLinks(p.n.text); });
cpu('digits', () => { for (const p of norm) findDigitRuns(asciiDigits(p.n.bare), 6); });
cpu('money', () => { for (const p of norm) findMoney(asciiDigits(p.n.bare), p.n.text, 'VN'); });
cpu('wallets', () => { for (const p of norm) findWallets(p.n.original); });
import { phonesInRun } from './src/screening/identifiers/phones.ts';
const pre = norm.map((p) => ({ b: asciiDigits(p.n.bare), runs: findDigitRuns(asciiDigits(p.n.bare), 7) }));
let nruns = 0; for (const p of pre) nruns += p.runs.length;
console.log('runs/post', (nruns / norm.length).toFixed(2));
cpu('phones', () => { for (const p of pre) for (const r of p.runs) phonesInRun(p.b, r, 'VN'); });

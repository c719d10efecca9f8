import { readFileSync } from 'node:fs';
import { lexicon } from './src/screening/identifiers/lexicon.ts';
import { plainText } from './src/screening/identifiers/test-helpers.ts';
const texts: string[] = [];
for (const l of ['th', 'id', 'vi']) for (const line of readFileSync(`/work/shared/datasets/sms-${l}.jsonl`, 'utf8').split('\n')) if (line) texts.push(plainText(JSON.parse(line).text).bare);
const flat = texts.map((t) => t.split('').join(''));
let chars = 0; for (const t of flat) chars += t.length;
const m = lexicon();
for (let r = 0; r < 5; r++) {
  const c0 = process.cpuUsage();
  let hits = 0;
  for (let k = 0; k < 10; k++) for (const t of flat) hits += m.scan(t).length;
  const c = process.cpuUsage(c0);
  console.log('ns/char', ((c.user + c.system) * 1000 / (chars * 10)).toFixed(2), hits);
}

import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../platform/paths.ts';

// Shares from the CTDC synthetic victim dataset (../shared/datasets/ctdc/, Counter Trafficking Data
// Collaborative, IOM) for victims whose country of origin is in Asia: the demo's fictional people
// are drawn with these proportions. The file is read where it is, never copied into the repository.

export type CtdcShares = {
  source: string;
  rows: number;
  female: number;
  minor: number;
  forcedLabour: number;
  sexualExploitation: number;
};

const FILE = repoPath('..', 'shared', 'datasets', 'ctdc', 'ctdc-victim-perpetrator-synthetic-condensed.csv');

/** Fallback when the dataset is absent: the shares this file gave when the demo was written. */
const FALLBACK: CtdcShares = {
  source: 'built-in (dataset not found)',
  rows: 0,
  female: 0.6,
  minor: 0.2,
  forcedLabour: 0.6,
  sexualExploitation: 0.35,
};

export function ctdcShares(file = FILE): CtdcShares {
  if (!existsSync(file)) return FALLBACK;
  const [header = '', ...lines] = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  const [gender, majority, labour, sexual, origin] = [
    'gender',
    'majorityStatus',
    'isForcedLabour',
    'isSexualExploit',
    'UN_COO_Region',
  ].map(at);
  if ([gender, majority, labour, sexual, origin].some((i) => i === undefined || i < 0)) return FALLBACK;
  let rows = 0;
  let female = 0;
  let minor = 0;
  let forced = 0;
  let sex = 0;
  for (const line of lines) {
    const f = line.split(',');
    if (!(f[origin as number] ?? '').includes('Asia')) continue;
    rows += 1;
    if (f[gender as number] === 'Female') female += 1;
    if (f[majority as number] === 'Minor') minor += 1;
    if (f[labour as number] === '1') forced += 1;
    if (f[sexual as number] === '1') sex += 1;
  }
  if (rows === 0) return FALLBACK;
  return {
    source: file,
    rows,
    female: female / rows,
    minor: minor / rows,
    forcedLabour: forced / rows,
    sexualExploitation: sex / rows,
  };
}

import { matchesWithin } from '../text/window.ts';
import { afterCodeLabel } from './code-labels.ts';
import { banks } from './data.ts';
import type { DigitRun } from './digits.ts';
import { foldKey, SYMBOL_UNITS, wordAlternation } from './fold.ts';
import type { LexiconHit } from './lexicon.ts';

// Bank accounts written next to the bank: "STK: 0123456789 Vietcombank", "rekening BCA 1234567890",
// "บัญชีกสิกร 123-4-56789-0". Only separators and account labels may stand between the two.

type BankHit = { start: number; end: number; value: Extract<LexiconHit, { type: 'bank' }> };

export type BankAccount = {
  start: number;
  end: number;
  normalized: string;
  run: DigitRun;
  details: Record<string, string | boolean>;
  ewallet: boolean;
  country: string;
};

type GapPatterns = { after: RegExp; before: RegExp; label: RegExp; labelEnds: RegExp };
let gaps: GapPatterns | undefined;

function gapPatterns(): GapPatterns {
  if (gaps) return gaps;
  const labels = wordAlternation(banks().accountLabels.map(foldKey));
  // Separators, emoji among them ("BCA 💳 no. rek 1234…", see wordGap).
  const sep = `[\\s:：;,.\\-–=()#/|${SYMBOL_UNITS}]*`;
  gaps = {
    after: new RegExp(`${sep}(?:(?:${labels}|ngan hang|bank)${sep}){0,3}`, 'y'),
    before: new RegExp(`^${sep}(?:(?:tai|at|di|ke|ngan hang|bank|ธนาคาร|ธ\\.|${labels})${sep}){0,3}$`),
    label: new RegExp(`(?<![a-z])(?:${labels})`, 'g'),
    labelEnds: new RegExp(`(?<![a-z])(?:${labels})${sep}$`),
  };
  return gaps;
}

/**
 * An account label ("no rek", "STK", "เลขที่บัญชี") right before `at` in `bare`, with only
 * separators between: the number there is an account's, not a landline's ("no rek 0385-0100-7302").
 */
export function afterAccountLabel(bare: string, at: number): boolean {
  return gapPatterns().labelEnds.test(bare.slice(Math.max(0, at - 28), at));
}

/**
 * The gap between a number and the bank after it reads as "<number> at <bank>": short, only
 * separators and bank words; an account label on a new line ("…0782320830\nTK ViettelPay 9704…")
 * starts a statement about another account, whose number follows.
 */
function accountBefore(gap: string, before: RegExp, label: RegExp): boolean {
  if (gap.length > 24 || !before.test(gap)) return false;
  const line = gap.lastIndexOf('\n');
  return line < 0 || matchesWithin(label, gap, line + 1, gap.length).length === 0;
}

/** Pairs bank names with the account number written right after (or right before) them. */
export function findBankAccounts(bare: string, hits: BankHit[], runs: DigitRun[]): BankAccount[] {
  if (hits.length === 0 || runs.length === 0) return [];
  const { after, before, label } = gapPatterns();
  const out: BankAccount[] = [];
  const used = new Set<DigitRun>();
  const byStart = new Map(runs.map((r) => [r.start, r]));
  const byEnd = [...runs].sort((a, b) => a.end - b.end);
  for (const hit of hits) {
    const { bank, weak } = hit.value;
    after.lastIndex = hit.end;
    after.exec(bare);
    const at = after.lastIndex;
    let run = byStart.get(at) ?? byStart.get(at + 1);
    let gap: [number, number] = [hit.end, at];
    if (!run || used.has(run)) {
      run = lastRunEndingBy(byEnd, hit.start);
      if (run && !accountBefore(bare.slice(run.end, hit.start), before, label)) run = undefined;
      gap = run ? [run.end, hit.start] : [0, 0];
    }
    if (!run || used.has(run) || !isAccountNumber(run)) continue;
    // "Kode transaksi LinkAja: 666707", "Mã GD 2411… Vietcombank": a code, not the account.
    if (afterCodeLabel(bare, Math.min(hit.start, run.start))) continue;
    // "dana", "wing", "maya" are also ordinary words: pair them only with an account label.
    if (
      weak &&
      matchesWithin(label, bare, gap[0], gap[1]).length === 0 &&
      matchesWithin(label, bare, Math.max(0, Math.min(hit.start, run.start) - 24), hit.start).length === 0
    ) {
      continue;
    }
    used.add(run);
    out.push({
      start: Math.min(hit.start, run.start),
      end: Math.max(hit.end, run.end),
      normalized: `${bank.id.toUpperCase()}:${run.digits}`,
      run,
      details: { bank: bank.name, bankId: bank.id, country: bank.country, type: bank.type },
      ewallet: bank.type === 'ewallet',
      country: bank.country,
    });
  }
  return out;
}

/** The run that ends closest before `at` (binary search over runs sorted by end). */
function lastRunEndingBy(byEnd: DigitRun[], at: number): DigitRun | undefined {
  let lo = 0;
  let hi = byEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((byEnd[mid]?.end ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return byEnd[lo - 1];
}

function isAccountNumber(run: DigitRun): boolean {
  if (run.plus || run.digits.length < 6 || run.digits.length > 20) return false;
  return !run.thousands || run.digits.startsWith('0');
}

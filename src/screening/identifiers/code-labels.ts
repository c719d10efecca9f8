import { codeLabels } from './data.ts';
import { foldKey, SYMBOL_UNITS, wordAlternation } from './fold.ts';

// Numbers that are codes, not phones: "Zoom ID: 848 5318 7652", "Mã giao dịch 2411042852",
// "รหัสยืนยัน 32707873". The labels are in data/gazetteer/code-labels.json.

let labelEnds: RegExp | undefined;

function pattern(): RegExp {
  if (labelEnds) return labelEnds;
  const { labels, connectors } = codeLabels();
  // On the label's own line and sentence: "… OTP.\n0899…" ends with the label, then gives a phone.
  const sep = `[ \\t:：\\-–=#|${SYMBOL_UNITS}]*`;
  // A Latin label is a whole word ("otp", not "kotp"); separators, emoji and a connector may follow.
  const words = (list: string[]) => wordAlternation(list.map(foldKey));
  labelEnds = new RegExp(
    `(?<![a-z0-9])(?:${words(Object.values(labels).flat())})${sep}(?:(?:${words(connectors)})${sep})?$`,
  );
  return labelEnds;
}

/** A code label right before `at` in `bare` (folded text), with only separators, emoji or a connector between, on the same line. */
export function afterCodeLabel(bare: string, at: number): boolean {
  return pattern().test(bare.slice(Math.max(0, at - 32), at));
}

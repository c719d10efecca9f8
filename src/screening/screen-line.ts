import { parseLine } from './input.ts';
import type { Model } from './model/model.ts';
import { screenPosts } from './pipeline.ts';
import { presentScreenResult } from './presenters.ts';
import type { Lang, RiskLevel, ScreenInput, ScreenResult } from './types.ts';

// A line of bulk input → one line of output: the result as JSON, or {id, error}. Never throws.
export type LineOutcome = { json: string; level: RiskLevel | 'error' };

/** A LineOutcome that also keeps the parsed post and its result, for callers that act on them. */
export type LineScreening = LineOutcome & { input?: ScreenInput; result?: ScreenResult };

/**
 * Numbered lines of bulk input → their outcomes, in order. The posts go through the pipeline stage
 * by stage (screenPosts), which costs less CPU a post than one by one, with the same outcomes.
 * `reasonLang`: the language of the indicator reasons in `json` (the matcher's English by default).
 */
export function screenLines(
  model: Model,
  lines: ReadonlyArray<readonly [line: string, lineNo: number]>,
  format: 'jsonl' | 'text',
  reasonLang: Lang = 'en',
): LineScreening[] {
  const parsed = lines.map(([line, lineNo]) => parseLine(line, format, lineNo));
  const inputs: ScreenInput[] = [];
  for (const p of parsed) if (p.ok) inputs.push(p.input);
  const results = screenPosts(model, inputs);
  let next = 0;
  return parsed.map((p, i) => {
    if (!p.ok) return parseFailure(p);
    return outcomeOf(p.input, results[next++] ?? new Error('not screened'), lines[i]?.[1] ?? 0, reasonLang);
  });
}

function parseFailure(parsed: { id: string | null; error: string }): LineScreening {
  return { json: JSON.stringify({ id: parsed.id, error: parsed.error }), level: 'error' };
}

function outcomeOf(
  input: ScreenInput,
  result: ScreenResult | Error,
  lineNo: number,
  reasonLang: Lang,
): LineScreening {
  if (result instanceof Error) {
    return {
      json: JSON.stringify({ id: input.id ?? null, error: `line ${lineNo}: ${result.message}` }),
      level: 'error',
    };
  }
  const shown = reasonLang === 'en' ? result : presentScreenResult(result, reasonLang);
  return { json: JSON.stringify(shown), level: result.level, input, result };
}

import { parseLine } from './input.ts';
import type { Model } from './model/model.ts';
import { screenPost } from './pipeline.ts';
import { presentScreenResult } from './presenters.ts';
import type { Lang, RiskLevel, ScreenInput, ScreenResult } from './types.ts';

// A line of bulk input → one line of output: the result as JSON, or {id, error}. Never throws.
export type LineOutcome = { json: string; level: RiskLevel | 'error' };

/** A LineOutcome that also keeps the parsed post and its result, for callers that act on them. */
export type LineScreening = LineOutcome & { input?: ScreenInput; result?: ScreenResult };

/** `reasonLang`: the language of the indicator reasons in `json` (the matcher's English by default). */
export function screenLineDetailed(
  model: Model,
  line: string,
  format: 'jsonl' | 'text',
  lineNo: number,
  reasonLang: Lang = 'en',
): LineScreening {
  const parsed = parseLine(line, format, lineNo);
  if (!parsed.ok) return { json: JSON.stringify({ id: parsed.id, error: parsed.error }), level: 'error' };
  try {
    const result = screenPost(model, parsed.input);
    const shown = reasonLang === 'en' ? result : presentScreenResult(result, reasonLang);
    return { json: JSON.stringify(shown), level: result.level, input: parsed.input, result };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      json: JSON.stringify({ id: parsed.input.id ?? null, error: `line ${lineNo}: ${message}` }),
      level: 'error',
    };
  }
}

export function screenLine(
  model: Model,
  line: string,
  format: 'jsonl' | 'text',
  lineNo: number,
  reasonLang: Lang = 'en',
): LineOutcome {
  const { json, level } = screenLineDetailed(model, line, format, lineNo, reasonLang);
  return { json, level };
}

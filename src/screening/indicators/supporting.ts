import { z } from 'zod';
import { describe, LexiconError } from './files.ts';
import { indicatorId, isoDate, sourceId } from './schema.ts';

// Red flags that count only beside another (data/indicators/supporting.json): "no experience
// needed", free lodging, contact by chat app… are in the scam pitch, and also in ordinary domestic
// ads. A post whose only red flags are these is reported with them but gets no evidence from them.

export const SUPPORTING_FILE = 'supporting.json';

const fileSchema = z.strictObject({
  version: z.number().int().min(1),
  updated: isoDate,
  note: z.string().min(1),
  indicators: z.array(indicatorId).min(1),
  sources: z.array(sourceId).min(1),
});

export type SupportingRules = {
  /** indicators that add evidence only when a red flag not listed here matched too */
  indicators: ReadonlySet<string>;
  sources: readonly string[];
};

export function parseSupportingRules(file: string, raw: unknown): SupportingRules {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${file}: ${describe(parsed.error)}`);
  return { indicators: new Set(parsed.data.indicators), sources: parsed.data.sources };
}

import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import { indicatorReason } from '../indicators/index.ts';
import type { Lang } from '../types.ts';
import { resultsAt } from './repo.ts';
import { openResults } from './sealed.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored result line (the CLI's English reasons) with each indicator's reason in `lang`, by id, as
 * presentScreenResult gives it; everything else byte for byte as stored. `{id, error}` lines pass.
 */
export function translateResultLine(line: string, lang: Lang): string {
  const result: unknown = JSON.parse(line);
  if (!isRecord(result) || !Array.isArray(result.indicators)) return line;
  for (const indicator of result.indicators) {
    if (!isRecord(indicator) || typeof indicator.id !== 'string') continue;
    // Assigned in place, so the keys keep their order and the line stays what the CLI prints.
    indicator.reason = indicatorReason(indicator.id, lang) ?? indicator.reason;
  }
  return JSON.stringify(result);
}

/** A checkpoint's JSON Lines in `lang`: English is stored, so it is sent as it is. */
export function translateResults(jsonLines: string, lang: Lang): string {
  if (lang === 'en' || jsonLines === '') return jsonLines;
  const lines = jsonLines.split('\n');
  // The text ends with "\n": the last element is empty and stays so.
  return lines.map((line) => (line === '' ? line : translateResultLine(line, lang))).join('\n');
}

/**
 * The saved results as one JSON Lines stream, a checkpoint row at a time, opened and translated as
 * it goes and read only as fast as the client takes them (a pull stream), so a batch of any size is
 * served in constant memory. A row that does not open ends the stream with an error, never garbage.
 */
export function resultsStream(
  store: { db: Db; cipher: FieldCipher },
  batchId: string,
  checkpoints: number,
  lang: Lang = 'en',
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let seq = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (seq < checkpoints) {
        const at = seq;
        const row = await resultsAt(store.db, batchId, at);
        seq += 1;
        if (!row) {
          controller.error(new Error(`batch ${batchId} has no results row ${at}`));
          return;
        }
        let data: string;
        try {
          data = translateResults(openResults(store.cipher, batchId, at, row.data_enc), lang);
        } catch (err) {
          controller.error(err);
          return;
        }
        if (data !== '') {
          controller.enqueue(encoder.encode(data));
          return;
        }
      }
      controller.close();
    },
  });
}

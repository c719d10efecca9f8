import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.ts';
import { segmentWords } from './segment.ts';

const words = (text: string, lang: Parameters<typeof segmentWords>[1]) =>
  segmentWords(text, lang).map((w) => w.word);

describe('segmentWords', () => {
  it('splits Thai into words', () => {
    expect(words('งานออนไลน์รายได้ดี', 'th')).toEqual(['งาน', 'ออนไลน์', 'ราย', 'ได้', 'ดี']);
  });

  it('splits normalised Thai with SARA AM intact (ทำงาน is one word)', () => {
    expect(words(normalize('ทํางานออนไลน์').text, 'th')).toEqual(['ทำงาน', 'ออนไลน์']);
  });

  it('splits Khmer, Lao and Burmese into several words', () => {
    const km = words('ជ្រើសរើសបុគ្គលិកធ្វើការនៅថៃ', 'km');
    expect(km).toContain('បុគ្គលិក');
    expect(km.length).toBeGreaterThanOrEqual(3);
    const lo = words('ຮັບສະໝັກພະນັກງານເຮັດວຽກ', 'lo');
    expect(lo).toContain('ພະນັກງານ');
    expect(lo.length).toBeGreaterThanOrEqual(3);
    const my = words('အလုပ်လုပ်ချင်သူများ', 'my');
    expect(my).toContain('အလုပ်');
    expect(my.length).toBeGreaterThanOrEqual(3);
  });

  it('splits space-delimited text by hand, keeping inner apostrophes', () => {
    expect(words("don't pay the fee: 0812-345, việc nhẹ!", 'en')).toEqual([
      "don't",
      'pay',
      'the',
      'fee',
      '0812',
      '345',
      'việc',
      'nhẹ',
    ]);
  });

  it('gives offsets into the text and handles mixed scripts', () => {
    const text = 'ติดต่อ line งานดี';
    const ws = segmentWords(text, 'th');
    expect(ws.map((w) => w.word)).toEqual(['ติดต่อ', 'line', 'งาน', 'ดี']);
    for (const w of ws) expect(text.slice(w.start, w.end)).toBe(w.word);
  });

  it('returns nothing for empty or wordless text', () => {
    expect(segmentWords('', 'und')).toEqual([]);
    expect(segmentWords(' .,!? ', 'und')).toEqual([]);
  });
});

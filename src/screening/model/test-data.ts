import type { Example } from './model.ts';
import { createRandom } from './random.ts';

// A small synthetic, separable set in two languages for unit tests: recruitment scams vs
// everyday messages, built from word pools with a seeded generator.
const POOLS = {
  id: {
    scam: ['gaji', 'tinggi', 'kerja', 'ringan', 'hubungi', 'whatsapp', 'bonus', 'transfer', 'biaya', 'visa'],
    ham: ['rapat', 'besok', 'kantor', 'makan', 'siang', 'ibu', 'rumah', 'sekolah', 'jadwal', 'kelas'],
  },
  vi: {
    scam: ['lương', 'cao', 'việc', 'nhẹ', 'liên', 'hệ', 'zalo', 'chuyển', 'khoản', 'phí'],
    ham: ['họp', 'ngày', 'mai', 'văn', 'phòng', 'ăn', 'trưa', 'nhà', 'trường', 'lớp'],
  },
} as const;

export function syntheticExamples(perClass = 150, seed = 7): Example[] {
  const random = createRandom(seed);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)] ?? '';
  const out: Example[] = [];
  for (const lang of ['id', 'vi'] as const) {
    for (const label of [1, 0] as const) {
      const words = label === 1 ? POOLS[lang].scam : POOLS[lang].ham;
      for (let i = 0; i < perClass; i++) {
        const text = Array.from({ length: 6 + Math.floor(random() * 6) }, () => pick(words)).join(' ');
        out.push({ text: `${text} ${Math.floor(random() * 1000)}`, label, lang });
      }
    }
  }
  return out;
}

import { afterAll, describe, expect, it } from 'vitest';
import { loadScreeningModel } from './default-model.ts';
import { screenPost } from './pipeline.ts';
import { createPostPool } from './post-pool.ts';

// The HTTP server's screening threads give exactly what screening on the calling thread gives.

const posts = [
  'Việc nhẹ lương cao ở Campuchia, bao vé máy bay, liên hệ Telegram @tuyendung_kh 0912345678',
  'รับสมัครพนักงานแอดมิน ทำงานที่ปอยเปต เงินเดือน 35,000 บาท ไม่ต้องมีประสบการณ์ ติดต่อไลน์ id: job88',
  'Lowongan kerja di Kamboja, gaji 1500 USD, tiket pesawat gratis, WA +62 812-3456-7890',
  'ကမ္ဘောဒီးယားမှာ အလုပ်ရှိတယ် လစာကောင်း',
  'Weekly team meeting moved to Thursday 3pm.',
  '招聘客服 柬埔寨西港 月薪3000美元 包吃住 飞机票报销 联系 t.me/job_sihanouk',
];

const pool = createPostPool(2, undefined);
afterAll(() => pool.close());

describe('screening threads', () => {
  it('give the same result as the calling thread, in any order of arrival', async () => {
    const model = loadScreeningModel();
    const inputs = posts.map((text, i) => ({ id: String(i), text, country: i % 2 ? 'TH' : undefined }));
    const threaded = await Promise.all(inputs.map((input) => pool.screen(input)));
    expect(threaded).toEqual(inputs.map((input) => screenPost(model, input)));
    expect(threaded.some((r) => r.level !== 'low')).toBe(true);
  });

  it('start again after being closed', async () => {
    await pool.close();
    const again = await pool.screen({ text: posts[0] ?? '' });
    expect(again).toEqual(screenPost(loadScreeningModel(), { text: posts[0] ?? '' }));
  });
});

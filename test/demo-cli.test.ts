import { expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';

// Issue 5 "Done when": `jaring demo --check` exits 0 on a fresh clone: three nodes, each with its
// own database, peered, and a referral TH → KH whose every step is observed on both sides.
it('jaring demo --check runs the referral flow across three nodes and exits 0', async () => {
  const { code, output } = await runCli(['demo', '--check'], {});
  expect(output).toContain('Thailand');
  expect(output).toContain('Cambodia');
  expect(output).toContain('Indonesia');
  for (const side of ['TH', 'KH']) {
    expect(output).toContain(`✓ ${side}: referral accepted`);
    expect(output).toContain(`✓ ${side}: referral completed`);
  }
  expect(output).toContain('All steps were observed on both sides.');
  expect(code, output).toBe(0);
}, 300_000);

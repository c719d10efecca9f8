import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserNode, createUser, logIn, startBrowserNode, UI_TIMEOUT } from '../helpers/browser.ts';

// An auditor checks in the browser that an audit entry is in the log the latest signed checkpoint
// commits to (web/src/platform/audit/inclusion.ts): verified for an entry the checkpoint covers,
// failed when the proof the server sends is altered, and not yet provable for a newer entry.
const PASSWORD = 'an administrator password for audit proofs';

let node: BrowserNode;
beforeAll(async () => {
  // No periodic checkpoint during the test: the entries after the one signed here stay unsigned.
  node = await startBrowserNode(PASSWORD, { JARING_CHECKPOINT_SECONDS: '86400' });
});
afterAll(async () => node?.close());

describe('audit inclusion proofs', () => {
  it("verifies an entry's inclusion proof against the signed checkpoint in the browser", async () => {
    const page = await node.browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await logIn(page, node.base, 'admin', PASSWORD);
    // An entry of its own, then a checkpoint over it.
    const status = await createUser(page, {
      username: 'e2e_proof_subject',
      displayName: 'Proof subject',
      roles: ['caseworker'],
      password: 'a first password for them',
    });
    expect(status).toBe(201);
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect
      .poll(
        async () => {
          await page.reload();
          await table.waitFor();
          return table.locator('tr', { hasText: 'user.create' }).count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Create checkpoint now' }).click();
    await expect.poll(() => page.getByTestId('checkpoint-tree-size').innerText()).toMatch(/^\d+$/);

    const row = table.locator('tr', { hasText: 'user.create' }).first();
    const seq = (await row.locator('td').first().innerText()).trim();
    await row.getByRole('button', { name: 'Check inclusion' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain(`Inclusion proof of entry ${seq}`);
    const verdict = dialog.getByTestId('proof-verdict');
    await expect.poll(() => verdict.innerText(), { timeout: UI_TIMEOUT }).toMatch(/^Verified: /);
    expect(await dialog.getByTestId('proof-signature').innerText()).toBe('Verified (Ed25519)');
    // The root computed here is the signed one.
    const size = await page.getByTestId('checkpoint-tree-size').innerText();
    expect(await verdict.innerText()).toContain(`signed checkpoint of ${size} entries`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // A proof altered on its way (one hash of the path, or the leaf swapped) fails here.
    await page.route('**/api/audit/proofs/inclusion*', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const first: string = body.proof[0] ?? body.leafHash;
      const flipped = `${first.slice(0, -1)}${first.endsWith('0') ? '1' : '0'}`;
      if (body.proof.length > 0) body.proof[0] = flipped;
      else body.rootHash = flipped;
      await route.fulfill({ response, json: body });
    });
    const older = table.locator('tr', { hasText: 'user.create' }).first();
    await page.reload();
    await table.waitFor();
    await older.getByRole('button', { name: 'Check inclusion' }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByTestId('proof-verdict').innerText(), { timeout: UI_TIMEOUT })
      .toMatch(/^Failed: /);
    await page.unroute('**/api/audit/proofs/inclusion*');
    await page.close();
  });

  it('says an entry after the latest checkpoint cannot be checked yet, in Thai too', async () => {
    const page = await node.browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await logIn(page, node.base, 'admin', PASSWORD);
    await page.getByTestId('nav-audit').click();
    await page.getByRole('button', { name: 'Create checkpoint now' }).click();
    await page.getByText('Checkpoint created.').waitFor();
    const checkpoint = Number(await page.getByTestId('checkpoint-tree-size').innerText());
    // Entries after it: a user created now.
    expect(
      await createUser(page, {
        username: 'e2e_proof_later',
        displayName: 'Later',
        roles: ['caseworker'],
        password: 'a first password for them',
      }),
    ).toBe(201);
    const table = page.getByTestId('audit-table');
    const newest = async () => {
      await page.reload();
      await table.waitFor();
      return Number((await table.locator('tbody tr td').first().innerText()).trim());
    };
    await expect.poll(newest, { timeout: 20_000, interval: 500 }).toBeGreaterThanOrEqual(checkpoint);
    await page.getByTestId('language-select').selectOption('th');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('th');
    await table.locator('tbody tr').first().getByRole('button', { name: 'ตรวจการบรรจุ' }).click();
    await expect
      .poll(() => page.getByRole('dialog').innerText(), { timeout: UI_TIMEOUT })
      .toContain('รายการนี้เกิดขึ้นหลังจุดตรวจสอบล่าสุด');
    await page.close();
  });
});

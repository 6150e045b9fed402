import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { AppPage } from '../support/app-page';

const screenshotDir = 'e2e/screenshots';

/**
 * The end of the loop: trace → propose the top candidates → approve → export the seizure packet
 * → verify it in the app and with the CLI; then the register records the bank's reply.
 */
test('an investigator proposes traced assets, approves them, exports the packet and verifies it', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const app = new AppPage(page);
  await app.openDemoInRussian('Трассировка');
  const seeds = page.locator('#trace-seeds');
  await expect(seeds).toBeVisible({ timeout: 60_000 });
  await seeds.fill('8 702 945 68 70');
  await seeds.press('Enter');
  await page.getByTestId('trace-run').click();
  await expect(page.getByTestId('trace-summary')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('tab', { name: /Кандидаты на арест/ }).click();
  await page.getByTestId('freeze-propose-top').fill('6');
  await page.getByTestId('freeze-propose-button').click();
  await expect(page.getByTestId('freeze-proposed')).toContainText('Предложено к аресту');
  await page.getByTestId('freeze-open-tab').click();

  const rows = page.getByTestId('freeze-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('freeze-count-proposed')).toContainText(String(count));
  await expect(page.getByTestId('freeze-register')).toContainText('Tether');
  await page.screenshot({
    path: `${screenshotDir}/freeze-proposed.ru.png`,
    animations: 'disabled',
    fullPage: true,
  });

  // Approve them all in one move.
  await page.getByRole('checkbox', { name: 'Выбрать все' }).check({ force: true });
  await page.getByTestId('freeze-step-approved').click();
  await page.getByTestId('freeze-step-submit').click();
  await expect(page.getByTestId('freeze-count-approved')).toContainText(String(count));

  // The office's own wording: a mistyped placeholder is refused, the corrected template is kept.
  await page.getByTestId('packet-templates-open').click();
  const title = page.getByTestId('template-title');
  await title.fill('ТРЕБОВАНИЕ {{instituton}}');
  await page.getByTestId('templates-save').click();
  await expect(page.getByTestId('templates-issues')).toContainText('instituton');
  await title.fill('ТРЕБОВАНИЕ');
  await page.getByTestId('templates-save').click();
  await expect(page.getByTestId('templates-saved')).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/freeze-templates.ru.png`, animations: 'disabled' });
  await page.getByRole('button', { name: 'Закрыть' }).click();

  // Export one packet for the case, letters in Russian.
  await page.getByTestId('packet-export-open').click();
  await expect(page.getByTestId('packet-export-count')).toContainText(String(count));
  // The demo case has no ЕРДР number: the dialog says the letters would leave it blank.
  await expect(page.getByTestId('packet-no-registry')).toBeVisible();
  await page.getByTestId('signer-position').fill('Следователь по особо важным делам');
  await page.getByTestId('signer-organisation').fill('СУ ДП г. Алматы');
  await page.getByTestId('signer-city').fill('Алматы');
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('packet-export-run').click();
  const file = testInfo.outputPath('packet.zip');
  await (await download).saveAs(file);
  await expect(page.getByTestId('packet-export-done')).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: `${screenshotDir}/freeze-packet-exported.ru.png`, animations: 'disabled' });
  await page.getByRole('button', { name: 'Закрыть' }).click();

  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const names = Object.keys(files);
  expect(names).toEqual(
    expect.arrayContaining(['manifest.json', 'VERIFY.txt', 'registry.xlsx', 'trace-report.pdf']),
  );
  expect(
    names.filter((n) => n.startsWith('letters/') && n.endsWith('.ru.pdf')).length,
  ).toBeGreaterThanOrEqual(2);
  expect(strFromU8(files['evidence/audit-log.jsonl']!)).toContain('packet.exported');
  const letter = names.find((n) => n.startsWith('letters/') && n.endsWith('.ru.docx'))!;
  const documentXml = strFromU8(unzipSync(files[letter]!)['word/document.xml']!);
  expect(documentXml).toContain('ТРЕБОВАНИЕ');
  expect(documentXml).toMatch(/В производстве СУ ДП г\.\sАлматы/); // \s: a no-break space ties «г.» to the name

  // The same check in the app …
  await page.getByTestId('packet-verify-open').click();
  const own = (await page.getByTestId('packet-own-fingerprint').innerText()).trim();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('packet-verify-pick').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('packet-verify-ok')).toContainText('этой установки');
  await expect(page.getByTestId('packet-signer')).toHaveText(own);
  await page.screenshot({ path: `${screenshotDir}/freeze-packet-verified.ru.png`, animations: 'disabled' });
  await page.getByRole('button', { name: 'Закрыть' }).click();

  // … and with the CLI, expecting this installation's fingerprint.
  const cli = spawnSync(process.execPath, ['bin/moneytrail.mjs', 'verify', file, '--expect', own], {
    encoding: 'utf8',
  });
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stdout).toBe(`OK\nsigner fingerprint: ${own}\n`);

  // The bank answers: request sent, then frozen with the amount it actually froze.
  const first = rows.first();
  await first.click();
  await page.getByTestId('freeze-step-request-sent').click();
  await page.getByTestId('freeze-number').fill('3-15/1204');
  await page.getByTestId('freeze-step-submit').click();
  await expect(first).toHaveAttribute('data-status', 'request-sent');
  // A recorded move clears the selection; the reply is for this one asset again.
  await first.click();
  await page.getByTestId('freeze-step-frozen').click();
  await page.getByTestId('freeze-step-submit').click();
  await expect(page.getByTestId('freeze-step-error')).toContainText('Номер ответа');
  await page.getByTestId('freeze-number').fill('ОТ-889');
  await page.getByTestId('freeze-step-submit').click();
  await expect(first).toHaveAttribute('data-status', 'frozen');
  await expect(page.getByTestId('freeze-total-frozen')).not.toContainText('—');
  await page.screenshot({
    path: `${screenshotDir}/freeze-register.ru.png`,
    animations: 'disabled',
    fullPage: true,
  });

  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-tab')).toContainText('Выгружен пакет для ареста');
  await expect(page.getByTestId('audit-tab')).toContainText('Активы предложены к аресту');
  await expect(page.getByTestId('audit-verdict')).toContainText('Цепочка цела');

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { partyPool, preamble, statementRow } from '../../bench/statement';
import { rng } from '../../shared/demo/ids';
import { csvText } from '../../shared/demo/render-kit';
import { importStatement } from '../../shared/import';
import type { Cell } from '../../shared/import/table';
import { halykFixture, vtbFixture } from '../../shared/import/table/fixtures';
import { AppPage } from '../support/app-page';
import { asCp1251Csv, asXlsx } from '../support/statement-files';

const screenshotDir = 'e2e/screenshots';

test('import an XLSX and a Windows-1251 CSV through the mapping preview, with provenance and audit', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  await app.createCase('Дроп-карты Kaspi, Алматы', '', 'Ахметов Д. С.');

  const xlsx = asXlsx(halykFixture(1, 40), 'Халык выписка KZ.xlsx');
  const csv = asCp1251Csv(vtbFixture(4, 30), 'vtb-statement-1251.csv');

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-statements').click();
  await (await chooser).setFiles([xlsx, csv]);

  // File 1: the detected header and column roles are shown before anything is stored.
  await expect(page.getByTestId('mapping-preview')).toBeVisible();
  await expect(page.getByTestId('import-file')).toContainText('Халык выписка KZ.xlsx');
  await expect(page.getByTestId('role-A')).toHaveValue('date');
  await page.screenshot({ path: `${screenshotDir}/import-preview-xlsx.ru.png`, animations: 'disabled' });
  await page.getByTestId('confirm-import').click();

  // File 2: CP1251 decoded, `;` detected.
  await expect(page.getByTestId('import-file')).toContainText('vtb-statement-1251.csv');
  await expect(page.getByTestId('mapping-preview')).toContainText('windows-1251');
  await page.screenshot({ path: `${screenshotDir}/import-preview-csv.ru.png`, animations: 'disabled' });
  await page.getByTestId('confirm-import').click();

  const outcomes = page.getByTestId('import-outcomes');
  await expect(outcomes).toContainText(`Халык выписка KZ.xlsx: операций — ${xlsx.expectedTransactions}`);
  await expect(outcomes).toContainText(`vtb-statement-1251.csv: операций — ${csv.expectedTransactions}`);
  await page.screenshot({ path: `${screenshotDir}/import-done.ru.png`, animations: 'disabled' });
  await page.getByTestId('close-import').click();

  await expect(page.getByTestId('source-row')).toHaveCount(2);
  await page.getByTestId('source-row').first().click();
  await expect(page.getByTestId('source-details')).toContainText('SHA-256');
  // The fixture's stated balances do not add up: the check says so in the investigator's language.
  await expect(page.getByTestId('source-details')).toContainText('расхождение');
  await page.screenshot({ path: `${screenshotDir}/sources.ru.png`, animations: 'disabled' });

  // The same file again adds nothing.
  const again = page.waitForEvent('filechooser');
  await page.getByTestId('import-statements').click();
  await (await again).setFiles([xlsx]);
  await expect(page.getByTestId('import-outcomes')).toContainText('уже есть в деле');
  await page.getByTestId('close-import').click();
  await expect(page.getByTestId('source-row')).toHaveCount(2);

  // Identifiers found in the statements, each leading back to its source row.
  await page.getByRole('tab', { name: 'Объекты' }).click();
  await expect(page.getByTestId('entity-row').first()).toBeVisible();
  await page.getByTestId('entity-row').first().click();
  await expect(page.getByTestId('entity-details')).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/entities.ru.png`, animations: 'disabled' });
  await page.getByTestId('mention-table').locator('tbody tr').first().click();
  await expect(page.getByTestId('focused-row')).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/source-row-from-entity.ru.png`, animations: 'disabled' });

  // Each import is in the audit chain.
  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(3);
  await expect(page.getByTestId('audit-verdict')).toContainText('Цепочка цела');

  // Reload: the store kept everything (behind the passphrase, asked for again).
  await page.reload();
  await app.unlock();
  await page.getByRole('tab', { name: 'Источники' }).click();
  await expect(page.getByTestId('source-row')).toHaveCount(2);

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

test('a large statement: its payment purposes go to the import worker’s own worker, with the same result', async ({
  page,
}) => {
  // Above the 4 MB at which the import worker starts an extraction worker of its own.
  const random = rng(4242);
  const pool = partyPool(random, 500);
  const rows = 12_000;
  const lines: Cell[][] = [...preamble(rows)];
  for (let i = 0; i < rows; i++) lines.push(statementRow(random, pool, i, false));
  const buffer = Buffer.from(csvText(lines, ';'), 'utf8');
  expect(buffer.length).toBeGreaterThan(4 * 1024 * 1024);
  // The same file imported here, extracting in place: the app must find exactly this.
  const expected = importStatement(new Uint8Array(buffer), 'halyk-large.csv', { importedAt: 0 });
  const identifiers = new Set(expected.mentions.map((m) => `${m.kind}\u0000${m.value}`)).size;

  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  await app.createCase('Крупная выписка', '', 'Ахметов Д. С.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-statements').click();
  await (await chooser).setFiles({ name: 'halyk-large.csv', mimeType: 'text/csv', buffer });
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-outcomes')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('close-import').click();

  const digits = async (text: Promise<string>) => Number((await text).replace(/\D/g, ''));
  const row = page.getByTestId('source-row').first();
  await expect(row).toBeVisible();
  const cells = row.locator('td');
  expect(await digits(cells.nth(2).innerText())).toBe(expected.transactions.length);
  expect(await digits(cells.nth(4).innerText())).toBe(identifiers);
  await row.click();
  const invalidTab = page.getByRole('tab', { name: /Неверные идентификаторы/ });
  await expect(invalidTab).toBeVisible();
  expect(await digits(invalidTab.innerText())).toBe(expected.invalid.length);
  // The list itself is read only when its tab opens (it is sealed apart from the source's record).
  await invalidTab.click();
  const invalidRows = page.getByTestId('source-details').locator('tbody tr');
  await expect(invalidRows).toHaveCount(Math.min(500, expected.invalid.length));
  await expect(invalidRows.first()).toContainText(expected.invalid[0]?.raw ?? '—');
  await page.screenshot({ path: `${screenshotDir}/source-invalid.ru.png`, animations: 'disabled' });
});

import { expect, test } from '@playwright/test';
import { buildScenario, demoFiles } from '../../shared/demo';
import { formatMoney } from '../../shared/format/money';
import { loadBankDirectory } from '../../shared/identifiers/banks';
import { importStatement } from '../../shared/import';
import { runTrace } from '../../shared/investigate';
import { readFileSync } from 'node:fs';
import { AppPage } from '../support/app-page';

/** What the CLI prints for the same case and seed: the engine run here, in the test process. */
function expectedTrace() {
  const sources = demoFiles(buildScenario()).map((f) => importStatement(f.bytes, f.name, { importedAt: 0 }));
  const request = {
    from: ['8 702 945 68 70'],
    direction: 'down' as const,
    method: 'pro-rata' as const,
    maxHops: 6,
  };
  const table = (name: string): unknown => JSON.parse(readFileSync(`resources/banks/${name}`, 'utf8'));
  return runTrace({ sources }, request, loadBankDirectory(table('kz-bins.json'), table('kz-iban-codes.json')))
    .json;
}
const digits = (text: string) => text.replace(/\s/g, '');

const screenshotDir = 'e2e/screenshots';

test('an investigator follows the shop’s money from a drop’s phone to the organizers’ wallets', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.openDemoInRussian('Трассировка');
  const seeds = page.locator('#trace-seeds');
  await expect(seeds).toBeVisible({ timeout: 60_000 });
  // As a person types it: the drop's phone from the shop's payment page.
  await seeds.fill('8 702 945 68 70');
  await seeds.press('Enter');
  await page.screenshot({ path: `${screenshotDir}/trace-form.ru.png`, animations: 'disabled' });
  await page.getByTestId('trace-run').click();

  await expect(page.getByTestId('trace-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('trace-picture')).toBeVisible();
  // The tab shows the numbers the CLI gives for the same case and seed.
  const expected = expectedTrace();
  const summary = digits(await page.getByTestId('trace-summary').innerText());
  expect(summary).toContain(digits(formatMoney(expected.enteredMinor, 'KZT', 'ru')));
  const firstRow = digits(await page.getByTestId('trace-reached-row').first().innerText());
  expect(firstRow).toContain(digits(formatMoney(expected.reached[0]!.amountMinor, 'KZT', 'ru')));
  const rows = page.getByTestId('trace-reached-row');
  expect(await rows.count()).toBeGreaterThan(3);
  // The collector's TRON wallet (a wallet reached after the exchange) is among the places.
  await expect(page.getByTestId('trace-reached')).toContainText('TAo1a7');
  await page.screenshot({
    path: `${screenshotDir}/trace-result.ru.png`,
    animations: 'disabled',
    fullPage: true,
  });

  // Why does the wallet hold that much? The paths, hop by hop, each with its statement row.
  await rows.filter({ hasText: 'TAo1a7' }).first().click();
  await expect(page.getByTestId('trace-paths')).toBeVisible();
  await expect(page.getByTestId('trace-evidence').first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/trace-paths.ru.png`, animations: 'disabled' });

  await page.getByRole('tab', { name: /Кандидаты на арест/ }).click();
  await expect(page.getByTestId('trace-candidates')).toContainText('Tether');
  await page.getByRole('tab', { name: /Схемы/ }).click();
  await expect(page.getByTestId('trace-patterns')).toContainText('Карта-дроп');
  await page.screenshot({ path: `${screenshotDir}/trace-patterns.ru.png`, animations: 'disabled' });
  // Thresholds are the investigator's: demanding 1,000 senders leaves no drop card.
  await page.getByTestId('pattern-thresholds-toggle').click();
  await page.getByTestId('threshold-dropMinSenders').fill('1000');
  await page.getByTestId('pattern-thresholds-apply').click();
  await expect(page.getByTestId('pattern-thresholds')).toContainText('изменён 1 порог');
  await expect(page.getByTestId('trace-patterns')).not.toContainText('Карта-дроп');
  await page.screenshot({ path: `${screenshotDir}/trace-thresholds.ru.png`, animations: 'disabled' });

  // Every number leads to its row: the first evidence link opens the statement at that row.
  await page.getByRole('tab', { name: /Места/ }).click();
  await rows.first().click();
  await page.getByTestId('trace-evidence').first().click();
  await expect(page.getByTestId('source-details')).toBeVisible();
  await expect(page.getByTestId('focused-row')).toBeVisible();

  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-row').last()).toContainText('Запущена трассировка');

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AppPage } from '../support/app-page';

const screenshotDir = 'e2e/screenshots';
const manifest = JSON.parse(readFileSync('resources/demo/manifest.json', 'utf8')) as {
  importOrder: { name: string }[];
};

test('a newcomer opens the demo case with one click and sees a real case', async ({ page }) => {
  const app = new AppPage(page);
  await app.openDemoInRussian();
  await expect(page.getByTestId('source-row')).toHaveCount(manifest.importOrder.length);
  for (const file of manifest.importOrder) {
    await expect(page.getByTestId('source-table')).toContainText(file.name);
  }
  await page.screenshot({ path: `${screenshotDir}/demo-sources.ru.png`, animations: 'disabled' });

  // Drops' transfers to the collector appear in both statements: the review pairs them.
  await page.getByTestId('open-duplicates').click();
  await expect(page.getByTestId('duplicate-row').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${screenshotDir}/demo-duplicates.ru.png`, animations: 'disabled' });
  const strongCount = Number((await page.getByTestId('confirm-strong').innerText()).replace(/\D/g, ''));
  expect(strongCount).toBeGreaterThan(0);
  await page.getByTestId('confirm-strong').click();
  await expect(page.getByTestId('duplicate-summary')).toContainText(`подтверждено: ${strongCount}`);
  await page.getByRole('button', { name: 'Закрыть' }).click();

  await page.getByRole('tab', { name: 'Объекты' }).click();
  await expect(page.getByTestId('entity-row').first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/demo-entities.ru.png`, animations: 'disabled' });

  // A masked card resolved automatically; the investigator overrules it, with a reason, in the audit log.
  await page.getByTestId('kind-card_masked').click();
  await page.getByTestId('entity-row').first().click();
  await expect(page.getByTestId('masked-resolution')).toContainText('Эта маскированная карта — полная карта');
  await page.getByTestId('split-resolution').click();
  await page.getByTestId('decision-reason').fill('Ответ банка № 12-345: карта выдана другому лицу');
  await page.screenshot({ path: `${screenshotDir}/demo-split-decision.ru.png`, animations: 'disabled' });
  await page.getByTestId('confirm-decision').click();
  await expect(page.getByTestId('masked-resolution')).toContainText(
    'Полной карты, соответствующей маске, в деле пока нет',
  );

  // A general merge: this masked card with a phone the investigator knows is the same holder's.
  await page.getByTestId('merge-search').fill('+7702');
  await page.getByTestId('merge-pick').first().click();
  await page.getByTestId('decision-reason').fill('Один владелец по ответу оператора');
  await page.getByTestId('confirm-decision').click();
  await expect(page.getByTestId('merged-group')).toBeVisible();

  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(4 + manifest.importOrder.length);
  await expect(page.getByTestId('audit-row').nth(-2)).toContainText('Объект разделён');
  await expect(page.getByTestId('audit-row').last()).toContainText('Объекты объединены');
  await expect(page.getByTestId('audit-verdict')).toContainText('Цепочка цела');

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

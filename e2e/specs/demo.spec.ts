import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AppPage } from '../support/app-page';

const screenshotDir = 'e2e/screenshots';
const manifest = JSON.parse(readFileSync('resources/demo/manifest.json', 'utf8')) as {
  importOrder: { name: string }[];
};

test('a newcomer opens the demo case with one click and sees a real case', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('case-workspace')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('source-row')).toHaveCount(manifest.importOrder.length);
  for (const file of manifest.importOrder) {
    await expect(page.getByTestId('source-table')).toContainText(file.name);
  }
  await page.screenshot({ path: `${screenshotDir}/demo-sources.ru.png`, animations: 'disabled' });

  await page.getByRole('tab', { name: 'Объекты' }).click();
  await expect(page.getByTestId('entity-row').first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/demo-entities.ru.png`, animations: 'disabled' });

  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(1 + manifest.importOrder.length);
  await expect(page.getByTestId('audit-verdict')).toContainText('Цепочка цела');

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

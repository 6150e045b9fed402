import { expect, test, type Page } from '@playwright/test';
import { halykFixture } from '../../shared/import/table/fixtures';
import { AppPage } from '../support/app-page';
import { asXlsx } from '../support/statement-files';

/** Counts every record of every store in the app's IndexedDB, read with the raw API (no app code). */
async function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('moneytrail');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const counts = {};
    for (const name of Array.from(db.objectStoreNames)) {
      counts[name] = await new Promise((resolve) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
      });
    }
    db.close();
    return counts;
  })()`);
}

test('killing the page in the middle of an import leaves the case exactly as before, with no orphan rows', async ({
  context,
}) => {
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  await app.createCase('Обрыв импорта', '', 'Ахметов Д. С.');
  const small = asXlsx(halykFixture(7, 20), 'first.xlsx');
  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-statements').click();
  await (await chooser).setFiles([small]);
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('close-import').click();
  const before = await storeCounts(page);
  expect(before.sources).toBe(1);

  // A statement big enough that its import is still running when the page dies.
  const big = asXlsx(halykFixture(8, 30_000), 'big.xlsx');
  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-statements').click();
  await (await chooser).setFiles([big]);
  await page.getByTestId('confirm-import').click({ timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.close({ runBeforeUnload: false });

  const after = await context.newPage();
  const reopened = new AppPage(after);
  await reopened.open();
  expect(await storeCounts(after)).toEqual(before);
  await after.getByTestId('case-row').click();
  await reopened.unlock();
  await expect(after.getByTestId('source-row')).toHaveCount(1);
  await after.getByRole('tab', { name: 'Аудит' }).click();
  await expect(after.getByTestId('audit-verdict')).toContainText('Цепочка цела');
  expect(reopened.problems).toEqual([]);
});

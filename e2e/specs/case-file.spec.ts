import { expect, test } from '@playwright/test';
import { halykFixture } from '../../shared/import/table/fixtures';
import { AppPage } from '../support/app-page';
import { asXlsx } from '../support/statement-files';

const screenshotDir = 'e2e/screenshots';

test('export a case file, open it on a fresh profile: the same case, statements and audit chain', async ({
  browser,
}, testInfo) => {
  const laptopA = await browser.newContext({ acceptDownloads: true });
  const pageA = await laptopA.newPage();
  const appA = new AppPage(pageA);
  await appA.open();
  await appA.switchLanguage('ru');
  await appA.createCase('Перенос дела', '261750031000777', 'Ахметов Д. С.');
  const chooser = pageA.waitForEvent('filechooser');
  await pageA.getByTestId('import-statements').click();
  await (await chooser).setFiles([asXlsx(halykFixture(3, 25), 'halyk.xlsx')]);
  await pageA.getByTestId('confirm-import').click();
  await pageA.getByTestId('close-import').click();
  await expect(pageA.getByTestId('source-row')).toHaveCount(1);

  const download = pageA.waitForEvent('download');
  await pageA.getByTestId('export-case').click();
  expect((await download).suggestedFilename()).toBe('Перенос дела.mtcase');
  // Kept outside the first profile: closing it deletes its downloads, as wiping a laptop would.
  const file = testInfo.outputPath('case.mtcase');
  await (await download).saveAs(file);
  await laptopA.close();

  // Another laptop: a profile with nothing in it.
  const laptopB = await browser.newContext();
  const pageB = await laptopB.newPage();
  const appB = new AppPage(pageB);
  await appB.open();
  await appB.switchLanguage('ru');
  const open = pageB.waitForEvent('filechooser');
  await pageB.getByTestId('import-case-file').click();
  await (await open).setFiles(file);
  // The file is not encrypted with this laptop's keys: it is stored here under a passphrase chosen now.
  await expect(pageB.getByRole('dialog')).toContainText('Перенос дела');
  await appB.fillNewPassphrase('другая фраза на другом ноутбуке');
  await pageB.getByTestId('confirm-import-case').click();
  await expect(pageB.getByTestId('case-title')).toHaveText('Перенос дела', { timeout: 15_000 });
  await expect(pageB.getByTestId('source-row')).toHaveCount(1);
  await expect(pageB.getByTestId('source-table')).toContainText('halyk.xlsx');
  await pageB.getByRole('tab', { name: 'Аудит' }).click();
  // case.created, source.imported, case.exported — and case.imported on this laptop.
  await expect(pageB.getByTestId('audit-row')).toHaveCount(4);
  await expect(pageB.getByTestId('audit-verdict')).toContainText('Цепочка цела');
  await pageB.screenshot({ path: `${screenshotDir}/case-file-imported.ru.png`, animations: 'disabled' });

  // The same file again is refused, and nothing changes.
  await pageB.getByRole('button', { name: 'Все дела' }).click();
  const again = pageB.waitForEvent('filechooser');
  await pageB.getByTestId('import-case-file').click();
  await (await again).setFiles(file);
  await expect(pageB.getByTestId('case-file-problem')).toContainText('уже есть дело');
  await expect(pageB.getByTestId('case-row')).toHaveCount(1);

  expect(appB.foreignRequests()).toEqual([]);
  expect(appB.problems).toEqual([]);
  await laptopB.close();
});

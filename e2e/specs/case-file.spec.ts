import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { isSealedCaseFile, openCaseFile } from '../../shared/casefile';
import { halykFixture } from '../../shared/import/table/fixtures';
import { AppPage } from '../support/app-page';
import { asXlsx } from '../support/statement-files';

const screenshotDir = 'e2e/screenshots';
const FILE_PASSPHRASE = 'фраза для передачи дела 42';

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

  // The file leaves the encrypted store: it is sealed under a passphrase chosen for it.
  await pageA.getByTestId('export-case').click();
  await expect(pageA.getByRole('dialog')).toContainText('Сообщите фразу получателю отдельно');
  await pageA.getByTestId('confirm-export-case').click();
  // An empty passphrase is refused in place: the field turns red, nothing is saved.
  await expect(pageA.getByRole('dialog').locator('.bp6-form-group[class*="intent-danger"]')).toHaveCount(1);
  await appA.fillNewPassphrase(FILE_PASSPHRASE);
  await pageA.screenshot({ path: `${screenshotDir}/case-file-seal.ru.png`, animations: 'disabled' });
  const download = pageA.waitForEvent('download');
  await pageA.getByTestId('confirm-export-case').click();
  expect((await download).suggestedFilename()).toBe('Перенос дела.mtcase');
  // Kept outside the first profile: closing it deletes its downloads, as wiping a laptop would.
  const file = testInfo.outputPath('case.mtcase');
  await (await download).saveAs(file);
  await laptopA.close();

  // Nothing of the case can be read from the file without the passphrase; with it, the whole case.
  const bytes = readFileSync(file);
  expect(isSealedCaseFile(bytes)).toBe(true);
  expect(bytes.includes(Buffer.from('Перенос дела'))).toBe(false);
  expect(bytes.includes(Buffer.from('halyk.xlsx'))).toBe(false);
  const { data } = await openCaseFile(bytes, FILE_PASSPHRASE);
  expect(data.case.title).toBe('Перенос дела');
  expect(data.sources.map((s) => s.source.name)).toEqual(['halyk.xlsx']);

  // Another laptop: a profile with nothing in it.
  const laptopB = await browser.newContext();
  const pageB = await laptopB.newPage();
  const appB = new AppPage(pageB);
  await appB.open();
  await appB.switchLanguage('ru');
  const open = pageB.waitForEvent('filechooser');
  await pageB.getByTestId('import-case-file').click();
  await (await open).setFiles(file);
  // The sealed file needs the passphrase it was sent with; the case is then kept here under a
  // passphrase chosen now. A mistyped file passphrase is said in the dialog and loads nothing.
  await expect(pageB.getByRole('dialog')).toContainText('case.mtcase · запечатан фразой-паролем');
  await pageB.getByTestId('file-passphrase').fill('не та фраза для файла');
  await appB.fillNewPassphrase('другая фраза на другом ноутбуке');
  await pageB.getByTestId('confirm-import-case').click();
  await expect(pageB.getByTestId('import-case-problem')).toContainText('не открывает case.mtcase');
  await pageB.screenshot({ path: `${screenshotDir}/case-file-open-sealed.ru.png`, animations: 'disabled' });
  await pageB.getByTestId('file-passphrase').fill(FILE_PASSPHRASE);
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
  await pageB.getByTestId('file-passphrase').fill(FILE_PASSPHRASE);
  await appB.fillNewPassphrase('другая фраза на другом ноутбуке');
  await pageB.getByTestId('confirm-import-case').click();
  await expect(pageB.getByTestId('case-file-problem')).toContainText('уже есть дело');
  await expect(pageB.getByTestId('case-row')).toHaveCount(1);

  expect(appB.foreignRequests()).toEqual([]);
  expect(appB.problems).toEqual([]);
  await laptopB.close();
});

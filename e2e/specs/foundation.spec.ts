import { expect, test } from '@playwright/test';
import { AppPage } from '../support/app-page';

const screenshotDir = 'e2e/screenshots';

test('first launch shows an empty case list that says what to do next', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByText('Дел пока нет')).toBeVisible();
  await expect(page.getByTestId('new-case')).toHaveText('Новое дело');
  await page.screenshot({ path: `${screenshotDir}/case-list-empty.ru.png`, animations: 'disabled' });
  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

test('create a case, switch language, reload: the case and the language persist, nothing leaves the origin', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.createCase('Магазин «Снежок», Алматы', '261750031000123', 'Ахметов Д. С.');

  await expect(page.getByTestId('case-workspace')).toBeVisible();
  await expect(page.getByTestId('empty-sources')).toContainText('Выписки не импортированы');
  await page.screenshot({ path: `${screenshotDir}/workspace.ru.png`, animations: 'disabled' });

  await app.switchLanguage('kk');
  await expect(page.getByTestId('empty-sources')).toContainText('Үзінді көшірмелер импортталмаған');
  await page.screenshot({ path: `${screenshotDir}/workspace.kk.png`, animations: 'disabled' });

  await app.switchLanguage('en');
  await expect(page.getByTestId('empty-sources')).toContainText('No statements imported');
  await page.screenshot({ path: `${screenshotDir}/workspace.en.png`, animations: 'disabled' });

  // The audit log recorded the case's creation and its chain verifies.
  await page.getByRole('tab', { name: 'Audit' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-verdict')).toContainText('Chain intact: 1 entry verified');
  await page.screenshot({ path: `${screenshotDir}/audit.en.png`, animations: 'disabled' });

  // A reload drops the keys from memory: the case asks for its passphrase again.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await app.unlock();
  await expect(page.getByTestId('case-title')).toHaveText('Магазин «Снежок», Алматы');

  await page.getByRole('button', { name: 'All cases' }).click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('case-row')).toContainText('261750031000123');
  await page.screenshot({ path: `${screenshotDir}/case-list.en.png`, animations: 'disabled' });

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

test('the dark theme and the Kazakh case list', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.createCase('Дроп-карты, Шымкент', '', 'Сейткали А.');
  await app.switchLanguage('kk');
  await page.getByRole('button', { name: 'Күңгірт тақырып' }).click();
  await expect(page.locator('body')).toHaveClass(/bp6-dark/);
  await page.screenshot({ path: `${screenshotDir}/workspace.kk.dark.png`, animations: 'disabled' });
  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

test('invalid case input is explained, not silently accepted', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  await page.getByTestId('new-case').click();
  await page.locator('#new-case-registryNumber').fill('12345');
  await page.getByTestId('create-case').click();
  await expect(page.getByText('Введите название дела')).toBeVisible();
  await expect(page.getByText('Номер ЕРДР состоит из 15 цифр')).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/new-case-errors.ru.png`, animations: 'disabled' });
});

test('the investigator adds a BIN prefix proved by a bank reply; a bad one is explained', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  await page.getByTestId('open-banks').click();
  await page.getByTestId('bin-prefix').fill('44');
  await page.getByTestId('add-bin').click();
  await expect(page.getByTestId('bank-problem')).toContainText('Не добавлено');
  await page.getByTestId('bin-prefix').fill('440563');
  await page.getByTestId('add-bin').click();
  await expect(page.getByTestId('bank-table')).toContainText('440563 · добавлен вами');
  await page.screenshot({ path: `${screenshotDir}/bank-tables.ru.png`, animations: 'disabled' });
  await page.reload();
  await page.getByTestId('open-banks').click();
  await expect(page.getByTestId('bank-table')).toContainText('440563 · добавлен вами');
  expect(app.problems).toEqual([]);
});

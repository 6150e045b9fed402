import { expect, test, type Page } from '@playwright/test';
import { chainAuditEntry } from '../../shared/audit/chain';
import { halykFixture } from '../../shared/import/table/fixtures';
import { AppPage, PASSPHRASE } from '../support/app-page';
import { asXlsx } from '../support/statement-files';

const screenshotDir = 'e2e/screenshots';

/** Which of `needles` a reader of the raw profile finds: every IndexedDB record, strings and bytes as text. */
async function readableOnDisk(page: Page, needles: string[]): Promise<string[]> {
  return page.evaluate(
    `(async (needles) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('moneytrail');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const texts = [];
      const walk = (value) => {
        if (typeof value === 'string') texts.push(value);
        else if (ArrayBuffer.isView(value)) {
          const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
          texts.push(new TextDecoder('latin1').decode(bytes), new TextDecoder().decode(bytes));
        } else if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => { texts.push(k); walk(v); });
      };
      for (const name of Array.from(db.objectStoreNames)) {
        const all = await new Promise((resolve) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        all.forEach(walk);
      }
      db.close();
      const haystack = texts.join('\\u0000');
      return needles.filter((needle) => haystack.includes(needle));
    })(${JSON.stringify(needles)})`,
  );
}

test('a case created with a passphrase: imported, locked, refused with a wrong passphrase, unlocked intact', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');

  // The new-case dialog asks for the passphrase twice.
  await page.getByTestId('new-case').click();
  await page.locator('#new-case-title').fill('Дроп-карты «Снежок», Алматы');
  await page.locator('#new-case-registryNumber').fill('261750031000555');
  await page.locator('#new-case-investigator').fill('Ахметов Д. С.');
  await page.locator('#passphrase').fill('коротко');
  await page.getByTestId('create-case').click();
  await expect(page.getByText('Не короче 12 символов')).toBeVisible();
  await app.fillNewPassphrase(PASSPHRASE);
  await page.locator('#passphrase-confirm').fill(`${PASSPHRASE}!`);
  await page.getByTestId('create-case').click();
  await expect(page.getByText('Фразы не совпадают')).toBeVisible();
  await app.fillNewPassphrase(PASSPHRASE);
  await page.screenshot({ path: `${screenshotDir}/new-case-passphrase.ru.png`, animations: 'disabled' });
  await page.getByTestId('create-case').click();
  await expect(page.getByTestId('case-title')).toHaveText('Дроп-карты «Снежок», Алматы', { timeout: 15_000 });

  const fixture = halykFixture(11, 30);
  const statement = asXlsx(fixture, 'Выписка Иванов.xlsx');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-statements').click();
  await (await chooser).setFiles([statement]);
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-outcomes')).toContainText(
    `Выписка Иванов.xlsx: операций — ${statement.expectedTransactions}`,
  );
  await page.getByTestId('close-import').click();
  await expect(page.getByTestId('source-row')).toHaveCount(1);

  // What is on disk: none of the case's content.
  const rows = fixture.sheets[0]!.rows;
  const ownIin = String(rows[1]![1]);
  const ownAccount = String(rows[2]![1]);
  const first = rows[10]!; // the first transaction: payer in H–I, recipient in M–N; one is the holder
  const counterparty = String(first[8] === ownIin ? first[12] : first[7]);
  expect(ownIin).toMatch(/^\d{12}$/);
  expect(ownAccount).toMatch(/^KZ/);
  expect(
    await readableOnDisk(page, [
      'Снежок',
      '261750031000555',
      'Ахметов',
      'Выписка Иванов',
      ownIin,
      ownAccount,
      counterparty,
    ]),
  ).toEqual([]);

  // Lock: the keys leave memory, the workspace gives way to the unlock screen.
  await app.lock();
  await expect(page.getByTestId('lock-reason')).toContainText('Ключи удалены из памяти');
  await expect(page.getByTestId('unlock-screen')).not.toContainText('Снежок');
  await page.screenshot({ path: `${screenshotDir}/unlock.ru.png`, animations: 'disabled' });

  // A wrong passphrase: the exact message, and nothing touched.
  const before = await readableOnDisk(page, ['Снежок']);
  await page.getByTestId('unlock-passphrase').fill('снег выпал в июне на склоне');
  await page.getByTestId('unlock').click();
  await expect(page.getByTestId('unlock-problem')).toHaveText(
    'Фраза-пароль не подходит к этому делу. Ничего не открыто и не изменено.',
  );
  await expect(page.getByTestId('unlock-screen')).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/unlock-wrong.ru.png`, animations: 'disabled' });
  expect(await readableOnDisk(page, ['Снежок'])).toEqual(before);

  // The right one: everything is back.
  await app.unlock();
  await expect(page.getByTestId('case-title')).toHaveText('Дроп-карты «Снежок», Алматы');
  await expect(page.getByTestId('source-row')).toHaveCount(1);
  await expect(page.getByTestId('source-table')).toContainText('Выписка Иванов.xlsx');
  await page.getByRole('tab', { name: 'Объекты' }).click();
  await expect(page.getByTestId('entity-row').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(2);
  await expect(page.getByTestId('audit-verdict')).toContainText('Цепочка цела');

  // A new passphrase: the current one first, then the new one twice; the old one stops working.
  const NEW = 'другая фраза для того же дела';
  await page.getByTestId('change-passphrase').click();
  await page.getByTestId('current-passphrase').fill('снег выпал в июне на склоне');
  await app.fillNewPassphrase(NEW);
  await page.getByTestId('confirm-change-passphrase').click();
  await expect(page.getByTestId('change-passphrase-problem')).toContainText('не подходит');
  await page.getByTestId('current-passphrase').fill(PASSPHRASE);
  await page.getByTestId('confirm-change-passphrase').click();
  await expect(page.getByTestId('passphrase-changed')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: `${screenshotDir}/passphrase-changed.ru.png`, animations: 'disabled' });
  await page.getByRole('button', { name: 'Закрыть' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(3);
  await app.lock();
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await page.getByTestId('unlock').click();
  await expect(page.getByTestId('unlock-problem')).toBeVisible();
  await app.unlock(NEW);
  await expect(page.getByTestId('audit-verdict')).toContainText('Цепочка цела');
  await expect(page.getByTestId('audit-tab')).toContainText('Парольная фраза дела изменена');

  // After a reload the case list knows only that an encrypted case exists, and when.
  await page.reload();
  await page.getByRole('button', { name: 'Все дела' }).click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('locked-case')).toContainText('Зашифрованное дело');
  await expect(page.getByTestId('case-table')).not.toContainText('Снежок');
  await page.screenshot({ path: `${screenshotDir}/case-list-locked.ru.png`, animations: 'disabled' });

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

test('an idle case locks itself after the time the investigator chose', async ({ page }) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  await page.getByTestId('auto-lock-select').selectOption('5');
  await app.createCase('Простой', '', 'Ахметов Д. С.');
  await page.clock.fastForward('04:00');
  await expect(page.getByTestId('case-workspace')).toBeVisible();
  await page.clock.fastForward('01:05');
  await expect(page.getByTestId('unlock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-reason')).toContainText('вы ничего не делали 5 мин');
  await app.unlock();
  await expect(page.getByTestId('case-title')).toHaveText('Простой');
  expect(app.problems).toEqual([]);
});

test('a case stored before encryption still opens, and “Set a passphrase” encrypts it in one step', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  // A case exactly as store v5 kept it (v6 only added `encrypted: false`), written with the raw API.
  const caseId = '6f1c2d8e-0000-4000-8000-0000000000a1';
  const created = chainAuditEntry(undefined, {
    caseId,
    at: Date.UTC(2026, 0, 15, 9),
    actor: 'Ахметов Д. С.',
    action: 'case.created',
    details: { title: 'Старое дело «Снежок»', registryNumber: '' },
  });
  await page.evaluate(
    `(async ([kase, entry]) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('moneytrail');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['cases', 'auditEntries'], 'readwrite');
      tx.objectStore('cases').add(kase);
      tx.objectStore('auditEntries').add(entry);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    })(${JSON.stringify([
      {
        id: caseId,
        title: 'Старое дело «Снежок»',
        registryNumber: '',
        investigator: 'Ахметов Д. С.',
        createdAt: created.at,
        updatedAt: created.at,
        encrypted: false,
      },
      created,
    ])})`,
  );
  await page.reload();
  await expect(page.getByTestId('case-row')).toContainText('без шифрования');
  await page.getByTestId('case-row').click();
  await expect(page.getByTestId('case-title')).toHaveText('Старое дело «Снежок»');
  await expect(page.getByTestId('plain-case')).toContainText('Дело хранится без шифрования');
  await page.screenshot({ path: `${screenshotDir}/plain-case.ru.png`, animations: 'disabled' });

  await page.getByTestId('set-passphrase').click();
  await app.fillNewPassphrase();
  await page.getByTestId('confirm-set-passphrase').click();
  await expect(page.getByTestId('plain-case')).toHaveCount(0);
  await expect(page.getByTestId('lock-case')).toBeVisible();
  expect(await readableOnDisk(page, ['Снежок', 'Ахметов'])).toEqual([]);

  await app.lock();
  await app.unlock();
  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(2);
  await expect(page.getByTestId('audit-row').last()).toContainText('Дело зашифровано фразой-паролем');
  await expect(page.getByTestId('audit-verdict')).toContainText('Цепочка цела');
  expect(app.problems).toEqual([]);
});

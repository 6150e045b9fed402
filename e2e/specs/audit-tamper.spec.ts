import { expect, test } from '@playwright/test';
import { AppPage } from '../support/app-page';

const screenshotDir = 'e2e/screenshots';

test('an audit entry altered behind the app’s back is detected and named', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.switchLanguage('ru');
  await app.createCase('Проверка журнала', '', 'Ахметов Д. С.');
  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('Цепочка цела');

  // Someone with the profile folder alters history with the raw IndexedDB API. The entry is
  // encrypted, so they cannot edit a field; they can only change bytes of the sealed record.
  await page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('moneytrail');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('auditEntries', 'readwrite').objectStore('auditEntries');
    const all = await new Promise((resolve) => { const r = store.getAll(); r.onsuccess = () => resolve(r.result); });
    const entry = all[0];
    if (!(entry.sealed instanceof Uint8Array) || 'actor' in entry) throw new Error('the entry is not encrypted');
    entry.sealed[entry.sealed.length - 1] ^= 1;
    await new Promise((resolve) => { const r = store.put(entry); r.onsuccess = () => resolve(undefined); });
    db.close();
  })()`);
  await page.reload();
  await app.unlock();
  await page.getByRole('tab', { name: 'Аудит' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText(
    'Цепочка нарушена на записи № 1: запись не проходит проверку подлинности',
  );
  await expect(page.getByTestId('audit-row').first()).toContainText('запись не читается');
  await page.screenshot({ path: `${screenshotDir}/audit-tampered.ru.png`, animations: 'disabled' });
});

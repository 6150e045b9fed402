/// <reference lib="dom" />
import { expect, type Page, type Request } from '@playwright/test';

/** The passphrase the specs lock their cases with: Cyrillic and spaces, as investigators type them. */
export const PASSPHRASE = 'снег выпал в мае на склоне';

/**
 * Page model of the app plus two watchdogs every spec wants: a record of every request the page
 * made (the app must never leave its origin) and of every CSP violation and console error.
 */
export class AppPage {
  readonly requests: string[] = [];
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request: Request) => this.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
  }

  async open(): Promise<void> {
    await this.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await this.page.goto('/');
    await expect(this.page.locator('.mt-topbar')).toBeVisible();
  }

  /** Creates a case through the new-case dialog, encrypted under `passphrase`, and waits for it to open. */
  async createCase(
    title: string,
    registryNumber: string,
    investigator: string,
    passphrase: string = PASSPHRASE,
  ): Promise<void> {
    await this.page.getByTestId('new-case').click();
    await this.page.locator('#new-case-title').fill(title);
    await this.page.locator('#new-case-registryNumber').fill(registryNumber);
    await this.page.locator('#new-case-investigator').fill(investigator);
    await this.fillNewPassphrase(passphrase);
    await this.page.getByTestId('create-case').click();
    await expect(this.page.getByTestId('case-title')).toHaveText(title, { timeout: 15_000 });
  }

  /** The passphrase and its repetition, in whichever dialog asks for a new one. */
  async fillNewPassphrase(passphrase: string = PASSPHRASE): Promise<void> {
    await this.page.locator('#passphrase').fill(passphrase);
    await this.page.locator('#passphrase-confirm').fill(passphrase);
  }

  /** On an encrypted case's unlock screen: enter the passphrase and wait for the workspace. */
  async unlock(passphrase: string = PASSPHRASE): Promise<void> {
    await expect(this.page.getByTestId('unlock-screen')).toBeVisible();
    await this.page.getByTestId('unlock-passphrase').fill(passphrase);
    await this.page.getByTestId('unlock').click();
    await expect(this.page.getByTestId('case-workspace')).toBeVisible({ timeout: 15_000 });
  }

  async lock(): Promise<void> {
    await this.page.getByTestId('lock-case').click();
    await expect(this.page.getByTestId('unlock-screen')).toBeVisible();
  }

  /** Opens the demo case from the empty case list and waits for its workspace. */
  async openDemo(): Promise<void> {
    await this.page.getByTestId('open-demo').click();
    await expect(this.page.getByTestId('case-workspace')).toBeVisible({ timeout: 60_000 });
  }

  /** The usual start of a spec: the app in Russian, the demo case open, and maybe one of its tabs. */
  async openDemoInRussian(tab?: string): Promise<void> {
    await this.open();
    await this.switchLanguage('ru');
    await this.openDemo();
    if (tab) await this.page.getByRole('tab', { name: tab }).click();
  }

  async switchLanguage(language: 'ru' | 'kk' | 'en'): Promise<void> {
    await this.page.getByTestId('language-select').selectOption(language);
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }

  /** Requests whose origin is not the app's own (data: and blob: are in-page, not network). */
  foreignRequests(): string[] {
    const origin = new URL(this.page.url()).origin;
    return this.requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      return new URL(url).origin !== origin;
    });
  }
}

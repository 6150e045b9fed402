// Replaced by vite.cli.config.ts at build time with package.json's version; absent under Vitest.
declare const __MONEYTRAIL_VERSION__: string | undefined;

export const CLI_VERSION: string =
  typeof __MONEYTRAIL_VERSION__ === 'string' ? __MONEYTRAIL_VERSION__ : 'dev';

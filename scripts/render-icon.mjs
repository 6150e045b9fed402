#!/usr/bin/env node
// Renders resources/icons/icon.svg to the 512×512 PNG electron-builder needs, with Debian's
// Chromium (the same browser the e2e tests use). Run after editing the SVG.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const executablePath =
  process.env.CHROMIUM_PATH ?? execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
const svg = readFileSync(new URL('../resources/icons/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(
  `<style>html,body{margin:0;background:transparent}svg{width:512px;height:512px;display:block}</style>${svg}`,
);
await page.screenshot({
  path: new URL('../resources/icons/icon.png', import.meta.url).pathname,
  omitBackground: true,
});
await browser.close();
console.log('resources/icons/icon.png written');

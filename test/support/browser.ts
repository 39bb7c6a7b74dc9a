import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../../libs/platform/project-root';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH points elsewhere. Never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Where browser tests save screenshots; .ci/run prints the same path. */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(projectRoot(), 'test-artifacts', 'screenshots');

/** `describe` when Chromium is installed, else a skipped block that says so in the test output. */
export function describeInBrowser(name: string, fn: () => void): void {
  if (hasChromium) {
    describe(name, fn);
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED browser tests "${name}": no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM})`, fn);
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh profile each time, removed on close. CSP is bypassed only so the test can inject axe-core. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, bypassCSP: true, viewport: { width: 1100, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // eslint-disable-next-line no-console
  console.log(`browser test screenshots: ${SCREENSHOT_DIR}`);
  return {
    context,
    page,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

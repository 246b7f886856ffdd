import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { requireTool } from '../../scripts/test-tools';

export const SHOTS = path.resolve(__dirname, '../../test-results');

// The flags a closed network needs: no background calls home, no component or sync downloads.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium (on PATH; `npm test` installs it first) with a fresh profile, removed again on
 * close. No browser is ever downloaded; a missing one is an error that says how to install it.
 */
export async function launchChromium(viewport = { width: 1024, height: 900 }): Promise<Browser> {
  const executablePath = requireTool('chromium');
  fs.mkdirSync(SHOTS, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: ARGS,
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Collects what a page must not do: script errors and Content-Security-Policy violations (each
 * reported as "CSP violation: <directive> <blocked URI>"). Call before the first navigation.
 */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.text().startsWith('CSP')) problems.push(m.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.log(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return problems;
}

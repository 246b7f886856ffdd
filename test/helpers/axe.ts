import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

/** WCAG 2.0 and 2.1, levels A and AA: what the EU Web Accessibility Directive (EN 301 549) asks. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let source: string | undefined;

/**
 * Puts axe-core into the page through the DevTools protocol (Playwright's `evaluate`), which the
 * page's Content-Security-Policy does not govern: the pages keep their production CSP, and axe
 * exists only in the test's browser. Idempotent per document.
 */
async function injectAxe(page: Page): Promise<void> {
  source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(source);
}

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  count: number;
  where: string[];
  /** What axe says is wrong with the first element, e.g. the measured contrast ratio. */
  why: string;
}

export interface Scan {
  /** WCAG 2.0/2.1 A and AA violations: must be empty. */
  violations: Finding[];
  /** Best-practice rules that failed: listed, not failed on. */
  bestPractice: Finding[];
}

function findings(results: Result[]): Finding[] {
  return results.map((r) => ({
    rule: r.id,
    impact: r.impact ?? 'n/a',
    help: r.help,
    count: r.nodes.length,
    where: r.nodes.slice(0, 3).map((n) => n.target.join(' > ').slice(-120)),
    why: (r.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
  }));
}

/**
 * Runs axe over the page, or only over `within` (a card as it arrives: the rest of the page was
 * scanned before). The WCAG A/AA rules and the best-practice rules run in one pass.
 */
export async function scan(page: Page, within?: Locator): Promise<Scan> {
  await injectAxe(page);
  const root = within ? await within.elementHandle() : null;
  const results = (await page.evaluate(
    async ([el, tags]) => {
      const w = window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<unknown> };
      };
      const res = (await w.axe.run(el ?? document, {
        runOnly: { type: 'tag', values: [...tags, 'best-practice'] },
        resultTypes: ['violations'],
        // Style sheets belong to the page, so only a whole-page scan reads them (orientation lock).
        preload: !el,
      })) as AxeResults;
      return { violations: res.violations } as AxeResults;
    },
    [root, WCAG_AA_TAGS] as const,
  )) as Pick<AxeResults, 'violations'>;
  const isWcag = (r: Result) => r.tags.some((t) => WCAG_AA_TAGS.includes(t));
  return {
    violations: findings(results.violations.filter(isWcag)),
    bestPractice: findings(results.violations.filter((r) => !isWcag(r))),
  };
}

/** One line per finding, for the test output and the failure message. */
export function describeFindings(label: string, list: Finding[]): string[] {
  return list.map(
    (f) =>
      `${label}: ${f.rule} (${f.impact}) ×${f.count} — ${f.help} — ${f.where.join(' | ')} — ${f.why}`,
  );
}

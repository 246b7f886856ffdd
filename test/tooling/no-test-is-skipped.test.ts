import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/paths';

/**
 * A suite must never turn green because something it needs was missing: a missing tool is an
 * error (scripts/test-tools.js `requireTool`), never a skipped or emptied test.
 */
const SKIPS = [
  /\b(?:it|test|describe)\s*\.\s*(?:skip|todo|failing)\b/,
  /\bx(?:it|test|describe)\s*\(/,
  /\bpending\s*\(/,
  // e.g. `if (!fs.existsSync('/usr/bin/chromium')) return;` before a test's assertions.
  /if\s*\(\s*!\s*(?:fs\.)?existsSync\([^)]*\)\s*\)\s*return\b/,
];

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return /\.(?:ts|js)$/.test(entry.name) ? [full] : [];
  });
}

it('no test is skipped, left to do, or ended early because a file or tool is absent', () => {
  const self = path.resolve(__filename);
  const found = testFiles(path.join(repoRoot, 'test'))
    .filter((file) => path.resolve(file) !== self)
    .flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${path.relative(repoRoot, file)}:${i + 1}`, line }))
        .filter(({ line }) => SKIPS.some((pattern) => pattern.test(line))),
    )
    .map(({ where, line }) => `${where}: ${line.trim()}`);
  expect(found).toEqual([]);
});

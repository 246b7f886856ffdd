'use strict';
/**
 * `npm test` runs this first ("pretest"). The browser tests launch Debian's Chromium; the document
 * tests render Word files with LibreOffice (`soffice`) and `pdftoppm`. When one is missing: as root
 * with apt-get (a fresh machine, CI) it installs the Debian packages quietly; anywhere else it stops
 * with one message naming the packages and the command, so no suite fails one by one, and none
 * turns green because a tool was not there. Tests find the tools the same way (`requireTool`).
 *
 * Own code: npm's `which` and `command-exists` only find a command (a few lines of node:fs here),
 * and no npm package installs Debian packages.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** What the tests run, and the Debian package that provides it. */
const TOOLS = [
  { command: 'chromium', pkg: 'chromium', for: 'the browser tests' },
  { command: 'soffice', pkg: 'libreoffice-writer-nogui', for: 'the document tests' },
  { command: 'pdftoppm', pkg: 'poppler-utils', for: 'the document tests' },
];

/** The executable `command` on `searchPath` (default: PATH), or undefined. */
function findOnPath(command, searchPath = process.env.PATH ?? '') {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function missingTools(searchPath) {
  return TOOLS.filter((tool) => findOnPath(tool.command, searchPath) === undefined);
}

/** The one message for a machine where the tools are missing and cannot be installed from here. */
function missingMessage(missing) {
  const what = missing.map((tool) => `${tool.command} (${tool.for})`).join(', ');
  const packages = missing.map((tool) => tool.pkg).join(' ');
  return (
    `npm test needs ${what}, not found on PATH.\n` +
    `Install the Debian package${missing.length > 1 ? 's' : ''} ${packages} and run npm test again:\n` +
    `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages}\n` +
    '(Run as root on a machine with apt-get, npm test installs them itself.)\n'
  );
}

/** The path of a tool a test needs; a missing one is an error that says how to install it. */
function requireTool(command) {
  const found = findOnPath(command);
  if (found !== undefined) return found;
  throw new Error(missingMessage(TOOLS.filter((tool) => tool.command === command)));
}

function aptGet(args) {
  return spawnSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Checks, installs when it can; returns the exit code. */
function main() {
  const missing = missingTools();
  if (missing.length === 0) return 0;
  const canInstall = process.getuid?.() === 0 && findOnPath('apt-get') !== undefined;
  if (!canInstall) {
    process.stderr.write(missingMessage(missing));
    return 1;
  }
  const packages = missing.map((tool) => tool.pkg);
  process.stdout.write(
    `Installing what the tests need (first run only, about a minute): ${packages.join(', ')}\n`,
  );
  const started = Date.now();
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
  ]) {
    const run = aptGet(args);
    if (run.status !== 0) {
      const said = `${run.stderr ?? ''}${run.error?.message ?? ''}`.trim().split('\n').slice(-5);
      process.stderr.write(`apt-get ${args[0]} failed:\n${said.join('\n')}\n`);
      process.stderr.write(missingMessage(missing));
      return 1;
    }
  }
  const still = missingTools();
  if (still.length > 0) {
    process.stderr.write(
      `apt-get finished, but these are still missing.\n${missingMessage(still)}`,
    );
    return 1;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`Installed ${packages.join(', ')} in ${seconds} s.\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();

module.exports = { TOOLS, findOnPath, requireTool };

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/paths';

/**
 * What keeps `npm ci` quiet on Node 24 (the install output itself is recorded by .ci/run): every
 * dependency install script reviewed, React at the version Web Chat 4.18's react-redux 7 accepts.
 */
type Lock = { packages: Record<string, { version?: string; hasInstallScript?: boolean }> };
type Manifest = { engines: { node: string }; allowScripts: Record<string, boolean> };

const read = <T>(file: string): T =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T;
const manifest = read<Manifest>('package.json');
const lock = read<Lock>('package-lock.json');

/** Names of locked packages whose install scripts npm would run. */
const withInstallScripts = [
  ...new Set(
    Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)),
  ),
].sort();

it('targets Node 24 LTS', () => {
  expect(manifest.engines.node).toBe('>=24');
});

it('reviews every install script: better-sqlite3 runs its build, every other one is denied', () => {
  expect(Object.keys(manifest.allowScripts).sort()).toEqual(withInstallScripts);
  const allowed = Object.entries(manifest.allowScripts).filter(([, allow]) => allow);
  expect(allowed).toEqual([['better-sqlite3', true]]);
});

it('installs a React that every package asking for one accepts (npm ls finds no invalid peer)', async () => {
  const { stdout } = await promisify(execFile)('npm', ['ls', 'react', 'react-dom', '--all'], {
    cwd: repoRoot,
  });
  expect(stdout).toContain('react-redux@7.');
  expect(stdout).not.toMatch(/invalid|UNMET|ERESOLVE/);
  expect(lock.packages['node_modules/react']?.version).toMatch(/^18\./);
  expect(lock.packages['node_modules/react-dom']?.version).toMatch(/^18\./);
}, 60_000);

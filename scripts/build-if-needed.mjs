// `npm start` runs this first: it compiles TypeScript only when dist/ is missing or older than src/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const entry = path.join(root, 'dist', 'src', 'index.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const stale =
  !fs.existsSync(entry) ||
  newestMtime(path.join(root, 'src')) > fs.statSync(entry).mtimeMs ||
  fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs > fs.statSync(entry).mtimeMs;

if (stale) {
  process.stdout.write('Building Brugbot (TypeScript)…\n');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      path.join(root, 'tsconfig.build.json'),
    ],
    {
      stdio: 'inherit',
    },
  );
}

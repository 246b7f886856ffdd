#!/usr/bin/env node
// `npm run playground`: Brugbot (built, local mode) plus Microsoft 365 Agents Playground, a local
// client that looks and behaves like Teams. Nothing leaves the machine; no Azure, no credentials.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const botPort = process.env.PORT || '3978';
const playgroundPort = process.env.PLAYGROUND_PORT || '56150';
const endpoint = `http://127.0.0.1:${botPort}/api/messages`;

if (process.env.MicrosoftAppId) {
  // The Playground sends no Bot Framework token; a bot with an app id would refuse every message.
  process.stderr.write('npm run playground needs local mode: unset MicrosoftAppId first.\n');
  process.exit(1);
}

// Build only when dist/ is stale, exactly as `npm start` does.
try {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-needed.mjs')], {
    stdio: 'inherit',
  });
} catch {
  process.stderr.write('npm run playground: the build failed (see the TypeScript errors above).\n');
  process.exit(1);
}

// The Playground opens its page with xdg-open and exits when there is none (headless machines,
// containers). This stand-in only prints the address, and it is on PATH for the Playground alone.
// The folder is also the Playground's working directory, so its log file stays out of the repo.
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-playground-'));
const xdgOpen = path.join(workdir, 'xdg-open');
fs.writeFileSync(
  xdgOpen,
  '#!/bin/sh\necho "Microsoft 365 Agents Playground: open $1 in your browser"\n',
  { mode: 0o755 },
);

const children = [];
let stopping = false;

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  fs.rmSync(workdir, { recursive: true, force: true });
  process.exitCode = code;
}

function start(name, args, options) {
  const child = spawn(process.execPath, args, { stdio: 'inherit', ...options });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping)
      process.stderr.write(
        `${name} stopped (${signal ?? `exit code ${code}`}); stopping the other one too.\n`,
      );
    stop(code ?? 0);
  });
  return child;
}

async function answers(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

async function main() {
  start('Brugbot', [path.join(root, 'dist', 'src', 'index.js')], {
    cwd: root,
    env: { ...process.env, PORT: botPort, HOST: '127.0.0.1' },
  });
  if (!(await answers(`http://127.0.0.1:${botPort}/healthz`))) {
    if (!stopping)
      process.stderr.write(
        `Brugbot did not answer on http://127.0.0.1:${botPort}/healthz in time.\n`,
      );
    stop(1);
    return;
  }
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  start(
    'Agents Playground',
    [
      cli,
      '--app-endpoint',
      endpoint,
      '--channel-id',
      'msteams',
      '--port',
      playgroundPort,
      '--disable-telemetry',
    ],
    {
      cwd: workdir,
      env: {
        ...process.env,
        PATH: `${workdir}${path.delimiter}${process.env.PATH ?? ''}`,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workdir, 'playground.log'),
      },
    },
  );
  // The xdg-open stand-in runs detached with its output discarded, so the address is printed here.
  if (await answers(`http://127.0.0.1:${playgroundPort}/`)) {
    process.stdout.write(
      `\nMicrosoft 365 Agents Playground (Teams-like): open http://127.0.0.1:${playgroundPort}/ — Ctrl+C stops both.\n\n`,
    );
  }
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
main().catch((error) => {
  process.stderr.write(
    `npm run playground failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  stop(1);
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const packageScript = path.join(repoRoot, 'scripts', 'package-teams.js');

/** Values a real provisioning would produce; fixed so assertions can name them. */
export const testEnv = {
  TEAMS_APP_ID: '2f3a5b1c-0d4e-4f60-8a7b-9c0d1e2f3a4b',
  MicrosoftAppId: '6c1e8f2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  BOT_DOMAIN: 'app-brugbot-test.azurewebsites.net',
} as const;

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
  zipPath: string;
}

const tempDirs: string[] = [];

/** Removes the output folders of every runPackageScript call so far; call it in afterAll. */
export function removeScriptOutputs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Runs the package script as `npm run package:teams` would, with only the given variables. */
export function runPackageScript(env: Record<string, string | undefined>): ScriptRun {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-teams-'));
  tempDirs.push(outDir);
  const zipPath = path.join(outDir, 'brugbot-teams.zip');
  const definedEnv = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const result = spawnSync(process.execPath, [packageScript, '--out', zipPath], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...definedEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, zipPath };
}

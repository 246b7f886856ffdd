import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/paths';
import { TOOLS, findOnPath } from '../../scripts/test-tools';

/**
 * `npm test` first runs scripts/test-tools.js ("pretest"). Absence is simulated with a PATH of
 * our own: an empty folder, or one with some of the real tools linked in. This machine's apt-get
 * is never run: removing Chromium from a shared machine to watch it come back is not an option, so
 * where the script may install, a PATH with a recording apt-get stands in for Debian's; it
 * "installs" a package by putting its command into the same folder.
 */
const SCRIPT = path.join(repoRoot, 'scripts', 'test-tools.js');
const ALL_PACKAGES = 'chromium libreoffice-writer-nogui poppler-utils';
const IS_ROOT = process.getuid?.() === 0;

const RECORDING_APT_GET = `#!/bin/sh
echo "$*" >> "$APT_LOG"
[ -n "$APT_FAILS" ] && { echo "E: Unable to locate package $APT_FAILS" >&2; exit 100; }
[ "$1" = install ] || exit 0
for pkg in "$@"; do
  case "$pkg" in
    chromium) tool=chromium ;; libreoffice-writer-nogui) tool=soffice ;; poppler-utils) tool=pdftoppm ;;
    *) continue ;;
  esac
  printf '#!/bin/sh\\n' > "$TOOL_DIR/$tool" && /bin/chmod +x "$TOOL_DIR/$tool"
done
`;

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-pretest-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function runPretest(env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [SCRIPT], {
    env: {
      HOME: os.tmpdir(),
      PATH: dir,
      TOOL_DIR: dir,
      APT_LOG: path.join(dir, 'apt.log'),
      ...env,
    },
    encoding: 'utf8',
  });
  const aptLog = path.join(dir, 'apt.log');
  const aptCalls = fs.existsSync(aptLog) ? fs.readFileSync(aptLog, 'utf8').trim().split('\n') : [];
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, aptCalls };
}

function linkRealTool(command: string) {
  const real = findOnPath(command);
  if (real === undefined)
    throw new Error(`${command} must be on this machine's PATH for this test`);
  fs.symlinkSync(real, path.join(dir, command));
}

function addRecordingAptGet() {
  fs.writeFileSync(path.join(dir, 'apt-get'), RECORDING_APT_GET, { mode: 0o755 });
}

describe('npm test sets itself up (scripts/test-tools.js)', () => {
  it('passes without a word when every tool is on PATH', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  it('without apt-get, stops with one message naming the packages and the command', () => {
    const run = runPretest();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    for (const tool of TOOLS) expect(run.stderr).toContain(tool.command);
    expect(run.stderr).toContain(`apt-get install -y --no-install-recommends ${ALL_PACKAGES}`);
  });

  it('names only what is missing', () => {
    linkRealTool('soffice');
    linkRealTool('pdftoppm');
    const run = runPretest();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get install -y --no-install-recommends chromium\n');
    expect(run.stderr).not.toContain('poppler-utils');
  });

  it(
    IS_ROOT
      ? 'as root with apt-get: updates once, installs the missing packages quietly, goes on'
      : 'not root: does not try apt-get, stops with the message',
    () => {
      linkRealTool('pdftoppm');
      addRecordingAptGet();
      const run = runPretest();
      if (!IS_ROOT) {
        expect(run.status).toBe(1);
        expect(run.aptCalls).toEqual([]);
        return;
      }
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.aptCalls).toEqual([
        'update -qq',
        'install -y -qq --no-install-recommends chromium libreoffice-writer-nogui',
      ]);
      expect(run.stdout).toMatch(/^Installing .*: chromium, libreoffice-writer-nogui\n/);
      expect(run.stdout).toMatch(/Installed chromium, libreoffice-writer-nogui in \d+ s\.\n$/);
      expect(findOnPath('chromium', dir)).toBeDefined();
    },
  );

  it('when apt-get fails, shows its error and the command, and fails', () => {
    addRecordingAptGet();
    const run = runPretest({ APT_FAILS: 'chromium' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`apt-get install -y --no-install-recommends ${ALL_PACKAGES}`);
    // Not root: apt-get is never tried, so only the message above is there.
    expect(run.aptCalls).toEqual(IS_ROOT ? ['update -qq'] : []);
    if (IS_ROOT)
      expect(run.stderr).toContain('apt-get update failed:\nE: Unable to locate package chromium');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../src/paths';

const REGISTER = path.join(__dirname, 'register-ts.js');
const ENTRY = path.join(repoRoot, 'src', 'index.ts');
/** Transpiling the bot on the fly takes ~5 s alone, over 30 s on a machine shared with other builds. */
const START_TIMEOUT_MS = 60_000;

export interface BotProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far, from its first line. */
  output(): string;
  /** POSTs an activity; resolves with the status, or 0 if the process died mid-request. */
  post(activity: unknown): Promise<number>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs the real bot (`src/index.ts`, the same entry as `npm start`) as its own OS process on a
 * free loopback port, so tests can run several against one store and kill one with SIGKILL.
 */
export async function spawnBot(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['-r', REGISTER, ENTRY], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', MicrosoftAppId: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bot did not start:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /(?:open |"url":")(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    async post(activity) {
      try {
        const res = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Connection: 'close' },
          body: JSON.stringify(activity),
        });
        await res.arrayBuffer();
        return res.status;
      } catch {
        return 0;
      }
    },
    kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}

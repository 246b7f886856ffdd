import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildMessage, ParentMessage } from './child-control';

export type BotKind = 'baseline' | 'brugbot';

export interface StartOptions {
  env?: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof for the profiling run. */
  nodeArgs?: string[];
  /** A child that is not listening by then is a failed run, not a slow one. */
  timeoutMs?: number;
  /** Where the child's stdout/stderr (its logs) go; by default to the bench's stderr. */
  logFile?: string;
}

const SCRIPT: Record<BotKind, string> = {
  baseline: path.join(__dirname, 'baseline-bot.js'),
  brugbot: path.join(__dirname, 'brugbot-process.js'),
};

/** One bot in its own process, so its memory and CPU are its own. */
export class BotChild {
  readonly spawnedAt: number;
  readyAt = 0;
  url = '';
  private readonly proc: ChildProcess;
  private exited = false;

  private constructor(kind: BotKind, options: StartOptions) {
    // A file written by the child itself costs the bench process nothing; a pipe would.
    const log = options.logFile ? fs.openSync(options.logFile, 'a') : undefined;
    this.spawnedAt = performance.now();
    this.proc = spawn(
      process.execPath,
      ['--expose-gc', ...(options.nodeArgs ?? []), SCRIPT[kind]],
      {
        env: { ...process.env, ...options.env },
        // Bot logs never reach stdout, which carries only the bench's table.
        stdio: ['ignore', log ?? 'pipe', log ?? 'pipe', 'ipc'],
      },
    );
    if (log !== undefined) fs.closeSync(log);
    this.proc.stdout?.pipe(process.stderr);
    this.proc.stderr?.pipe(process.stderr);
    this.proc.on('exit', () => (this.exited = true));
  }

  static async start(kind: BotKind, options: StartOptions = {}): Promise<BotChild> {
    const child = new BotChild(kind, options);
    await child
      .waitFor((m) => m.type === 'ready', options.timeoutMs ?? 20_000)
      .then((m) => {
        if (m.type === 'ready') child.url = m.url;
      });
    child.readyAt = performance.now();
    return child;
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  /** VmRSS from /proc: what the kernel charges the process, GC or not. */
  rssBytes(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : NaN;
  }

  /** User + system CPU seconds used so far (fields 14 and 15 of /proc/<pid>/stat). */
  cpuSeconds(): number {
    const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /** Heap after a full GC, which tells retained memory apart from garbage not yet collected. */
  async heapAfterGc(): Promise<number> {
    return (await this.memoryAfterGc()).heapUsed;
  }

  /** process.memoryUsage() inside the child, right after a full GC. */
  async memoryAfterGc(): Promise<{
    heapUsed: number;
    heapTotal: number;
    external: number;
    rss: number;
  }> {
    this.send({ type: 'measure' });
    const m = await this.waitFor((msg) => msg.type === 'measured', 10_000);
    if (m.type !== 'measured') throw new Error('unexpected answer to "measure"');
    return m;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  }

  private send(message: ParentMessage): void {
    this.proc.send(message);
  }

  private waitFor(match: (m: ChildMessage) => boolean, timeoutMs: number): Promise<ChildMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`bot child ${this.pid}: no answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onMessage = (m: ChildMessage) => match(m) && finish(undefined, m);
      const onExit = (code: number | null) =>
        finish(new Error(`bot child ${this.pid} exited with ${code}`));
      const finish = (error?: Error, message?: ChildMessage) => {
        clearTimeout(timer);
        this.proc.off('message', onMessage);
        this.proc.off('exit', onExit);
        if (error) reject(error);
        else resolve(message!);
      };
      this.proc.on('message', onMessage);
      this.proc.on('exit', onExit);
    });
  }
}

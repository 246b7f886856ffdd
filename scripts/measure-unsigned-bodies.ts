/**
 * Issue 28, finding 5: the CPU a credential-mode bot spends on unsigned requests with a 187 KB,
 * 18,000-key body. Spawns the bot of a checkout (default: this one) as its own process, sends
 * the requests one at a time, and reads the process's CPU time from /proc before and after.
 *
 *   node -r ./test/helpers/register-ts.js scripts/measure-unsigned-bodies.ts [repo root] [count] [port]
 *
 * Run it against another checkout (e.g. main) for a before/after comparison.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FakeJwks, TEST_APP_ID } from '../test/helpers/fake-jwks';

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const count = Number(process.argv[3] ?? 300);
const port = Number(process.argv[4] ?? 4401);
const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in ms (Linux only). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function manyKeys(): string {
  const body: Record<string, unknown> = { type: 'message', text: 'hallo '.repeat(1200) };
  for (let i = 0; i < 18_000; i++) body[i.toString(36).padStart(4, '0')] = i % 100;
  return JSON.stringify(body);
}

async function main(): Promise<void> {
  const jwks = new FakeJwks();
  await jwks.start();
  const child = spawn(
    process.execPath,
    ['-r', path.join(root, 'test/helpers/register-ts.js'), path.join(root, 'src/index.ts')],
    {
      env: {
        ...process.env,
        ...jwks.credentialEnv(),
        PORT: String(port),
        STORAGE: 'memory',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // Quiet logs (the refusals are not what is measured): wait for the health route instead.
  for (let tries = 0; ; tries++) {
    const up = await fetch(`${url}/healthz`).catch(() => undefined);
    if (up?.ok) break;
    if (tries > 300 || child.exitCode !== null) throw new Error('the bot did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const body = manyKeys();
  const forged = jwks.token({ aud: TEST_APP_ID }, jwks.otherKey());
  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['Authorization: Bearer garbage', { Authorization: 'Bearer garbage' }],
    ['a JWT signed with a foreign key', { Authorization: `Bearer ${forged}` }],
  ];
  console.log(`${root}: ${count} requests per case, body ${body.length} bytes`);
  for (const [what, headers] of cases) {
    const statuses = new Map<number, number>();
    const before = cpuMs(child.pid!);
    const started = Date.now();
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      }).catch(() => undefined);
      await res?.arrayBuffer().catch(() => undefined);
      statuses.set(res?.status ?? 0, (statuses.get(res?.status ?? 0) ?? 0) + 1);
    }
    const cpu = (cpuMs(child.pid!) - before) / count;
    const wall = (Date.now() - started) / count;
    console.log(
      `${what}: ${cpu.toFixed(2)} ms CPU per request in the bot, ${wall.toFixed(2)} ms wall; statuses ${JSON.stringify([...statuses])}`,
    );
  }
  child.kill('SIGTERM');
  await jwks.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging';
import { ActivityFactory } from '../helpers/activities';
import { spawnBot, type BotProcess } from '../helpers/bot-process';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeJwks, TEST_APP_ID } from '../helpers/fake-jwks';

const APP_ID = TEST_APP_ID;

/** Every non-empty line must be one JSON object whose keys appear once. */
function badLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        const keys = [...line.matchAll(/"([^"\\]+)":/g)].map((m) => m[1]);
        return Object.keys(parsed).length === 0 || keys.filter((k) => k === 'msg').length !== 1;
      } catch {
        return true;
      }
    });
}

describe('logs: one JSON line per event', () => {
  it('logs a failed turn once, with the error under err and a single msg', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString('utf8')), done()),
    });
    const bot: RunningBot = await startBot({}, createLogger('info', sink));
    try {
      // A store that is gone makes the turn fail inside the bot, as a crashed database would.
      await bot.app.storage.close();
      const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
      await bot.post(chat.message('start'));
      const output = lines.join('');
      const failed = output
        .split('\n')
        .filter((l) => l.includes('turn failed'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.msg).toBe('turn failed');
      expect(failed[0]!.err).toMatchObject({ type: 'StorageClosedError' });
      expect(badLines(output)).toEqual([]);
    } finally {
      await bot.stop().catch(() => undefined);
    }
  });

  describe('the real process in credential mode', () => {
    const jwks = new FakeJwks();
    let bot: BotProcess;
    let output = '';
    beforeAll(async () => {
      await jwks.start();
      bot = await spawnBot({
        ...jwks.credentialEnv(),
        STORAGE: 'memory',
        LOG_LEVEL: 'info',
      });
      bot.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      bot.child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    });
    afterAll(async () => {
      await bot.kill();
      await jwks.stop();
    });

    it('writes nothing but single JSON lines for forged and expired tokens', async () => {
      const activity = new ActivityFactory({ serviceUrl: 'http://127.0.0.1:9/' }).message('start');
      const tokens = [
        jwks.token({ aud: APP_ID }, jwks.otherKey()),
        jwks.token({ aud: APP_ID, nbf: 1_000, exp: 2_000 }),
        jwks.token({ aud: '00000000-0000-0000-0000-00000000beef' }),
      ];
      for (const token of tokens) {
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(activity),
        });
        expect(res.status).toBe(401);
      }
      // The access log line of the last request is written after its answer: wait for it.
      const deadline = Date.now() + 5_000;
      while ((output.match(/"msg":"activity"/g) ?? []).length < 3 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(output).toContain('refused an activity');
      expect(output).not.toContain('BEGIN RSA');
      expect(badLines(output)).toEqual([]);
      // botbuilder prints the refused key lookup itself: logged once, under a field that says so.
      const printed = output
        .split('\n')
        .filter((line) => line.includes('"library console output"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(printed.length).toBeGreaterThan(0);
      for (const line of printed) {
        expect(line.consoleOutput).toEqual(expect.any(String));
        expect(line).not.toHaveProperty('sdk');
      }
    });
  });
});

import { startBot, type RunningBot } from '../helpers/bot-server';

/**
 * The Agents SDK sends its replies to the local Direct Line with fetch, to this same server, over
 * a pooled keep-alive connection. With Node's default 5 s idle timeout, a turn that kept the event
 * loop busy longer than that sent its reply into a socket the server reset at that moment
 * (ECONNRESET; Web Chat showed "Er ging iets mis", one run in several on a loaded machine). A
 * plain script (fetch, 6 s stall, POST on the pooled connection) met the reset 3 times in 6 with
 * Node's default, never with 65 s; under Jest the stall does not reproduce it reliably, so this
 * test checks what clients go by: the idle time the server announces.
 */
describe('a pooled connection outlasts a busy moment of the event loop', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.stop());

  it('tells clients it keeps idle connections for 65 s, not Node’s default 5 s', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    await res.text();
    expect(res.headers.get('keep-alive')).toBe('timeout=65');
  });
});

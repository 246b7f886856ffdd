import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import {
  changeOrg,
  completePlan,
  eventually,
  outboxLength,
  textsTo,
  threadsCreated,
} from './steering-helpers';

async function feed(
  bot: RunningBot,
): Promise<{ status: number; csp: string | null; html: string }> {
  const res = await fetch(`${bot.url}/steering`);
  return {
    status: res.status,
    csp: res.headers.get('content-security-policy'),
    html: await res.text(),
  };
}

describe('the local steering feed at /steering', () => {
  let bot: RunningBot;
  beforeAll(
    async () => (bot = await startBot({ STEERING_DEBOUNCE_MS: '200', STEERING_POLL_MS: '50' })),
  );
  afterAll(async () => bot.stop());

  it('is empty, read-only and locked down before anything is posted', async () => {
    const page = await feed(bot);
    expect(page.status).toBe(200);
    expect(page.csp).toContain("default-src 'none'");
    expect(page.html).toContain('http-equiv="refresh"');
    expect(page.html).not.toMatch(/<script|<form|src="http/);
  });

  it('lists the note the bot posted in its local channel, escaped, and shows its updates', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completePlan(bot, chat, 'Stad <b>Aalst</b> <at>x</at>');
    const confirmation = await eventually(() =>
      textsTo(bot, chat).find((t) => t.includes('/steering#')),
    );
    expect(confirmation).toContain(`${bot.url}/steering#`);
    // The local channel is the bot's own: nothing went to the Teams Connector.
    expect(threadsCreated(bot.connector)).toEqual([]);

    const posted = await eventually(async () => {
      const page = await feed(bot);
      return page.html.includes('Aalst') ? page.html : undefined;
    });
    expect(posted).toContain('Stad &#60;b&#62;Aalst&#60;/b&#62; &#60;at&#62;x&#60;/at&#62;');
    expect(posted).not.toContain('<b>Aalst');

    await changeOrg(bot, chat, 'Stad Dendermonde');
    await eventually(async () => ((await outboxLength(bot)) === 0 ? true : undefined));
    const updated = await eventually(async () => {
      const page = await feed(bot);
      return page.html.includes('Dendermonde') ? page.html : undefined;
    });
    expect(updated).toContain('1 keer bijgewerkt');
    expect(updated.match(/<article/g)).toHaveLength(1);
  });
});

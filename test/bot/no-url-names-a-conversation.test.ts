import JSZip from 'jszip';
import { planKey, planRef } from '../../src/storage';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeConnector } from '../helpers/fake-connector';
import {
  completePlan,
  confirmShare,
  send,
  steeringChannelEnv,
  threadsCreated,
} from '../steering/steering-helpers';

const TEAMS_APP_ID = '8f2c4a1e-1d3b-4c5e-9f60-7a8b9c0d1e2f';
const PUBLIC = 'https://brugbot.example';

/** Every http(s) URL in a text: cards, Markdown, channel data, files. */
function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s"'<>)\]\\]+/g) ?? [];
}

/** The text of a download: Markdown and JSON as they are, a Word file's every XML part (links live in its rels). */
async function downloadText(bytes: Buffer, contentType: string): Promise<string> {
  if (!contentType.includes('wordprocessingml')) return bytes.toString('utf8');
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
  return (await Promise.all(parts.map((f) => f.async('string')))).join('\n');
}

describe('no URL the bot sends or hands out names a conversation', () => {
  const teams = new FakeConnector();
  let bot: RunningBot;
  beforeAll(async () => {
    await teams.start();
    bot = await startBot({
      ...steeringChannelEnv(teams, '19:stuurgroep@thread.tacv2'),
      TEAMS_APP_ID,
      PUBLIC_BASE_URL: PUBLIC,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  it('a guide walked to the end, its steering note, export, documents and data export: plan links carry the hashed ref only', async () => {
    // A personal-chat id with characters that would show raw or percent-encoded in a URL.
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      conversationId: `a:1${Date.now()}/zijn+gesprek?x=1&y`,
    });
    await completePlan(bot, chat, 'Gemeente Brugge');
    // Until the author is told where the note went (with its link), which the outbox sends in the
    // background: every URL below is then among what is checked, not only on a quick run.
    await confirmShare(bot, chat, chat.message('deel samenvatting'), { untilPosted: true });
    expect(threadsCreated(teams)).toHaveLength(1);
    for (const command of ['samenvatting', 'exporteer', 'documenten', 'mijn gegevens'])
      await send(bot, chat.message(command));

    const outbound = [...bot.connector.calls, ...teams.calls].map((c) => JSON.stringify(c.body));
    const urls = outbound.flatMap(urlsIn);
    const downloads = urls.filter((u) => u.includes('/download/'));
    // Export (2), six documents at most in two formats, the data export.
    expect(downloads.length).toBeGreaterThanOrEqual(5);
    for (const link of new Set(downloads)) {
      const res = await fetch(`${bot.url}${new URL(link).pathname}`);
      expect(res.status).toBe(200);
      const text = await downloadText(
        Buffer.from(await res.arrayBuffer()),
        res.headers.get('content-type') ?? '',
      );
      urls.push(...urlsIn(text));
    }

    const ref = planRef(planKey('msteams', chat.conversationId));
    // The note's deep link into the Teams tab, with the tab on the web as its fallback.
    const deepLinks = urls.filter((u) => u.startsWith('https://teams.microsoft.com/l/entity/'));
    expect(deepLinks.length).toBeGreaterThan(0);
    for (const link of deepLinks) {
      const query = new URL(link).searchParams;
      expect(query.get('webUrl')).toBe(`${PUBLIC}/tab?plan=${ref}`);
      expect(JSON.parse(query.get('context')!)).toEqual({ subEntityId: ref });
    }
    const id = chat.conversationId;
    const forms = [
      id,
      encodeURIComponent(id),
      encodeURIComponent(encodeURIComponent(id)),
      id.replace(/^a:/, ''),
      'conversationId=',
    ];
    expect(urls.length).toBeGreaterThan(downloads.length);
    for (const url of urls) for (const form of forms) expect(url).not.toContain(form);
  });
});

import JSZip from 'jszip';
import { DownloadStore, DOWNLOAD_TTL_MS } from '../../src/downloads';
import { translator } from '../../src/i18n';
import { ActivityFactory, BRAM } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { changeOrg, lastCard, send, textsTo } from '../steering/steering-helpers';

const nl = translator('nl');
const LINK = /\((http:\/\/127\.0\.0\.1:\d+\/download\/([A-Za-z0-9_-]+))\)/g;

describe('"documenten" over the Bot Framework protocol', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('lists each document as Word and Markdown links, made now, that expire', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(bot, chat.message('documenten'));
    expect(textsTo(bot, chat)).toContain(nl('documents:chat.nothingYet'));

    await send(bot, chat.message('start'));
    await changeOrg(bot, chat, 'Gemeente Zele');
    await send(bot, chat.message('documenten'));
    const reply = textsTo(bot, chat).pop()!;
    for (const id of [
      'collegeNote',
      'vacancy',
      'tender',
      'commitment',
      'evaluation',
      'beliefsNote',
    ])
      expect(reply).toContain(nl(`documents:titles.${id}`));
    const links = [...reply.matchAll(LINK)];
    // Six documents (step 4 is open: vacancy and tender both), each as .docx and .md.
    expect(links).toHaveLength(12);

    const note = await fetch(links[0]![1]!);
    expect(note.status).toBe(200);
    expect(note.headers.get('content-disposition')).toContain(
      'nota-college-verbindingsambassadeur-gemeente-zele.docx',
    );
    const xml = await (
      await JSZip.loadAsync(await note.arrayBuffer())
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('Gemeente Zele');
    expect(xml).toContain(nl('documents:note.legal.title'));
    const markdown = await (await fetch(links[1]![1]!)).text();
    expect(markdown).toContain(`## ${nl('documents:open.title')}`);

    // The links are a day's: read the stored link as the server will once that has passed.
    const later = new DownloadStore(bot.app.storage, () => Date.now() + DOWNLOAD_TTL_MS + 5_000);
    for (const [, , token] of links) expect(await later.get(token!)).toBe('expired');
  });

  it('answers the summary card button the same way', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(bot, chat.message('start'));
    await changeOrg(bot, chat, 'Gemeente Zele');
    await send(bot, chat.message('samenvatting'));
    const actions = (lastCard(bot, chat).actions ?? []) as { data?: { verb?: string } }[];
    expect(actions.map((a) => a.data?.verb)).toContain('documents.list');
    await send(bot, chat.submit({ verb: 'documents.list' }));
    expect([...textsTo(bot, chat).pop()!.matchAll(LINK)]).toHaveLength(12);
  });

  it('gives someone in another conversation nothing of this plan', async () => {
    const anne = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(bot, anne.message('start'));
    await changeOrg(bot, anne, 'Gemeente Zele');
    const bram = new ActivityFactory({ serviceUrl: bot.connector.url, user: BRAM });
    await send(bot, bram.message('documents'));
    const replies = textsTo(bot, bram);
    expect(replies).toEqual([nl('documents:chat.nothingYet')]);
    expect(replies.join('\n')).not.toMatch(/download|Zele/);
  });
});

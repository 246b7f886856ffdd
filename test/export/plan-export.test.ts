import JSZip from 'jszip';
import { viewContext } from '../../src/presentation';
import { planDocx, planMarkdown } from '../../src/presentation/exports';
import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { filledPlan, plausibleValue, realGuide, T0 } from '../helpers/plans';
import { changeOrg, send, textsTo } from '../steering/steering-helpers';
import { withProgress } from '../../src/followup';

const nl = translator('nl');
const TYPED = 'Eerste regel <at>Bram</at> **vet**\u0001\nTweede regel 🎉';

/** A completed plan whose answers hold markup, a control character (invalid in XML) and emoji. */
function plan() {
  const state = filledPlan(plausibleValue);
  const answers = {
    ...state.answers,
    beliefsNote: { ...state.answers.beliefsNote!, value: TYPED },
  };
  return { ...state, status: 'completed' as const, completedAt: T0.toISOString(), answers };
}

describe('the plan as a Word document', () => {
  const ctx = withProgress(viewContext(realGuide(), plan(), 'nl', nl));

  it('opens as a .docx with a heading per step, every answer, advice sources and open points', async () => {
    const zip = await JSZip.loadAsync(await planDocx(ctx, T0));
    const xml = await zip.file('word/document.xml')!.async('string');
    const headings = [
      ...xml.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/g),
    ].map((m) => m[1]);
    for (const step of realGuide().definition.steps) {
      expect(headings).toContain(
        nl('bot:summary.stepHeading', {
          step: step.number,
          title: nl(`guide:steps.s${step.number}.title`),
        }),
      );
    }
    expect(headings).toContain(nl('bot:advice.title'));
    expect(xml).toContain('Gemeente Voorbeeld');
    expect(xml).toContain('Eerste regel &lt;at&gt;Bram&lt;/at&gt; **vet**');
    expect(xml).toContain('Tweede regel 🎉');
    expect(xml).not.toContain('\u0001');
    // Who answered, as typed (the test actor's name is full of markup), escaped by the XML writer.
    expect(xml).toContain(
      'Ingevuld door Anne &lt;b&gt;Peeters&lt;/b&gt; *bold* &lt;at&gt;Bram&lt;/at&gt; 🎉 · 23 nov',
    );
    expect(headings).toContain(nl('bot:summary.openPointsTitle', { count: 0 }));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('https://www.kdg.be/');
  });
});

describe('the plan as Markdown', () => {
  it('contains every answer, escaped, under a heading per step', () => {
    const md = planMarkdown(withProgress(viewContext(realGuide(), plan(), 'nl', nl)), T0);
    expect(md).toContain(
      `## ${nl('bot:summary.stepHeading', { step: 1, title: nl('guide:steps.s1.title') })}`,
    );
    expect(md).toContain('> Gemeente Voorbeeld');
    expect(md).toContain('> Eerste regel &lt;at&gt;Bram&lt;/at&gt; \\*\\*vet\\*\\*');
    expect(md).toContain('> Tweede regel 🎉');
    expect(md).not.toMatch(/<at>|\*\*vet\*\*/);
  });
});

describe('"exporteer" over the Bot Framework protocol', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('answers with two download links that return the .docx and the Markdown', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(bot, chat.message('exporteer'));
    expect(textsTo(bot, chat)).toContain(nl('exports:nothingYet'));

    await send(bot, chat.message('start'));
    await changeOrg(bot, chat, 'Gemeente Wichelen');
    await send(bot, chat.message('exporteer'));
    const reply = textsTo(bot, chat).pop()!;
    const links = [
      ...reply.matchAll(/\((http:\/\/127\.0\.0\.1:\d+\/download\/[A-Za-z0-9_-]+)\)/g),
    ].map((m) => m[1]!);
    expect(links).toHaveLength(2);

    const docx = await fetch(links[0]!);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(docx.headers.get('content-disposition')).toContain(
      'plan-verbindingsambassadeur-gemeente-wichelen.docx',
    );
    const xml = await (
      await JSZip.loadAsync(await docx.arrayBuffer())
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('Gemeente Wichelen');

    const markdown = await fetch(links[1]!);
    expect(markdown.headers.get('content-type')).toContain('text/markdown');
    expect(await markdown.text()).toContain('> Gemeente Wichelen');
  });
});

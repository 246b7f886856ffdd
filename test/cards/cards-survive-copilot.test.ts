import fs from 'node:fs';
import path from 'node:path';
import { renderCard, type CardAttachment } from '../../src/cards';
import { initialPlanState } from '../../src/guide';
import { LOCALES, translator, type Locale } from '../../src/i18n';
import { qnaReply } from '../../src/presentation/chat';
import { stepCardData } from '../../src/presentation/chat';
import {
  receiptCardData,
  confirmRestartCardData,
  helpCardData,
  nextStepsCardData,
  openPromptData,
  overviewCardData,
  summaryCard,
  welcomeCardData,
} from '../../src/presentation/chat';
import { checkinCardData, scheduleCardData } from '../../src/presentation/chat';
import { checkinView, scheduleView } from '../../src/followup/view-models';
import { viewContext } from '../../src/presentation';
import { sharePreviewData } from '../../src/presentation/steering';
import { createQnaService } from '../../src/qna';
import { filledPlan, realGuide, T0 } from '../helpers/plans';
import { withProgress } from '../../src/followup';

type Json = Record<string, unknown>;

/** Elements that hold other elements: an action set inside one of these is what Copilot drops. */
const CONTAINERS = new Set(['Container', 'Column', 'ColumnSet', 'Table', 'TableRow', 'TableCell']);

/** Paths of every ActionSet that sits inside a container, column or table. */
function nestedActionSets(card: Json): string[] {
  const found: string[] = [];
  const walk = (node: unknown, where: string, inside: boolean) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`, inside));
    if (!node || typeof node !== 'object') return;
    const el = node as Json;
    if (el.type === 'ActionSet' && inside) found.push(where);
    const holds = inside || CONTAINERS.has(String(el.type));
    for (const key of ['body', 'items', 'columns', 'rows', 'cells'])
      walk(el[key], `${where}/${key}`, holds);
  };
  walk(card.body, 'body', false);
  return found;
}

/** Every id in the card, and every id a ToggleVisibility action names. */
function ids(card: Json): { present: Set<string>; targets: string[] } {
  const present = new Set<string>();
  const targets: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as Json;
    if (typeof el.id === 'string') present.add(el.id);
    if (el.type === 'Action.ToggleVisibility')
      for (const t of el.targetElements as (string | { elementId: string })[])
        targets.push(typeof t === 'string' ? t : t.elementId);
    Object.values(el).forEach(walk);
  };
  walk(card);
  return { present, targets };
}

const templates = fs
  .readdirSync(path.join(__dirname, '..', '..', 'cards'))
  .filter((f) => f.endsWith('.json'));

describe('every card template', () => {
  it.each(templates)('%s keeps its action sets at the top level and has a fallbackText', (f) => {
    const card = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', 'cards', f), 'utf8'),
    ) as Json;
    expect(nestedActionSets(card)).toEqual([]);
    expect(card.fallbackText).toEqual(expect.stringMatching(/\S/));
  });
});

/** Every card the guide sends in one language, from an empty and a filled plan. */
function guideCards(locale: Locale): [string, CardAttachment, string][] {
  const guide = realGuide();
  const t = translator(locale);
  const cards: [string, CardAttachment, string][] = [];
  const hint = (key: string) => t(key);
  for (const [name, state] of [
    ['empty', initialPlanState(T0)],
    ['filled', filledPlan()],
  ] as const) {
    const ctx = viewContext(guide, state, locale, t);
    for (const step of [1, 2, 3, 4, 5, 6]) {
      guide.step(step).parts.forEach((_, part) => {
        const data = stepCardData(
          ctx,
          { step, part },
          { qnaLinks: [{ entryId: 'successfulReferral', title: 'Wat telt als geslaagd?' }] },
        );
        cards.push([
          `${name} step ${step}.${part}`,
          renderCard('step', data),
          hint('bot:fallback.step'),
        ]);
      });
    }
    const open = guide.questionsOfPart({ step: 1, part: 0 }).map((q) => q.id);
    const prompt = openPromptData(ctx, { kind: 'openPrompt', step: 1, part: 0, questions: open });
    cards.push(
      [
        `${name} welcome`,
        renderCard('welcome', welcomeCardData(ctx, true)),
        hint('bot:fallback.welcome'),
      ],
      [`${name} help`, renderCard('help', helpCardData(ctx)), hint('bot:fallback.help')],
      [
        `${name} overview`,
        renderCard('overview', overviewCardData(ctx)),
        hint('bot:fallback.overview'),
      ],
      [`${name} summary`, summaryCard(withProgress(ctx)), hint('bot:fallback.summary')],
      [
        `${name} restart`,
        renderCard('confirm-restart', confirmRestartCardData(ctx)),
        hint('bot:fallback.restart'),
      ],
      [`${name} open prompt`, renderCard('confirm-open', prompt), hint('bot:fallback.openPrompt')],
      [
        `${name} receipt`,
        renderCard('receipt', receiptCardData(ctx, { kind: 'receipt', step: 2, part: 1 })),
        hint('bot:receipt.fallback'),
      ],
      [
        `${name} next steps`,
        renderCard('next-steps', nextStepsCardData(ctx)),
        hint('bot:fallback.nextSteps'),
      ],
      [
        `${name} share preview`,
        renderCard(
          'steering-share-confirm',
          sharePreviewData(ctx, { channelId: '19:x', hash: '0'.repeat(32) }),
        ),
        hint('steering:confirm.fallback'),
      ],
    );
  }
  const ctx = viewContext(guide, filledPlan(), locale, t);
  const now = new Date('2028-01-04T10:00:00Z');
  cards.push(
    [
      'schedule',
      renderCard(
        'followup-schedule',
        scheduleCardData(ctx, scheduleView(ctx.answers, undefined, now)),
      ),
      t('followup:fallback.schedule'),
    ],
    [
      'check-in',
      renderCard(
        'followup-checkin',
        checkinCardData(ctx, checkinView(ctx.answers, locale, now, { moment: 'm1' })),
      ),
      t('followup:fallback.checkin'),
    ],
  );
  const qna = createQnaService();
  for (const entryId of qna.entryIds()) {
    const reply = qnaReply(qna.byId(entryId, locale)!, t, 2, 'teamsChat');
    const [answer, resume] = reply.attachments as CardAttachment[];
    cards.push([`answer ${entryId}`, answer!, t('bot:fallback.answer')]);
    if (entryId === qna.entryIds()[0])
      cards.push(['resume', resume!, t('bot:qna.resumeTyped', { step: 2 })]);
  }
  const decline = qnaReply({ kind: 'decline', suggestions: [] }, t, undefined, 'teamsChat');
  cards.push(['decline', decline.attachments![0] as CardAttachment, t('bot:fallback.decline')]);
  return cards;
}

describe.each(LOCALES)('every card the guide sends, in %s', (locale) => {
  const cards = guideCards(locale);

  it('covers the guide, its follow-up and its quick answers', () => {
    expect(cards.length).toBeGreaterThan(40);
  });

  it.each(cards.map(([name, card, hint]) => [name, card, hint] as const))(
    '%s: no nested action set, every toggle target exists, fallbackText says what to do',
    (_name, card, hint) => {
      const content = card.content as Json;
      expect(nestedActionSets(content)).toEqual([]);
      const { present, targets } = ids(content);
      expect(targets.filter((id) => !present.has(id))).toEqual([]);
      expect(content.fallbackText).toEqual(expect.stringContaining(hint));
    },
  );
});

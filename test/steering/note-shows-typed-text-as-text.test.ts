import { viewContext } from '../../src/presentation';
import { cardBytes, type CardAttachment } from '../../src/cards';
import type { PlanState } from '../../src/guide';
import { LOCALES, translator } from '../../src/i18n';
import { steeringNote } from '../../src/presentation/steering';
import { validateCard } from '../helpers/card-validator';
import { filledPlan, realGuide, T0 } from '../helpers/plans';

type Json = Record<string, unknown>;
const ORG = '<at>Bram</at> **Gemeente** <script>alert(1)</script> [klik](http://e.vil) 🎉';
const NASTY = 'Ä <at>x</at> **y** # kop <img src=x onerror=alert(1)> [z](http://e.vil) ${x} 👩‍👩‍👧 ';

/** The worst plan there is: every answer at its longest, the free texts 10 000 characters long. */
function nastyPlan(): PlanState {
  const state = filledPlan();
  const answers = { ...state.answers };
  for (const [id, record] of Object.entries(answers)) {
    const q = realGuide().question(id);
    if (q?.type === 'text' || q?.type === 'multiline') {
      answers[id] = {
        ...record,
        value: NASTY.repeat(Math.ceil(10_000 / NASTY.length)).slice(0, 10_000),
      };
    }
  }
  answers.orgName = { ...answers.orgName!, value: ORG };
  return { ...state, status: 'completed', completedAt: T0.toISOString(), answers };
}

/** Every TextBlock text and every TextRun text of a card, apart. */
function texts(card: Json): { blocks: string[]; runs: string[] } {
  const out = { blocks: [] as string[], runs: [] as string[] };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as Json;
    if (el.type === 'TextBlock') out.blocks.push(String(el.text));
    if (el.type === 'TextRun') out.runs.push(String(el.text));
    Object.values(el).forEach(walk);
  };
  walk(card.body);
  return out;
}

describe.each(LOCALES)('the steering brief for a hostile plan, in %s', (locale) => {
  const t = translator(locale);
  const ctx = viewContext(realGuide(), nastyPlan(), locale, t);
  const planUrl = 'http://127.0.0.1:3978/tab?plan=abcdefghijklmnopqrstuv';
  const message = steeringNote(ctx, {
    now: new Date('2026-11-23T10:00:00Z'),
    changes: 'looptijd 3 jaar → 4 jaar',
    planUrl,
  });
  const card = message.attachments[0]! as CardAttachment;

  it('is a valid Adaptive Card 1.5 that, with its fallback text, stays under 12 KB', () => {
    expect(validateCard(card.content)).toEqual([]);
    expect(cardBytes(card) + Buffer.byteLength(message.text)).toBeLessThan(12 * 1024);
    expect(JSON.stringify(card.content)).not.toMatch(/\$\{(?!x\})[^}]*\}/);
  });

  it('puts typed text only in TextRuns, literally, and never in a markdown TextBlock', () => {
    const { blocks, runs } = texts(card.content);
    expect(runs.some((r) => r.includes('<at>Bram</at> **Gemeente** <script>'))).toBe(true);
    expect(runs.some((r) => r.startsWith('Ä <at>x</at> **y** # kop <img'))).toBe(true);
    for (const block of blocks) expect(block).not.toMatch(/<at>|e\.vil|<img|<script|Bram|Peeters/);
    for (const run of runs) expect(run).not.toMatch(/\p{Cs}/u);
  });

  it('shortens long answers to a first sentence with "…", never pasting them whole', () => {
    const { runs } = texts(card.content);
    expect(runs.some((r) => r.endsWith('…'))).toBe(true);
    expect(Math.max(...runs.map((r) => r.length))).toBeLessThan(400);
  });

  it('links the plan, not a download, and says what changed', () => {
    expect(card.content.actions).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', url: planUrl }),
    ]);
    expect(JSON.stringify(card.content)).not.toContain('/download/');
    const { runs } = texts(card.content);
    expect(runs.some((r) => r.endsWith(': looptijd 3 jaar → 4 jaar'))).toBe(true);
  });

  it('escapes the Markdown fallback, so nothing typed becomes markup or a mention', () => {
    expect(message.textFormat).toBe('markdown');
    expect(message.text).not.toMatch(/<at>|<script|<b>|\]\(http:\/\/e\.vil/);
    expect(message.text).toContain('&lt;at&gt;Bram&lt;/at&gt; \\*\\*Gemeente\\*\\*');
    expect(message.text).toContain(`(${planUrl})`);
  });
});

it('without a link to the plan, says where the full plan is instead', () => {
  const t = translator('nl');
  const message = steeringNote(viewContext(realGuide(), nastyPlan(), 'nl', t), { now: T0 });
  expect(message.attachments[0]!.content.actions).toEqual([]);
  expect(JSON.stringify(message)).toContain(t('steering:note.fullPlanNoLink'));
});

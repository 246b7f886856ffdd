import fs from 'node:fs';
import path from 'node:path';
import { translator } from '../../src/i18n';
import { repoRoot } from '../../src/paths';
import { loadGuideDefinition } from '../../src/guide';
import { planKey } from '../../src/plans';
import { planRef } from '../../src/tab';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { pressForward } from '../helpers/card-walker';
import { validateCard } from '../helpers/card-validator';
import { FakeConnector } from '../helpers/fake-connector';
import {
  changeOrg,
  completePlan,
  confirmShare,
  eventually,
  lastCard,
  outboxLength,
  send,
  threadsCreated,
  updates,
} from './steering-helpers';

type Json = Record<string, unknown>;
const CHANNEL = '19:steungroep@thread.tacv2';
const TEAMS_APP_ID = '5b0e7e43-7c33-4f4e-9b59-0f3f8a1e2d11';
const nl = translator('nl');

/** The card an update or a new thread carried. */
function cardOf(call: { body: Json }): Json {
  const activity = (call.body.activity ?? call.body) as Json;
  return (activity.attachments as { content: Json }[])[0]!.content;
}

/** Every text a reader sees on the card, joined. */
function textOf(card: Json): string {
  const texts: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const el = n as Json;
    if (typeof el.text === 'string') texts.push(el.text);
    Object.values(el).forEach(walk);
  };
  walk(card.body);
  return texts.join('\n');
}

describe('the steering brief follows the plan in the Teams channel', () => {
  let bot: RunningBot;
  const teams = new FakeConnector();
  const chat = () => new ActivityFactory({ serviceUrl: bot.connector.url });

  beforeAll(async () => {
    await teams.start();
    bot = await startBot({
      STEERING_SERVICE_URL: teams.url,
      STEERING_CHANNEL_ID: CHANNEL,
      STEERING_TENANT_ID: 'tenant-1',
      // Quick edits within 3 s of each other make one update.
      STEERING_DEBOUNCE_MS: '3000',
      STEERING_RETRY_BASE_MS: '100',
      STEERING_POLL_MS: '50',
      TEAMS_APP_ID,
      PUBLIC_BASE_URL: 'https://brugbot.example.org',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  // The part of step 3 that holds the duration ("looptijd"), wherever the guide puts it.
  const durationPart = loadGuideDefinition().steps[2]!.parts.findIndex((p) =>
    p.questions.some((q) => q.id === 'durationType'),
  );

  /** Answers the duration questions of step 3, on the plan's current revision. */
  async function setDuration(c: ActivityFactory, values: Json): Promise<void> {
    await send(bot, c.submit({ verb: 'guide.goto', step: 3 }));
    const rev = pressForward(lastCard(bot, c))!.rev;
    await send(
      bot,
      c.submit({ verb: 'guide.submit', step: 3, part: durationPart, rev, nav: 'stay', ...values }),
    );
  }

  const drained = () =>
    eventually(async () => ((await outboxLength(bot)) === 0 ? true : undefined));

  it('links the plan tab in Teams, says what changed, and makes one update of two quick edits', async () => {
    const c = chat();
    await completePlan(bot, c, 'Gemeente Zottegem');
    await confirmShare(bot, c);
    const [thread] = await eventually(() =>
      threadsCreated(teams).length ? threadsCreated(teams) : undefined,
    );
    const posted = cardOf(thread!);
    expect(validateCard(posted)).toEqual([]);
    expect(textOf(posted)).not.toContain(
      nl('steering:note.changed', { when: '', changes: '' }).split(' ')[0],
    );

    // The deep link: the app's plan tab (the manifest's static tab), with this plan as sub-entity.
    const [action] = posted.actions as { type: string; url: string }[];
    const link = new URL(action!.url);
    expect(`${link.origin}${link.pathname}`).toBe(
      `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/plan`,
    );
    const manifest = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'deploy/appPackage/manifest.json'), 'utf8'),
    ) as { staticTabs: { entityId: string }[] };
    expect(manifest.staticTabs.map((tab) => tab.entityId)).toContain('plan');
    const ref = (JSON.parse(link.searchParams.get('context')!) as { subEntityId: string })
      .subEntityId;
    expect(ref).toBe(planRef(planKey('msteams', c.conversationId)));
    expect(link.searchParams.get('webUrl')).toBe(`https://brugbot.example.org/tab?plan=${ref}`);
    // No download link in a post that stays for months.
    expect(JSON.stringify(thread!.body)).not.toContain('/download/');
    // What the tab shows for that link: this plan, and only this one.
    const shown = (await (await fetch(`${bot.url}/api/tab/plans?plan=${ref}`)).json()) as {
      plans: { title: string; conversationId: string }[];
    };
    expect(shown.plans.map((p) => p.conversationId)).toEqual([c.conversationId]);

    // One edit after completion: the same message, saying what was added.
    await setDuration(c, { q_durationType: 'fixed' });
    await setDuration(c, { q_durationYears: '3' });
    await drained();
    const first = updates(teams);
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(textOf(cardOf(first[first.length - 1]!))).toContain('looptijd toegevoegd');

    // Two quick edits: one update, naming both.
    await setDuration(c, { q_durationYears: '4' });
    await changeOrg(bot, c, 'Stad Ronse');
    await drained();
    const after = updates(teams);
    expect(after).toHaveLength(first.length + 1);
    const last = after[after.length - 1]!;
    expect(last.activityId).toBe(thread!.id);
    const text = textOf(cardOf(last));
    expect(text).toMatch(
      /Gewijzigd op [^:]+:\d\d: naam van de organisatie Gemeente Zottegem → Stad Ronse, looptijd 3 jaar → 4 jaar$/m,
    );
    expect(validateCard(cardOf(last))).toEqual([]);
    expect(threadsCreated(teams)).toHaveLength(1);
  });

  it('replaces the note with "plan verwijderd op … door …" when the plan is deleted', async () => {
    const c = chat();
    teams.clear();
    await completePlan(bot, c, 'Gemeente Lede');
    await confirmShare(bot, c);
    const [thread] = await eventually(() =>
      threadsCreated(teams).length ? threadsCreated(teams) : undefined,
    );
    await drained();
    await send(bot, c.message('verwijder plan'));
    const confirm = lastCard(bot, c);
    const data = (confirm.actions as { data: Json }[]).find(
      (a) => a.data.verb === 'privacy.delete.confirm',
    )!.data;
    await send(bot, c.submit(data));
    const withdrawn = await eventually(() =>
      updates(teams).find((u) => textOf(cardOf(u)).includes(nl('steering:withdrawn.title'))),
    );
    expect(withdrawn.activityId).toBe(thread!.id);
    const text = textOf(cardOf(withdrawn));
    expect(text).toMatch(/Plan verwijderd op .+ door Anne Peeters\./);
    expect(text).not.toContain('Gemeente Lede');
    expect(validateCard(cardOf(withdrawn))).toEqual([]);
    await drained();
    // Nothing of the plan is kept for the channel afterwards.
    expect(
      await bot.app.storage.listKeys(`steering/post/${planKey('msteams', c.conversationId)}`),
    ).toEqual([]);
  });
});

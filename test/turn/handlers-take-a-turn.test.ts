import { AfterSave } from '../../src/after-save';
import { HistoryHandler, PrivacyHandler } from '../../src/bot';
import { brugRouter } from '../../src/bot/routes';
import { DownloadStore } from '../../src/downloads';
import { DocumentsHandler, ExportHandler } from '../../src/export';
import { translator } from '../../src/i18n';
import { createLogger } from '../../src/logging';
import { PlanStore, UserPrefsStore } from '../../src/plans';
import { MemoryStorage } from '../../src/storage';
import { WEB_CHAT_NARRATION } from '../../src/turn';
import { realGuide, T0, ACTOR, storedPlan } from '../helpers/plans';
import { testTurn } from '../helpers/turn';

const nl = translator('nl');
const logger = createLogger('silent');

function parts() {
  const storage = new MemoryStorage();
  const guide = realGuide();
  const plans = new PlanStore(storage, guide);
  const downloads = new DownloadStore(storage);
  const afterSave = new AfterSave(logger);
  const deps = {
    guide,
    plans,
    downloads,
    logger,
    now: () => T0,
    baseUrl: () => 'http://x',
    afterSave,
  };
  return { storage, guide, plans, downloads, deps };
}

describe('a turn, built without any SDK or server', () => {
  it('knows who, where and what: group, mention removed, Teams place, chosen language', () => {
    const { turn } = testTurn(
      {
        channelId: 'msteams',
        text: '<at>Brugbot</at> koppel steungroep',
        entities: [{ type: 'mention', text: '<at>Brugbot</at>', mentioned: { id: 'bot' } }],
        conversation: { id: 'c', conversationType: 'channel', tenantId: 'tenant-1' },
        channelData: { team: { id: 'team-1', name: 'Jeugd' }, channel: { id: 'ch-1' } },
      },
      'en',
    );
    expect(turn.input).toEqual({ kind: 'text', text: 'koppel steungroep' });
    expect(turn.conversationKind).toBe('channel');
    expect(turn.isGroup).toBe(true);
    expect(turn.teams).toEqual({ teamId: 'team-1', teamName: 'Jeugd', channelId: 'ch-1' });
    expect(turn.tenantId).toBe('tenant-1');
    expect(turn.locale).toBe('en');
    expect(turn.planKey).toContain('msteams');
  });

  it('ignores a group message that does not address the bot, and keeps a card press', () => {
    expect(testTurn({ conversation: { id: 'g', isGroup: true }, text: 'hoi' }).turn.input).toEqual({
      kind: 'other',
    });
    expect(testTurn({ value: { verb: 'guide.start' } }).turn.input.kind).toBe('submit');
  });

  it('narrates cards for Web Chat only; Teams narrates them itself', async () => {
    const card = {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { fallbackText: 'Stap 1 van 6' },
    };
    const web = testTurn();
    await web.turn.send({ type: 'message', attachments: [card] });
    expect(web.sent[0]!.channelData?.[WEB_CHAT_NARRATION]).toBe('Stap 1 van 6');
    const teams = testTurn({ channelId: 'msteams' });
    await teams.turn.send({ type: 'message', attachments: [card] });
    expect(teams.sent[0]!.channelData).toBeUndefined();
  });
});

describe('handlers take a Turn', () => {
  it('export: nothing to export yet, in the turn language', async () => {
    const { deps } = parts();
    const { turn, texts } = testTurn({ text: 'exporteer' });
    await new ExportHandler(deps).send(turn);
    expect(texts()).toEqual([nl('exports:nothingYet')]);
  });

  it('a store that does not answer is an outage the user is told about, not "no plan"', async () => {
    const { deps, storage } = parts();
    await storage.close();
    const exported = testTurn();
    await new ExportHandler(deps).send(exported.turn);
    expect(exported.texts()).toEqual([nl('bot:errors.storageUnavailable')]);
    const history = testTurn();
    await new HistoryHandler(deps).sendAsOf(history.turn, T0);
    expect(history.texts()).toEqual([nl('bot:errors.storageUnavailable')]);
  });

  it('delete: an outage never skips the revision check, so nothing is deleted', async () => {
    const { deps, storage, plans } = parts();
    const { turn } = testTurn();
    await plans.apply(turn.planKey, { type: 'start' }, { now: T0, actor: ACTOR });
    const privacy = new PrivacyHandler({ ...deps, storage, prefs: new UserPrefsStore(storage) });
    const reads = storage.read.bind(storage);
    storage.read = async () => {
      throw new Error('connection refused');
    };
    const pressed = testTurn();
    await privacy.confirmDelete(pressed.turn, 1);
    expect(pressed.texts()).toEqual([nl('bot:errors.storageUnavailable')]);
    storage.read = reads;
    expect(await storedPlan(plans, turn.planKey)).toBeDefined();
  });
});

describe('the router: one registry of commands and card verbs', () => {
  const { deps, storage } = parts();
  const calls: string[] = [];
  const router = brugRouter({
    guide: { run: async (_turn, event) => void calls.push(`guide:${event.type}`) },
    quickQuestions: { ask: async () => void calls.push('ask') },
    language: { set: async (_turn, locale) => void calls.push(`locale:${locale}`) },
    privacy: new PrivacyHandler({ ...deps, storage, prefs: new UserPrefsStore(storage) }),
    history: new HistoryHandler(deps),
    steering: {} as never,
    exporter: new ExportHandler(deps),
    documents: new DocumentsHandler(deps),
    followup: {} as never,
    feedback: {} as never,
  });

  it('maps words and verbs to handlers, and refuses what it does not know', async () => {
    const { turn } = testTurn();
    await router.command(turn, 'Terug!')?.();
    await router.command(turn, 'taal en')?.();
    expect(router.command(turn, 'wat telt als een geslaagde toeleiding?')).toBeUndefined();
    const submit = router.submit(turn, { verb: 'guide.goto', step: '3' });
    expect(submit.ok).toBe(true);
    if (submit.ok) await submit.run();
    expect(calls).toEqual(['guide:back', 'locale:en', 'guide:goto']);
    expect(router.submit(turn, { verb: 'guide.explode' })).toEqual({
      ok: false,
      reason: 'unknownVerb',
    });
    expect(router.submit(turn, { verb: 'guide.goto', step: 99 })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(router.submit(turn, [])).toEqual({ ok: false, reason: 'notAnObject' });
    expect(router.knownVerbs()).toContain('followup.checkin.submit');
  });
});

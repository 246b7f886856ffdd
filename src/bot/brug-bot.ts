import { ActivityHandler, TurnContext, type InvokeResponse } from 'botbuilder';
import { resolveLocale, translator, type Locale } from '../i18n';
import type { Guide, GuideEvent, Position } from '../guide';
import { CorruptPlanError, planKey, type PlanStore, type UserPrefsStore } from '../plans';
import type { QnaService } from '../qna';
import { ConcurrencyExhaustedError } from '../storage';
import type { Logger } from '../logging';
import { parseCommand, type Command } from './commands';
import type { HistoryHandler } from './history-handler';
import type { PrivacyHandler } from './privacy-handler';
import type { SteeringHandler } from '../steering';
import type { ExportHandler } from '../export';
import type { FollowupAction, FollowupHandler } from '../followup';
import { qnaReply } from './qna-reply';
import { renderOutputs } from './render-outputs';
import { MAX_INPUT_CHARS, parseSubmit, type CardAction } from './submit-schema';
import { actorOf, isGroupConversation, logId, mentionsBot } from './turn-info';
import { viewContext } from './views/view-context';

/** An ActionSet shows at most a handful of buttons; three keeps the card calm. */
const MAX_QNA_LINKS = 3;

/** Teams' own limit is about 28 000 characters; the guide never needs more than this. */
export const MAX_TEXT_CHARS = 4000;

export interface BrugBotDeps {
  guide: Guide;
  plans: PlanStore;
  prefs: UserPrefsStore;
  qna: QnaService;
  privacy: PrivacyHandler;
  history: HistoryHandler;
  steering: SteeringHandler;
  exporter: ExportHandler;
  followup: FollowupHandler;
  logger: Logger;
  now?: () => Date;
  /** Where a conversation's plan can be read in full (the plan tab); linked from shortened answers. */
  planUrl?: (conversationId: string) => string;
}

type HandledElsewhere =
  | 'language'
  | 'asOf'
  | 'myData'
  | 'deletePlan'
  | 'linkSteering'
  | 'shareSummary'
  | 'export'
  | 'followUp';

const COMMAND_EVENTS: Record<Exclude<Command['kind'], HandledElsewhere>, GuideEvent> = {
  start: { type: 'start' },
  help: { type: 'help' },
  back: { type: 'back' },
  overview: { type: 'overview' },
  summary: { type: 'summary' },
  restart: { type: 'restartRequest' },
  undo: { type: 'undo' },
};

function eventForAction(
  action: CardAction,
  inputs: Record<string, string | number | boolean>,
): GuideEvent | undefined {
  switch (action.verb) {
    case 'guide.start':
      return { type: 'start' };
    case 'guide.overview':
      return { type: 'overview' };
    case 'guide.summary':
      return { type: 'summary' };
    case 'guide.goto':
      return { type: 'goto', step: action.step };
    case 'guide.submit':
      return {
        type: 'submitStep',
        step: action.step,
        part: action.part,
        revision: action.rev,
        nav: action.nav,
        ...(action.target !== undefined ? { target: action.target } : {}),
        values: inputs,
      };
    case 'guide.restart.confirm':
      return { type: 'restartConfirm', revision: action.rev };
    case 'guide.restart.cancel':
      return { type: 'restartCancel' };
    default:
      return undefined;
  }
}

/** Translates activities into guide events and the engine's outputs into messages; nothing more. */
export class BrugBot extends ActivityHandler {
  private readonly now: () => Date;

  constructor(private readonly deps: BrugBotDeps) {
    super();
    this.now = deps.now ?? (() => new Date());
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) {
        await this.runEvent(context, { type: 'welcome' }, await this.localeFor(context));
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /**
   * Brugbot's cards use Action.Submit (message activities), so no invoke is expected; botbuilder
   * would answer 501. A clear 400 says "not supported here" without looking like a server fault.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    this.deps.logger.info(
      { name: String(context.activity.name ?? '').slice(0, 60) },
      'unsupported invoke',
    );
    return {
      status: 400,
      body: { error: 'UnsupportedInvoke', message: 'This bot does not handle this invoke.' },
    };
  }

  private async localeFor(context: TurnContext): Promise<Locale> {
    const { channelId, from } = context.activity;
    const prefs = from?.id ? await this.deps.prefs.get(channelId, from.id) : {};
    return prefs.locale ?? resolveLocale(context.activity.locale);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const locale = await this.localeFor(context);
    const t = translator(locale);
    const { activity } = context;
    if (activity.value !== undefined && activity.value !== null) {
      await this.handleSubmit(context, locale);
      return;
    }
    const group = isGroupConversation(context);
    if (group && !mentionsBot(context)) return;
    const text = (TurnContext.removeRecipientMention(activity) ?? activity.text ?? '').trim();
    if (!text) {
      await context.sendActivity(t('bot:errors.emptyMessage'));
      return;
    }
    if (text.length > MAX_TEXT_CHARS) {
      await context.sendActivity(t('bot:errors.tooLong', { max: MAX_TEXT_CHARS }));
      return;
    }
    const command = parseCommand(text);
    if (command?.kind === 'language') return this.setLocale(context, command.locale);
    if (command?.kind === 'asOf') return this.deps.history.sendAsOf(context, locale, command.date);
    if (command?.kind === 'myData') return this.deps.privacy.sendMyData(context, locale);
    if (command?.kind === 'deletePlan') return this.deps.privacy.askDelete(context, locale);
    const key = planKey(activity.channelId, activity.conversation.id);
    if (command?.kind === 'linkSteering') return this.deps.steering.link(context, locale);
    if (command?.kind === 'shareSummary') return this.deps.steering.share(context, locale, key);
    if (command?.kind === 'export') return this.deps.exporter.send(context, locale, key);
    if (command?.kind === 'followUp') return this.deps.followup.show(context, locale, key);
    if (command) {
      await this.runEvent(context, COMMAND_EVENTS[command.kind], locale);
      return;
    }
    await this.answerQuestion(context, locale, (q) => this.deps.qna.ask(text, q));
  }

  private async handleSubmit(context: TurnContext, locale: Locale): Promise<void> {
    const t = translator(locale);
    const parsed = parseSubmit(context.activity.value);
    if (!parsed.ok) {
      this.deps.logger.warn(
        { conversation: logId(context.activity.conversation?.id), reason: parsed.reason },
        'rejected card submit',
      );
      await context.sendActivity(t(`bot:errors.submit.${parsed.reason}`, { max: MAX_INPUT_CHARS }));
      return;
    }
    const { action, inputs } = parsed;
    if (action.verb === 'lang.set') return this.setLocale(context, action.locale);
    if (action.verb === 'privacy.delete.confirm')
      return this.deps.privacy.confirmDelete(context, locale, action.rev);
    if (action.verb === 'privacy.delete.cancel')
      return this.deps.privacy.cancelDelete(context, locale);
    if (action.verb === 'steering.share') {
      const key = planKey(context.activity.channelId, context.activity.conversation.id);
      return this.deps.steering.share(context, locale, key, action.steeringTarget);
    }
    if (action.verb.startsWith('followup.')) {
      const key = planKey(context.activity.channelId, context.activity.conversation.id);
      return this.deps.followup.act(context, locale, key, action as FollowupAction, inputs);
    }
    if (action.verb === 'qna.ask') {
      const entryId = action.entryId;
      return this.answerQuestion(
        context,
        locale,
        (l) => this.deps.qna.byId(entryId, l) ?? { kind: 'decline', suggestions: [] },
      );
    }
    const event = eventForAction(action, inputs);
    if (event) await this.runEvent(context, event, locale);
  }

  private async setLocale(context: TurnContext, locale: Locale): Promise<void> {
    const { channelId, from } = context.activity;
    if (from?.id) await this.deps.prefs.setLocale(channelId, from.id, locale);
    // `brugbotLocale` lets the browser page switch its own texts too (Teams ignores it).
    await context.sendActivity({
      type: 'message',
      text: translator(locale)('bot:language.changed'),
      channelData: { brugbotLocale: locale },
    });
    await this.runEvent(context, { type: 'welcome' }, locale);
  }

  private async answerQuestion(
    context: TurnContext,
    locale: Locale,
    ask: (locale: Locale) => ReturnType<QnaService['ask']>,
  ): Promise<void> {
    const key = planKey(context.activity.channelId, context.activity.conversation.id);
    const plan = await this.deps.plans.read(key).catch(() => undefined);
    const resumeStep = plan?.status === 'inProgress' ? plan.currentStep : undefined;
    await context.sendActivity(
      qnaReply(ask(locale), translator(locale), resumeStep, context.activity.channelId),
    );
  }

  /** The knowledge-base entries a card links to, e.g. "Wat telt als geslaagd?" on the success part. */
  private qnaLinks(position: Position, locale: Locale): { entryId: string; title: string }[] {
    const part = this.deps.guide.step(position.step).parts[position.part];
    const ids = part ? [...part.qna, ...part.questions.flatMap((q) => q.qna)] : [];
    return [...new Set(ids)]
      .map((id) => this.deps.qna.byId(id, locale))
      .filter((a) => a !== undefined)
      .slice(0, MAX_QNA_LINKS)
      .map((a) => ({ entryId: a.entryId, title: a.title }));
  }

  private async runEvent(context: TurnContext, event: GuideEvent, locale: Locale): Promise<void> {
    const t = translator(locale);
    const key = planKey(context.activity.channelId, context.activity.conversation.id);
    try {
      const result = await this.deps.plans.apply(key, event, {
        now: this.now(),
        actor: actorOf(context),
      });
      const conversationId = context.activity.conversation.id;
      // "jou" only where the card is for one person; a group sees names on the same card.
      const personal = !isGroupConversation(context);
      const ctx = viewContext(this.deps.guide, result.state, locale, t, {
        ...(personal ? { viewer: actorOf(context) } : {}),
        ...(this.deps.planUrl ? { planUrl: this.deps.planUrl(conversationId) } : {}),
      });
      if (result.outputs.some((o) => o.kind === 'summary'))
        ctx.steeringChoices = await this.deps.steering.shareChoices(context);
      const activities = renderOutputs(ctx, result.outputs, (position) =>
        this.qnaLinks(position, locale),
      );
      if (activities.length) await context.sendActivities(activities);
      // After the reply: the steering note follows the saved plan (first post on completion).
      await this.deps.steering.afterSave(context, locale, key, result);
      await this.deps.followup.afterGuideTurn(context, locale, key, result);
    } catch (error) {
      if (error instanceof CorruptPlanError) {
        this.deps.logger.error(
          { conversation: logId(key), err: error.message },
          'stored plan is unreadable',
        );
        await context.sendActivity(t('bot:errors.corruptPlan'));
        return;
      }
      if (error instanceof ConcurrencyExhaustedError) {
        this.deps.logger.warn(
          { conversation: logId(key) },
          'gave up after repeated concurrent edits',
        );
        await context.sendActivity(t('bot:errors.busy'));
        return;
      }
      throw error;
    }
  }
}

import type { Guide, GuideEvent, Position } from '../guide';
import type { Locale } from '../i18n';
import { errorForLog, logId, type Logger } from '../logging';
import { CorruptPlanError, type PlanStore, type UserPrefsStore } from '../plans';
import { viewContext } from '../presentation';
import type { QnaService } from '../qna';
import { ConcurrencyExhaustedError } from '../storage';
import type { SteeringHandler } from '../steering';
import type { DocumentsHandler, ExportHandler } from '../export';
import type { FollowupHandler } from '../followup';
import { FEEDBACK_INVOKE, type AnswerFeedback, type UsageCounter } from '../insight';
import {
  createTurn,
  type InboundActivity,
  type OutgoingActivity,
  type ProcessResult,
  type Turn,
  type TurnApplication,
  type TurnIo,
} from '../turn';
import type { HistoryHandler } from './history-handler';
import type { PrivacyHandler } from './privacy-handler';
import { qnaReply, renderOutputs, renderReceipt } from '../presentation/chat';
import { brugRouter } from './routes';
import { MAX_INPUT_CHARS, type Router } from './router';

/** An ActionSet shows at most a handful of buttons; three keeps the card calm. */
const MAX_QNA_LINKS = 3;

/** Teams' own limit is about 28 000 characters; the guide never needs more than this. */
export const MAX_TEXT_CHARS = 4000;

/**
 * Brugbot's cards use Action.Submit (message activities), so no invoke is expected. A clear 400
 * says "not supported here" without looking like a server fault.
 */
const UNSUPPORTED_INVOKE: ProcessResult = {
  status: 400,
  body: { error: 'UnsupportedInvoke', message: 'This bot does not handle this invoke.' },
};

export interface BrugAppDeps {
  guide: Guide;
  plans: PlanStore;
  prefs: UserPrefsStore;
  qna: QnaService;
  privacy: PrivacyHandler;
  history: HistoryHandler;
  steering: SteeringHandler;
  exporter: ExportHandler;
  documents: DocumentsHandler;
  followup: FollowupHandler;
  /** The usage counters (src/insight): one more consumer of committed plan changes. */
  usage: UsageCounter;
  feedback: AnswerFeedback;
  logger: Logger;
  now?: () => Date;
  /** Where a plan can be read in full (the plan tab, by its hashed ref); linked from shortened answers. */
  planUrl?: (planKey: string) => string;
}

/** The application both hosts run: activity in, turn built, routed, answered. */
export class BrugApp implements TurnApplication {
  private readonly now: () => Date;
  private readonly router: Router;

  constructor(private readonly deps: BrugAppDeps) {
    this.now = deps.now ?? (() => new Date());
    this.router = brugRouter({
      guide: (turn, event) => this.runGuide(turn, event),
      ask: (turn, question) => this.answer(turn, question),
      setLocale: (turn, locale) => this.setLocale(turn, locale),
      privacy: deps.privacy,
      history: deps.history,
      steering: deps.steering,
      exporter: deps.exporter,
      documents: deps.documents,
      followup: deps.followup,
      feedback: deps.feedback,
    });
  }

  async handle(activity: InboundActivity, io: TurnIo): Promise<ProcessResult | undefined> {
    if (activity.type === 'invoke' && activity.name === FEEDBACK_INVOKE)
      return this.deps.feedback.fromInvoke(activity);
    if (activity.type === 'invoke') {
      this.deps.logger.info(
        { name: String(activity.name ?? '').slice(0, 60) },
        'unsupported invoke',
      );
      return UNSUPPORTED_INVOKE;
    }
    const turn = createTurn(activity, io, await this.chosenLocale(activity));
    try {
      await this.dispatch(turn);
    } catch (error) {
      this.deps.logger.error(
        { conversation: logId(turn.conversationId), err: errorForLog(error) },
        'turn failed',
      );
      // What was saved stays saved; the person hears that something went wrong, nothing more.
      await turn.send(turn.t('bot:errors.unexpected')).catch(() => undefined);
    }
    return undefined;
  }

  /** The language the person chose; a store that does not answer falls back to the channel's. */
  private async chosenLocale(activity: InboundActivity): Promise<Locale | undefined> {
    const userId = activity.from?.id;
    if (!userId) return undefined;
    const prefs = await this.deps.prefs.get(activity.channelId, userId).catch(() => ({}));
    return (prefs as { locale?: Locale }).locale;
  }

  private async dispatch(turn: Turn): Promise<void> {
    const { input } = turn;
    if (input.kind === 'joined') return this.runGuide(turn, { type: 'welcome' });
    if (input.kind === 'submit') return this.submit(turn, input.value);
    if (input.kind !== 'text') return;
    if (!input.text) return turn.send(turn.t('bot:errors.emptyMessage'));
    if (input.text.length > MAX_TEXT_CHARS)
      return turn.send(turn.t('bot:errors.tooLong', { max: MAX_TEXT_CHARS }));
    const command = this.router.command(turn, input.text);
    if (command) return command();
    return this.answer(turn, { text: input.text });
  }

  private async submit(turn: Turn, value: unknown): Promise<void> {
    const routed = this.router.submit(turn, value);
    if (routed.ok) return routed.run();
    this.deps.logger.warn(
      { conversation: logId(turn.conversationId), reason: routed.reason },
      'rejected card submit',
    );
    await turn.send(turn.t(`bot:errors.submit.${routed.reason}`, { max: MAX_INPUT_CHARS }));
  }

  private async setLocale(turn: Turn, locale: Locale): Promise<void> {
    if (turn.userId) await this.deps.prefs.setLocale(turn.channelId, turn.userId, locale);
    const next = turn.withLocale(locale);
    // `brugbotLocale` lets the browser page switch its own texts too (Teams ignores it).
    await next.send({
      type: 'message',
      text: next.t('bot:language.changed'),
      channelData: { brugbotLocale: locale },
    });
    await this.runGuide(next, { type: 'welcome' });
  }

  /**
   * A quick question never needs the plan to be answered; the plan only adds the way back to
   * where the person was, so a store that does not answer costs the link, not the answer.
   */
  private async answer(
    turn: Turn,
    question: { text: string } | { entryId: string },
  ): Promise<void> {
    const { qna } = this.deps;
    const result =
      'text' in question
        ? qna.ask(question.text, turn.locale)
        : (qna.byId(question.entryId, turn.locale) ?? { kind: 'decline', suggestions: [] });
    const read = await this.deps.plans.lookup(turn.planKey);
    const plan = read.ok ? read.plan : undefined;
    const resumeStep = plan?.status === 'inProgress' ? plan.currentStep : undefined;
    const reply = qnaReply(result, turn.t, resumeStep, turn.surface);
    if (result.kind === 'answer') {
      const { activity, token } = this.deps.feedback.decorate(reply, turn);
      const [sent] = await turn.sendForIds(activity);
      await this.deps.feedback.opened(turn, result.entryId, token, sent?.id);
    } else await turn.send(reply);
    if ('text' in question) await this.deps.usage.question(turn, question.text, result);
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

  /**
   * Where the channel updates messages, the card the person answered becomes a one-line receipt,
   * so the conversation stays short and old buttons go. A channel that cannot (Azure's Direct
   * Line) refuses the update: the answered card then simply stays, which is never wrong.
   */
  private async replaceAnsweredCard(turn: Turn, receipt: OutgoingActivity | undefined) {
    if (!receipt || !turn.repliesTo) return;
    await turn
      .update(turn.repliesTo, receipt)
      .catch((error: unknown) =>
        this.deps.logger.info(
          { conversation: logId(turn.conversationId), err: errorForLog(error) },
          'answered card not replaced',
        ),
      );
  }

  private async runGuide(turn: Turn, event: GuideEvent): Promise<void> {
    let result;
    try {
      result = await this.deps.plans.apply(turn.planKey, event, {
        now: this.now(),
        actor: turn.actor,
      });
    } catch (error) {
      if (error instanceof CorruptPlanError) {
        this.deps.logger.error(
          { conversation: logId(turn.planKey), err: error.message },
          'stored plan is unreadable',
        );
        return turn.send(turn.t('bot:errors.corruptPlan'));
      }
      if (error instanceof ConcurrencyExhaustedError) {
        this.deps.logger.warn(
          { conversation: logId(turn.planKey) },
          'gave up after repeated concurrent edits',
        );
        return turn.send(turn.t('bot:errors.busy'));
      }
      throw error;
    }
    // "jou" only where the card is for one person; a group sees names on the same card.
    const ctx = viewContext(this.deps.guide, result.state, turn.locale, turn.t, {
      ...(turn.isGroup ? {} : { viewer: turn.actor }),
      ...(this.deps.planUrl ? { planUrl: this.deps.planUrl(turn.planKey) } : {}),
    });
    if (result.outputs.some((o) => o.kind === 'summary'))
      ctx.steeringChoices = await this.deps.steering.shareChoices(turn);
    // The answered card shrinks to its receipt first, so the next card lands below it and keeps
    // its place in view (a card shrinking above it afterwards would pull it out of view).
    await this.replaceAnsweredCard(turn, renderReceipt(ctx, result.outputs));
    await turn.send(
      ...renderOutputs(ctx, result.outputs, (position) => this.qnaLinks(position, turn.locale)),
    );
    // After the reply: the steering note and the follow-up act on what the engine says changed.
    await this.deps.steering.afterSave(turn, result);
    await this.deps.followup.afterGuideTurn(turn, result);
    await this.deps.usage.afterSave(turn, result);
  }
}
